import type { EmbeddedDatabase } from '../../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  // Shared by the e2e and web projects: whichever runs last finds the server already stopped.
  const state = globalThis as { __incognitoTestDatabase?: EmbeddedDatabase; __incognitoTestTemplateReady?: boolean };
  const server = state.__incognitoTestDatabase;
  delete state.__incognitoTestDatabase;
  delete state.__incognitoTestTemplateReady;
  await server?.stop();
}
