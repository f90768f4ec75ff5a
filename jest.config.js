// Jest runs in ESM mode (Nest 12 packages are ESM-only): `node --experimental-vm-modules`, ts-jest with useESM.
const sharedDatabase = Boolean(process.env.TEST_NATS_URL);

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^#domain$': '<rootDir>/libs/domain/src/index.ts',
    '^#messaging$': '<rootDir>/libs/messaging/src/index.ts',
    '^#platform$': '<rootDir>/libs/platform/src/index.ts',
    '^#testing$': '<rootDir>/libs/testing/src/index.ts',
    '^#api-client$': '<rootDir>/libs/api-client/src/index.ts',
    '^#local-infra$': '<rootDir>/libs/platform/src/local-infra/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts', '<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/jest/global-setup.mjs',
  globalTeardown: '<rootDir>/jest/global-teardown.mjs',
  testTimeout: 120_000,
  // A shared nats-server (TEST_NATS_URL) holds one stream: test files then run one at a time.
  maxWorkers: sharedDatabase ? 1 : 2,
};
