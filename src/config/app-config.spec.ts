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

  it('takes a read replica from DATABASE_READ_URL, none when unset or empty', () => {
    expect(parseConfig(valid).databaseReadUrl).toBeUndefined();
    expect(parseConfig({ ...valid, DATABASE_READ_URL: '' }).databaseReadUrl).toBeUndefined();
    const replica = 'postgresql://reader:p@replica:5432/db?application_name=incognito-read';
    expect(parseConfig({ ...valid, DATABASE_READ_URL: replica }).databaseReadUrl).toBe(replica);
    expect(() => parseConfig({ ...valid, DATABASE_READ_URL: 'replica:5432/db' })).toThrow(/DATABASE_READ_URL/);
  });

  it('takes the fees currency from CURRENCY (ISO 4217, default EUR)', () => {
    expect(parseConfig(valid).currency).toBe('EUR');
    expect(parseConfig({ ...valid, CURRENCY: 'MXN' }).currency).toBe('MXN');
    expect(() => parseConfig({ ...valid, CURRENCY: 'eur' })).toThrow(/CURRENCY/);
    expect(() => parseConfig({ ...valid, CURRENCY: 'XYZ' })).toThrow(/CURRENCY/);
  });

  it('keeps evidence on the local disk by default and in a bucket with EVIDENCE_STORAGE=s3://… (bad values stop the start)', () => {
    expect(parseConfig(valid).evidenceStorage).toEqual({ kind: 'disk' });
    expect(
      parseConfig({ ...valid, EVIDENCE_STORAGE: 's3://evidence-bucket/incognito', S3_ENDPOINT: 'http://minio:9000' }).evidenceStorage,
    ).toMatchObject({
      kind: 's3',
      bucket: 'evidence-bucket',
      prefix: 'incognito',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      forcePathStyle: true,
    });
    expect(() => parseConfig({ ...valid, EVIDENCE_STORAGE: 's3:/bucket' })).toThrow(/EVIDENCE_STORAGE/);
    expect(() => parseConfig({ ...valid, EVIDENCE_STORAGE: 's3://bucket', S3_ACCESS_KEY_ID: 'only-the-key' })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
  });
});

describe('TRUST_PROXY (issue 12.3: X-Forwarded-For was believed from any loopback client)', () => {
  it('is off by default and for false/0/empty', () => {
    expect(parseConfig(valid).trustProxy).toBe(false);
    for (const value of ['', 'false', '0']) expect(parseConfig({ ...valid, TRUST_PROXY: value }).trustProxy).toBe(false);
  });

  it('takes a hop count or a list of addresses, subnets and proxy-addr names', () => {
    expect(parseConfig({ ...valid, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(parseConfig({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1,fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::1',
      'fd00::/8',
    ]);
  });

  it.each(['true', 'yes', '10.0.0.0/33', '999.1.1.1', '33', 'loopback,,', 'all'])('refuses %p, naming TRUST_PROXY', (value) => {
    expect(() => parseConfig({ ...valid, TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});
