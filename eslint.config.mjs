// ESLint flat config: typescript-eslint's type-checked recommended rules (they catch floating promises,
// misused promises and unsafe `any` flows, which plain syntax rules cannot), plus ESLint's own
// recommended rules. Formatting is Prettier's job (`npm run lint` runs `prettier --check` as well), so no
// stylistic rules here.
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';

// ESLint's "recommended" core rules, read from the rules' own metadata (the same set @eslint/js ships).
const coreRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, 'error']),
);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'demo-output/**',
      '.incognito/**',
      '.test-db/**',
      'bench/results/**',
      'web/**', // the web app has its own tsconfig (DOM, bundler resolution) and is linted by its build
      '**/*.d.ts',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  { rules: coreRecommended },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // TypeScript checks these better than the core rules (and knows about types and overloads).
      'no-undef': 'off',
      'no-redeclare': 'off',
      'no-dupe-class-members': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Real bugs worth catching beyond the recommended set.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-promise-executor-return': 'error',
      // ts-node runs scripts without tsconfig's `include`, so modules reference the typings they need by path.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'prefer-import', lib: 'always' }],
      // Nest's DI needs empty constructors and classes with only decorators; entities and DTOs are classes by design.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // Tests, benchmarks and scripts read HTTP bodies, child-process JSON and raw `pg` rows, which are
    // `any` by nature (and jest's expect.any(...) yields `any`); the application code stays strict.
    files: ['test/**/*.ts', 'src/**/*.spec.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Test doubles implement async interfaces (async generators, SqlRunner) without awaiting anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
