import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` for the whole workspace: Node projects for shared, trainer, the edge's Node
 * entry and the cross-package tests, and a workerd project for the edge (packages/edge/vitest.workers.config.ts).
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'shared', include: ['packages/shared/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'trainer', include: ['packages/trainer/src/**/*.test.ts'] } },
      'packages/edge/vitest.workers.config.ts',
      { extends: true, test: { name: 'cross', include: ['test/**/*.test.ts'] } },
    ],
  },
});
