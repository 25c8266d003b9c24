import { readFileSync } from 'fs';
import { join } from 'path';
import { RULE_CODES, statusOfRule, type RuleCode } from './error-codes';

describe('RULE_CODES', () => {
  const codes = Object.keys(RULE_CODES) as RuleCode[];

  it('answers each rule with 409 or 422', () => {
    for (const code of codes) expect([409, 422]).toContain(statusOfRule(code));
    expect(statusOfRule('ROTATION_RULE')).toBe(409);
    expect(statusOfRule('ANSWERS_INVALID')).toBe(422);
  });

  it('is listed in docs/errors.md, every code with its status, and nothing else', () => {
    const docs = readFileSync(join(__dirname, '../../../docs/errors.md'), 'utf8');
    const documented = [...docs.matchAll(/^\| `([A-Z_]+)` *\| (\d{3}) *\|/gm)].map(([, code, status]) => [code, Number(status)]);
    expect(documented).toEqual(codes.map((code) => [code, statusOfRule(code)]));
  });
});
