import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['domain/src/**/*.test.ts', 'server/src/**/*.test.ts'],
          // the demo seeded once per backend in the background; suites with `demo: true` start from a copy
          globalSetup: ['server/src/test/global-setup.ts'],
          setupFiles: ['server/src/test/cheap-password-hashes.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], globalSetup: ['e2e/global-setup.ts'] },
      },
    ],
  },
});
