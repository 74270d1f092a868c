// @ts-check
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

/** @type {import('jest').Config} */
const common = {
  testEnvironment: 'node',
  transform: {
    // Type checking is `npm run typecheck`'s job; tests transpile only, for speed.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  rootDir: __dirname,
};

/** @type {import('jest').Config} */
module.exports = {
  // `npm test` runs every file one after another in one worker process (--maxWorkers=1), not in
  // jest's own process: the worker is replaced whenever its heap is over this after a file. In one
  // process (--runInBand) the heap climbed past 1 GB within 20 files and a CI machine ran the late
  // files 17–50× slower than here (GC); a fresh process per ~GB keeps every file at its own speed.
  workerIdleMemoryLimit: '900MB',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,bench}/**/*.spec.ts'],
      // Document rendering (PDF, XLSX) takes seconds on a loaded 2-core machine.
      testTimeout: 30_000,
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
    },
  ],
};
