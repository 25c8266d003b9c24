/** The smallest thing magic bytes call a PNG: the signature and an IHDR chunk, then some pixels' worth of bytes of its own. */
export function tinyPng(seed: string, padding = 64): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from([0, 0, 0, 13]),
    Buffer.from('IHDR', 'latin1'),
    Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]),
    Buffer.from(seed.padEnd(padding, '.'), 'latin1'),
  ]);
}
