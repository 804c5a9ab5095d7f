import { defineConfig } from '@playwright/test'

// Debian's Chromium: Playwright's own browser download cannot work here.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  reporter: 'list',
  workers: 2,
  timeout: 30_000,
  use: { locale: 'fr-FR', launchOptions: chromium, viewport: { width: 1280, height: 840 } },
  projects: [
    { name: 'chromium', testMatch: /chromium\/.*\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ },
    { name: 'screenshots', testMatch: /screenshots\/.*\.spec\.ts/ },
  ],
})
