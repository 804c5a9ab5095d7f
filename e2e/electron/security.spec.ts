// The hardening seen from inside the real app, wherever an Electron binary
// exists (elsewhere the same code is unit-tested with fakes, and this skips).
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test'
import { test, expect, repoRoot } from '../harness/fixtures'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security'
import { findElectronBinary } from './binary'

const binary = findElectronBinary()

test.describe('Electron security', () => {
  test.skip('reason' in binary, 'reason' in binary ? binary.reason : '')

  let app: ElectronApplication
  let page: Page
  test.beforeEach(async ({ userDataDir }) => {
    app = await electron.launch({ args: ['out/main/index.js', `--user-data-dir=${userDataDir}`], cwd: repoRoot })
    page = await app.firstWindow()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Mollet')
  })
  test.afterEach(async () => {
    await app.close()
  })

  test('the app:// protocol sends the content security policy', async () => {
    const header = await page.evaluate(async () => (await fetch('app://mollet/index.html')).headers.get('content-security-policy'))
    expect(header).toBe(CONTENT_SECURITY_POLICY)
  })

  test('every permission is refused, asked or checked', async () => {
    const answers = await page.evaluate(async () => ({
      notifications: await Notification.requestPermission(),
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
    }))
    expect(answers).toEqual({ notifications: 'denied', geolocation: 'denied' })
  })

  test('nothing leaves the machine, from the page or from main', async () => {
    const fromPage = await page.evaluate(() =>
      fetch('https://example.org/').then(
        () => 'loaded',
        () => 'refused',
      ),
    )
    expect(fromPage).toBe('refused')
    // The session refuses what the page's CSP would not even try: a window of the same session
    // loading a remote page (loadURL is not a navigation the page starts, so only the session stops it).
    const fromSession = await app.evaluate(async ({ BrowserWindow }) => {
      const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true } })
      try {
        await win.loadURL('https://example.org/')
        return 'loaded'
      } catch (error) {
        return String((error as Error).message).includes('ERR_BLOCKED_BY_CLIENT') ? 'refused' : String(error)
      } finally {
        win.destroy()
      }
    })
    expect(fromSession).toBe('refused')
  })
})
