import { defineConfig } from '@playwright/test'
import base from './playwright.config'

// The benchmarks (e2e/bench/*.bench.ts): `npm run bench` only, never
// `npm test` (whose projects in playwright.config.ts match only e2e/chromium, e2e/electron and e2e/screenshots). One
// worker, so that the figures do not compete with each other.
export default defineConfig({
  ...base,
  testDir: 'e2e/bench',
  outputDir: 'test-results/bench',
  workers: 1,
  timeout: 600_000,
  projects: [{ name: 'bench', testMatch: /.*\.bench\.ts/ }],
})
