import { parseEvidenceStorage } from './storage-config';

const parse = (env: Record<string, string | undefined>) => {
  const problems: string[] = [];
  return { storage: parseEvidenceStorage(env, problems), problems };
};

describe('EVIDENCE_STORAGE and S3_*', () => {
  it('keeps files on the local disk when unset, empty or "disk"', () => {
    for (const value of [undefined, '', 'disk'])
      expect(parse({ EVIDENCE_STORAGE: value })).toEqual({ storage: { kind: 'disk' }, problems: [] });
  });

  it('reads s3://bucket/prefix, with path style on by default for an endpoint', () => {
    expect(
      parse({
        EVIDENCE_STORAGE: 's3://incognito-files/prod/evidence/',
        S3_ENDPOINT: 'http://localhost:9000',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
      }),
    ).toEqual({
      storage: {
        kind: 's3',
        bucket: 'incognito-files',
        prefix: 'prod/evidence',
        endpoint: 'http://localhost:9000',
        region: 'us-east-1',
        accessKeyId: 'key',
        secretAccessKey: 'secret',
        forcePathStyle: true,
      },
      problems: [],
    });
  });

  it('on AWS itself (no endpoint): virtual-hosted style, the default credential chain, the region given', () => {
    expect(parse({ EVIDENCE_STORAGE: 's3://my.bucket', S3_REGION: 'eu-west-1' })).toEqual({
      storage: {
        kind: 's3',
        bucket: 'my.bucket',
        prefix: '',
        endpoint: undefined,
        region: 'eu-west-1',
        accessKeyId: undefined,
        secretAccessKey: undefined,
        forcePathStyle: false,
      },
      problems: [],
    });
  });

  it('takes S3_FORCE_PATH_STYLE as true/false/1/0', () => {
    const base = { EVIDENCE_STORAGE: 's3://bucket', S3_ENDPOINT: 'https://s3.example.org' };
    expect(parse({ ...base, S3_FORCE_PATH_STYLE: 'false' }).storage).toMatchObject({ forcePathStyle: false });
    expect(parse({ ...base, S3_FORCE_PATH_STYLE: '0' }).storage).toMatchObject({ forcePathStyle: false });
    expect(parse({ EVIDENCE_STORAGE: 's3://bucket', S3_FORCE_PATH_STYLE: 'TRUE' }).storage).toMatchObject({ forcePathStyle: true });
  });

  it.each([
    [{ EVIDENCE_STORAGE: 'ftp://bucket/x' }, /^EVIDENCE_STORAGE must be "disk" or s3:\/\/bucket\/prefix/],
    [{ EVIDENCE_STORAGE: 's3://' }, /^EVIDENCE_STORAGE must be/],
    [{ EVIDENCE_STORAGE: 's3://Upper_Case/x' }, /^EVIDENCE_STORAGE must be/],
    [{ EVIDENCE_STORAGE: 's3://bucket/../x' }, /^EVIDENCE_STORAGE's prefix/],
    [{ EVIDENCE_STORAGE: 's3://bucket//x' }, /^EVIDENCE_STORAGE's prefix/],
    [{ EVIDENCE_STORAGE: 's3://bucket', S3_ENDPOINT: 'localhost:9000' }, /^S3_ENDPOINT must be an http/],
    [{ EVIDENCE_STORAGE: 's3://bucket', S3_ENDPOINT: 'http://user:pw@localhost:9000' }, /^S3_ENDPOINT must be an http/],
    [{ EVIDENCE_STORAGE: 's3://bucket', S3_REGION: 'EU West' }, /^S3_REGION must be/],
    [{ EVIDENCE_STORAGE: 's3://bucket', S3_ACCESS_KEY_ID: 'key' }, /^S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/],
    [{ EVIDENCE_STORAGE: 's3://bucket', S3_SECRET_ACCESS_KEY: 'secret' }, /^S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/],
    [{ EVIDENCE_STORAGE: 's3://bucket', S3_FORCE_PATH_STYLE: 'yes' }, /^S3_FORCE_PATH_STYLE must be true or false/],
  ])('names the variable of a bad value: %j', (env, message) => {
    const { problems } = parse(env);
    expect(problems).toEqual([expect.stringMatching(message)]);
  });

  it('never repeats a secret in a problem', () => {
    const { problems } = parse({ EVIDENCE_STORAGE: 's3://bucket', S3_SECRET_ACCESS_KEY: 'very-secret-value' });
    expect(problems.join('\n')).not.toContain('very-secret-value');
  });
});
