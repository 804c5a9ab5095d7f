import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  appUrlToFile,
  isAllowedRequest,
  isAppUrl,
  secureWebPreferences,
} from '../../electron/main/security'

const root = resolve('/srv/renderer')

describe('window web preferences', () => {
  const prefs = secureWebPreferences('/app/preload.cjs')
  it('isolate and sandbox the renderer, without Node', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
  })
})

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values] as const
    }),
  )
  it('allows scripts only from the app itself, never inline or eval', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*|https?:/)
  })
  it('is the same policy as the renderer’s <meta> (bar frame-ancestors, which a <meta> cannot carry)', () => {
    const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    const withoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ')
    expect(meta).toBe(withoutFrameAncestors)
  })
})

describe('navigation and requests', () => {
  it.each([
    [APP_ENTRY, true],
    ['app://mollet/assets/index.js', true],
    ['app://other/index.html', false],
    ['https://mollet/index.html', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['', false],
  ])('isAppUrl(%j) is %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected)
  })
  it('lets no request leave the machine', () => {
    for (const url of ['https://example.org/', 'http://127.0.0.1/', 'ws://x/', 'file:///tmp/a', 'ftp://x/']) {
      expect(isAllowedRequest(url)).toBe(false)
    }
    expect(isAllowedRequest('app://mollet/index.html')).toBe(true)
  })
})

describe('app:// file mapping', () => {
  it('maps app paths inside the renderer folder', () => {
    expect(appUrlToFile(root, 'app://mollet/')).toBe(join(root, 'index.html'))
    expect(appUrlToFile(root, 'app://mollet/assets/a.js?x=1')).toBe(join(root, 'assets/a.js'))
  })
  it.each(['app://mollet/../../etc/passwd', 'app://mollet/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the renderer folder (the URL parser folds the dots)',
    (url) => {
      expect(appUrlToFile(root, url)).toBe(join(root, 'etc/passwd'))
    },
  )
  it.each(['app://mollet/assets/..%2f..%2f..%2fetc/passwd', 'app://mollet/%00', 'app://mollet/%E0%A4%A', 'app://elsewhere/index.html'])(
    'refuses %s',
    (url) => {
      expect(appUrlToFile(root, url)).toBeNull()
    },
  )
})
