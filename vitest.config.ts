import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default (one worker fewer than the cores) is one worker on a 2-core CI machine. The unit
    // tests run side by side; the build and browser projects, without file parallelism, one file at a
    // time. `npm test` (scripts/test.ts) runs the unit tests first, then the build and browser tests with
    // the GitHub tests beside them at the lowest priority: no test file shares the machine at equal priority
    // with a browser test.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // @astrojs/mdx as the reference for the portal's renderer, in Astro's own Vite set-up.
      'vitest.reference.config.ts',
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          // Astro builds of one checkout share its .astro folder: one at a time.
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
      {
        test: {
          // Tools that talk to GitHub, against a local server with GitHub's REST shapes.
          name: 'github',
          include: ['tests/github/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
