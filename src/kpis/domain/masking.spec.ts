import { isNamePart, maskPersonalData, namePartsOf, SHOPPER_MASK } from './masking';

describe('maskPersonalData', () => {
  it("masks the shopper's own name where they sign the narrative, whatever the case and accents", () => {
    const narrative = 'La gestora fue amable y resolvió la duda. Un saludo, Laura Gómez';
    expect(maskPersonalData(narrative, 'Laura Gómez')).toBe(`La gestora fue amable y resolvió la duda. Un saludo, ${SHOPPER_MASK}`);
    expect(maskPersonalData('Firmado: laura gomez', 'Laura Gómez')).toBe(`Firmado: ${SHOPPER_MASK}`);
    expect(maskPersonalData('Soy Laura y pregunté por la hipoteca.', 'Laura Gómez')).toBe(
      `Soy ${SHOPPER_MASK} y pregunté por la hipoteca.`,
    );
  });

  it("leaves other people's names (the employee who served) and short name parts alone", () => {
    expect(maskPersonalData('Me atendió Marta en la oficina de la calle Mayor.', 'María de la Fuente')).toBe(
      'Me atendió Marta en la oficina de la calle Mayor.',
    );
  });

  it('masks e-mail addresses and phone numbers, not amounts or times', () => {
    expect(maskPersonalData('Escribidme a laura.gomez@example.com o al +34 612 345 678.', null)).toBe('Escribidme a [email] o al [phone].');
    expect(maskPersonalData('Un préstamo de 1.500.000 euros a las 10:30.', null)).toBe('Un préstamo de 1.500.000 euros a las 10:30.');
  });

  it('lists the name words that may never be a frequent term', () => {
    const parts = namePartsOf(['Laura Gómez', null, 'Ana de Sa']);
    expect(isNamePart('gómez', parts)).toBe(true);
    expect(isNamePart('Gomez', parts)).toBe(true);
    expect(isNamePart('ana', parts)).toBe(true);
    expect(isNamePart('de', parts)).toBe(false);
  });
});
