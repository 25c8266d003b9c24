import { channelName, commentGroupTitle, dimensionName, kpiName, labelsFor, REPORT_LANGUAGES, resolveReportLanguage } from './i18n';

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
