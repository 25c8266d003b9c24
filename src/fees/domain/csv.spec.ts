import { csvDocument, csvText } from './csv';

describe('csvText', () => {
  it('neutralises text that a spreadsheet would read as a formula', () => {
    expect(csvText('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvText('+34 600')).toBe("'+34 600");
    expect(csvText('-1')).toBe("'-1");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('\tx')).toBe("'\tx");
  });
  it('quotes separators, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvText('Pérez, Ana')).toBe('"Pérez, Ana"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
    expect(csvText('Ana Pérez')).toBe('Ana Pérez');
    expect(csvText(null)).toBe('');
  });
});

describe('csvDocument', () => {
  it('writes a BOM, the header and rows with CRLF, numbers as numbers', () => {
    expect(csvDocument(['name', 'cents', 'paid'], [['=evil', 2500, false]])).toBe("\uFEFFname,cents,paid\r\n'=evil,2500,false\r\n");
  });
});
