import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

/** Edge tests run inside workerd with real Miniflare bindings (R2), configured from wrangler.jsonc. */
export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.jsonc' } })],
  test: {
    name: 'edge-workers',
    include: ['src/**/*.test.ts'],
    exclude: ['src/**/*.node.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['./test/trainedArtifact.globalSetup.ts'],
  },
});
