import { channelName, commentGroupTitle, dimensionName, kpiName, labelsFor, REPORT_LANGUAGES, resolveReportLanguage } from './i18n';
import { isWinAnsi } from './pdf/winansi';

describe('resolveReportLanguage', () => {
  it('prefers the requested language, then the questionnaire’s, then Spanish', () => {
    expect(resolveReportLanguage('en', 'es')).toBe('en');
    expect(resolveReportLanguage(undefined, 'en')).toBe('en');
    expect(resolveReportLanguage(undefined, 'es-MX')).toBe('es');
    expect(resolveReportLanguage(undefined, 'EN_gb')).toBe('en');
    expect(resolveReportLanguage(undefined, 'pt')).toBe('es');
    expect(resolveReportLanguage('fr', 'en')).toBe('en');
    expect(resolveReportLanguage(undefined, undefined)).toBe('es');
  });
});

describe('labels', () => {
  it('has the same entries in every language', () => {
    const keys = (language: (typeof REPORT_LANGUAGES)[number]) => Object.keys(labelsFor(language)).sort();
    expect(keys('en')).toEqual(keys('es'));
    expect(Object.keys(labelsFor('en').channelNames).sort()).toEqual(Object.keys(labelsFor('es').channelNames).sort());
    expect(Object.keys(labelsFor('en').sheetNames).sort()).toEqual(Object.keys(labelsFor('es').sheetNames).sort());
  });

  it('uses only characters the PDF’s standard fonts can draw', () => {
    const strings: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (typeof value === 'function') {
        const out = (value as (...args: unknown[]) => unknown)(3, 7);
        if (typeof out === 'string') strings.push(out);
        else collect((value as (input: { n: number; ci: string | null }) => unknown)({ n: 3, ci: '1,0 – 2,0' }));
      } else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const language of REPORT_LANGUAGES) collect(labelsFor(language));
    expect(strings.length).toBeGreaterThan(150);
    const offenders = strings.flatMap((text) => Array.from(text).filter((character) => !isWinAnsi(character)));
    expect(offenders).toEqual([]);
  });

  it('keeps Excel sheet names within Excel’s rules (≤ 31 characters, none of : \\ / ? * [ ])', () => {
    for (const language of REPORT_LANGUAGES) {
      for (const name of Object.values(labelsFor(language).sheetNames)) {
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[:\\/?*[\]]/);
      }
    }
  });

  it('names channels, dimensions, KPIs and comment groups', () => {
    const es = labelsFor('es');
    expect(channelName(es, 'in_person')).toBe('Presencial');
    expect(channelName(es, 'carrier_pigeon')).toBe('carrier_pigeon');
    expect(dimensionName(es, 'data_security')).toBe('Protección de datos');
    expect(dimensionName(es, 'custom_thing')).toBe('custom thing');
    expect(kpiName(labelsFor('en'), 'fcr')).toBe('First-contact resolution');
    expect(kpiName(labelsFor('en'), 'empathy')).toBe('Empathy');
    const titles = new Map([['saludo', 'Saludo']]);
    expect(commentGroupTitle(es, titles, 'saludo')).toBe('Saludo');
    expect(commentGroupTitle(es, titles, 'narrative')).toBe('Relato de la visita');
    expect(commentGroupTitle(es, titles, 'other')).toBe('other');
  });
});
