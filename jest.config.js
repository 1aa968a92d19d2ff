// Jest runs in native ESM mode (NestJS 12 packages are ESM-only and Node 20 has
// no require(esm) inside Jest), so test commands pass --experimental-vm-modules.
const tsJest = ['ts-jest', { useESM: true, diagnostics: { ignoreCodes: ['TS151002'] } }];
// A few CommonJS packages (@fastify/static, …) require ESM-only dependencies. Node 20
// loads those through require(esm); Jest's module loader needs them compiled to
// CommonJS, which babel-jest does only when they are required (modules: 'auto').
const ESM_REQUIRED_FROM_CJS = ['content-disposition', 'cookie'];
const babelForEsm = ['babel-jest', { presets: [['@babel/preset-env', { targets: { node: 'current' }, modules: 'auto' }]], babelrc: false, configFile: false }];
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest, [`node_modules/(${ESM_REQUIRED_FROM_CJS.join('|')})/.+\\.js$`]: babelForEsm },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_REQUIRED_FROM_CJS.join('|')})/)`],
};

export default {
  // Integration suites boot a real app over a fresh database; a hook may take longer than
  // Jest's 5 s default on a loaded 2-core machine (per-project testTimeout is not honoured).
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
};
