import { fullKpiModel } from '../testing/kpi-model.fixture';
import { isWinAnsi, toWinAnsi, toWinAnsiModel } from './winansi';

describe('toWinAnsi', () => {
  it('keeps Spanish and English text as it is', () => {
    const text = '¿Qué tal? ¡Olé! áéíóú ÁÉÍÓÚ ñÑ üÜ ç € “comillas” ‘simples’ – — … «»';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('substitutes look-alikes, strips foreign marks, drops emoji and marks the rest', () => {
    expect(toWinAnsi('a − b ≥ c → d')).toBe('a - b >= c -> d');
    expect(toWinAnsi('Łódź Dvořák ő')).toBe('Lódz Dvorák o');
    expect(toWinAnsi('bien 😀👍🏽 ok')).toBe('bien ok');
    expect(toWinAnsi('日本')).toBe('??');
    expect(toWinAnsi('a\tb\r\nc\u0007d')).toBe('a b\ncd');
    expect(toWinAnsi('μ')).toBe('µ');
  });

  it('produces only drawable characters', () => {
    const out = toWinAnsi('x ∑ ∞ ☃ 𝔸 ß ø Ω 🚀 \u200B\u00AD end');
    expect(Array.from(out).every(isWinAnsi)).toBe(true);
  });
});

describe('toWinAnsiModel', () => {
  it('maps every string of the model and leaves numbers alone', () => {
    const model = fullKpiModel();
    model.comments.bySection[0].items[0].text = 'Genial 😀 − rápido';
    const safe = toWinAnsiModel(model);
    expect(safe.comments.bySection[0].items[0].text).toBe('Genial - rápido');
    expect(safe.overall).toEqual(model.overall);
    expect(safe.campaign.name).toBe('Oleada 2 – Atención al cliente');
    expect(model.comments.bySection[0].items[0].text).toBe('Genial 😀 − rápido'); // not mutated
  });
});
