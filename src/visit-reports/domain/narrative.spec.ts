import { createHash } from 'crypto';
import { narrativeFingerprint, normalizeNarrative } from './narrative';

describe('normalizeNarrative', () => {
  it('lower-cases, strips accents and punctuation, and collapses spaces', () => {
    expect(normalizeNarrative('  La EMPLEADA fue   muy amable, ¡pero tardó 10 min!  ')).toBe(
      'la empleada fue muy amable pero tardo 10 min',
    );
  });

  it('treats line breaks and tabs as spaces', () => {
    expect(normalizeNarrative('Good\n\tservice.')).toBe('good service');
  });
});

describe('narrativeFingerprint', () => {
  it('is the sha256 of the normalised text', () => {
    const expected = createHash('sha256').update('the clerk greeted me at once').digest('hex');
    expect(narrativeFingerprint('The clerk greeted me, at once!')).toBe(expected);
  });

  it('is equal for texts that differ only in case, accents and punctuation', () => {
    expect(narrativeFingerprint('Atención rápida y correcta en caja')).toBe(narrativeFingerprint('atencion RAPIDA y correcta... en caja'));
  });

  it('is null for no text and for texts too short to compare (under 20 characters normalised)', () => {
    expect(narrativeFingerprint(undefined)).toBeNull();
    expect(narrativeFingerprint('')).toBeNull();
    expect(narrativeFingerprint('Todo correcto.')).toBeNull(); // "todo correcto" = 13 characters
    expect(narrativeFingerprint('abcdefghij abcdefghi')).not.toBeNull(); // exactly 20
  });
});
