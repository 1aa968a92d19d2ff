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
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
      testTimeout: 60000,
    },
  ],
};
