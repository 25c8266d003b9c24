import type { EmbeddedDatabase } from '../../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __incognitoTestDatabase?: EmbeddedDatabase }).__incognitoTestDatabase;
  await server?.stop();
}
