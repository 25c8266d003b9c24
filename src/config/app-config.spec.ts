import { ConfigError, parseConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  JWT_SECRET: 'x'.repeat(32),
};

describe('parseConfig', () => {
  it('applies defaults to a minimal environment', () => {
    const config = parseConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('./.incognito');
    expect(config.rotationDays).toBe(90);
    expect(config.maxActiveAssignments).toBe(5);
    expect(config.maxVisitsPerDay).toBe(3);
  });

  it('names every bad variable at once', () => {
    let error: ConfigError | undefined;
    try {
      parseConfig({ PORT: 'abc', JWT_SECRET: 'short', TIME_ZONE: 'Mars/Olympus' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = error!.problems.join('\n');
    expect(text).toMatch(/PORT/);
    expect(text).toMatch(/DATABASE_URL/);
    expect(text).toMatch(/JWT_SECRET/);
    expect(text).toMatch(/TIME_ZONE/);
  });

  it('rejects a non-postgres database URL', () => {
    expect(() => parseConfig({ ...valid, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
