// One jest run for the server: small tests beside the code, integration/e2e tests against the
// real PostgreSQL and Redis (a dedicated test database and queue prefix), and the browser test.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  // NestJS 12 ships ESM only; let swc turn it into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@hyunbinseo|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@shopdesk/(contracts|server|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
    '^@shopdesk/(api|worker)/(.*)$': '<rootDir>/apps/$1/src/$2',
    '^@shopdesk/migrations/(.*)$': '<rootDir>/migrations/$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

const withServices = {
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  setupFiles: ['<rootDir>/libs/testing/src/test-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/libs/testing/src/after-env.ts'],
};

module.exports = {
  // Real databases, queues and processes on a small CI machine: 5 s is too tight a default.
  // (testTimeout is a global option; jest ignores it inside `projects`.)
  testTimeout: 30_000,
  // Integration suites share one test database; run files one at a time.
  maxWorkers: 1,
  reporters: ['default', '<rootDir>/libs/testing/jest-summary-reporter.cjs'],
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,migrations}/**/*.spec.ts'] },
    {
      ...base,
      ...withServices,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,migrations}/**/*.int-spec.ts', '<rootDir>/apps/api/test/**/*.e2e-spec.ts'],
    },
    {
      ...base,
      ...withServices,
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/{admin,support}/e2e/**/*.browser-spec.ts'],
    },
  ],
};
