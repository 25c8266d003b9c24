// Two projects: unit specs beside the code (no database) and e2e specs on a real PostgreSQL.
// The e2e project's globalSetup starts one embedded PostgreSQL per run and migrates a template database.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] };
module.exports = {
  // Global option (jest ignores it per project); hooks on a loaded 2-core machine need more than 5 s.
  testTimeout: 60000,
  // pg-boss 10 keeps a one-second wait loop alive after stop() (manager.offWork polls for its internal
  // cron worker, which it stops but never marks stopped once its pool is closed), so a run whose apps all
  // closed would otherwise never exit. Every app and database is closed in afterAll; this ends the process.
  forceExit: true,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform,
      moduleFileExtensions: ['ts', 'js', 'json'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      transform,
      moduleFileExtensions: ['ts', 'js', 'json'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      // The web app in Chromium (test/web/README in harness.ts): builds dist/web when its sources are newer,
      // shares the e2e project's database setup; skipped with one line when /usr/bin/chromium is missing.
      displayName: 'web',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/web/**/*.web-spec.ts'],
      transform,
      moduleFileExtensions: ['ts', 'js', 'json'],
      globalSetup: '<rootDir>/test/web/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
