// Runs the real app in Electron wherever an Electron binary exists.
import { _electron as electron, type ElectronApplication } from '@playwright/test'
import { test, expect, repoRoot } from '../harness/fixtures'
import { findElectronBinary } from './binary'

const binary = findElectronBinary()
if ('reason' in binary) console.log(`Electron e2e skipped: ${binary.reason}.`)

test.describe('Electron', () => {
  test.skip('reason' in binary, 'reason' in binary ? binary.reason : '')

  let app: ElectronApplication
  test.beforeEach(async ({ userDataDir }) => {
    app = await electron.launch({
      args: ['out/main/index.js', `--user-data-dir=${userDataDir}`],
      cwd: repoRoot,
    })
  })
  test.afterEach(async () => {
    await app.close()
  })

  test('opens the window on app:// with the hardened web preferences', async () => {
    const window = await app.firstWindow()
    await expect(window).toHaveTitle(/Mollet/)
    expect(window.url()).toBe('app://mollet/index.html')
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents
      const p = wc.getLastWebPreferences()
      return { contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration }
    })
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
  })

  test('serves the knowledge base over IPC and lists the causes', async () => {
    const window = await app.firstWindow()
    const result = await window.evaluate(() => window.mollet.loadKnowledgeBase())
    expect(result.ok && result.value.problems).toEqual([])
    await expect(window.getByRole('heading', { level: 1 })).toContainText('Mollet')
  })

  test('denies window.open and navigation away from the app', async () => {
    const window = await app.firstWindow()
    expect(await window.evaluate(() => window.open('https://example.org') === null)).toBe(true)
    await window.evaluate(() => {
      location.href = 'https://example.org/'
    })
    await window.waitForTimeout(300)
    expect(window.url()).toBe('app://mollet/index.html')
  })
})
