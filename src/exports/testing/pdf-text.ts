// Reads a PDF's text back for tests with pdf-parse v2. pdf.js loads its worker with a dynamic import(),
// which jest's module sandbox refuses ("without --experimental-vm-modules"), so the parsing runs in a
// plain Node child process and hands back JSON.
import { execFile } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const { readFileSync } = require('fs');
(async () => {
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(process.argv[1])) });
  const text = await parser.getText();
  const info = await parser.getInfo();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text: text.text, pages: text.total, info: info.info || {} }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

export interface PdfContents {
  text: string;
  pages: number;
  /** The document information dictionary: Title, Author, Subject, … */
  info: Record<string, unknown>;
}

export async function readPdf(buffer: Buffer): Promise<PdfContents> {
  const directory = mkdtempSync(join(tmpdir(), 'incognito-pdf-'));
  const file = join(directory, 'report.pdf');
  writeFileSync(file, buffer);
  try {
    const stdout = await new Promise<string>((done, fail) => {
      execFile(
        process.execPath,
        ['-e', SCRIPT, file],
        { cwd: resolve(__dirname, '../../..'), maxBuffer: 64 * 1024 * 1024 },
        (error, out, err) => (error ? fail(new Error(`pdf-parse failed: ${err || error.message}`)) : done(out)),
      );
    });
    return JSON.parse(stdout) as PdfContents;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
