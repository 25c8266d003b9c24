import { compileThemes, themesOf } from '../../kpis/domain/themes';
import { checkDefinition } from '../domain/definition-checker';
import { normalizeDefinition } from '../domain/normalize';
import { QUESTIONNAIRE_TEMPLATES } from './index';

describe('template themes', () => {
  it('every template in every language carries the customer-service themes, valid and in the same order', () => {
    for (const template of QUESTIONNAIRE_TEMPLATES) {
      const definition = normalizeDefinition(structuredClone(template.definition));
      expect(checkDefinition(definition)).toEqual([]);
      const keys = (definition.themes ?? []).map((theme) => theme.key);
      expect(keys.slice(0, 7)).toEqual(['waiting', 'courtesy', 'knowledge', 'resolution', 'clarity', 'follow_up', 'data_protection']);
    }
    const inStore = QUESTIONNAIRE_TEMPLATES.filter((template) => template.key === 'in_store');
    expect(inStore.map((template) => template.definition.themes?.at(-1)?.label)).toEqual(['Instalaciones', 'Premises']);
  });

  it('tags what shoppers write in Spanish and English', () => {
    const themes = (language: 'es' | 'en') =>
      compileThemes(QUESTIONNAIRE_TEMPLATES.find((t) => t.key === 'in_store' && t.language === language)!.definition.themes!, language);
    const es = themes('es');
    expect(themesOf('Esperé veinte minutos en la cola y la gestora fue muy amable.', es, 'es')).toEqual(['waiting', 'courtesy']);
    expect(themesOf('No me pidió el DNI y dejó la pantalla a la vista.', es, 'es')).toEqual(['data_protection']);
    expect(themesOf('Quedó en devolverme la llamada y no lo hizo. Los folletos estaban desordenados.', es, 'es')).toEqual([
      'follow_up',
      'premises',
    ]);
    expect(themesOf('Pedí cita para el jueves por la tarde.', es, 'es')).toEqual([]);
    const en = themes('en');
    expect(themesOf('She explained the fees clearly but never called back.', en, 'en')).toEqual(['clarity', 'follow_up']);
  });
});
