import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { hardenContents, hardenSession, type ContentsLike, type NavigationEvent, type SessionLike } from '../../electron/main/hardening'
import { APP_ENTRY } from '../../electron/main/security'

type RequestListener = Parameters<SessionLike['webRequest']['onBeforeRequest']>[0]
type PermissionRequestHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0]
type PermissionCheckHandler = Parameters<SessionLike['setPermissionCheckHandler']>[0]

/** A session that records the handlers hardenSession installs. */
function fakeSession() {
  const installed: {
    request?: RequestListener
    permissionRequest?: PermissionRequestHandler
    permissionCheck?: PermissionCheckHandler
  } = {}
  const session: SessionLike = {
    webRequest: {
      onBeforeRequest: (listener) => {
        installed.request = listener
      },
    },
    setPermissionRequestHandler: (handler) => {
      installed.permissionRequest = handler
    },
    setPermissionCheckHandler: (handler) => {
      installed.permissionCheck = handler
    },
  }
  return { session, installed }
}

/** A web contents that records its listeners and lets the test emit events. */
function fakeContents() {
  const listeners = new Map<string, (event: NavigationEvent) => void>()
  let windowOpen: ((details: { url: string }) => { action: string }) | undefined
  const contents: ContentsLike = {
    on: (name: string, listener: (event: NavigationEvent) => void) => listeners.set(name, listener),
    setWindowOpenHandler: (handler) => {
      windowOpen = handler
    },
  }
  /** Emits `name` for `url`; true when a listener cancelled it. */
  const emit = (name: string, url: string): boolean => {
    let prevented = false
    const listener = listeners.get(name)
    if (!listener) throw new Error(`no listener for ${name}`)
    listener({
      url,
      preventDefault: () => {
        prevented = true
      },
    })
    return prevented
  }
  return { contents, emit, listeners, openWindow: (url: string) => windowOpen?.({ url }) }
}

const foreign = [
  'https://example.org/',
  'http://127.0.0.1:8080/index.html',
  'file:///etc/passwd',
  'app://other/index.html',
  'data:text/html,<h1>hi</h1>',
  'javascript:alert(1)',
  'about:blank',
  'ws://localhost/',
]

describe('hardenSession', () => {
  const { session, installed } = fakeSession()
  hardenSession(session)

  function cancelled(url: string): boolean {
    let response: { cancel: boolean } | undefined
    installed.request!({ url }, (r) => {
      response = r
    })
    if (!response) throw new Error('the request listener never answered')
    return response.cancel
  }

  it.each(foreign)('cancels the request to %s', (url) => {
    expect(cancelled(url)).toBe(true)
  })

  it('lets the app’s own files load', () => {
    expect(cancelled(APP_ENTRY)).toBe(false)
    expect(cancelled('app://mollet/assets/index-abc.js')).toBe(false)
  })

  // clipboard-sanitized-write is what navigator.clipboard.writeText asks for: « Copier pour le dossier » goes through main instead.
  it.each([
    'geolocation',
    'media',
    'notifications',
    'openExternal',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'unknown',
  ])('denies the %s permission, asked or checked', (permission) => {
    const answers: boolean[] = []
    installed.permissionRequest!({}, permission, (granted) => answers.push(granted))
    expect(answers).toEqual([false])
    expect(installed.permissionCheck!({}, permission)).toBe(false)
  })
})

describe('hardenContents', () => {
  const { contents, emit, listeners, openWindow } = fakeContents()
  hardenContents(contents)

  it.each(['will-navigate', 'will-redirect'])('%s: prevents leaving the app', (name) => {
    for (const url of foreign) expect(emit(name, url), `${name} ${url}`).toBe(true)
  })

  it.each(['will-navigate', 'will-redirect'])('%s: lets app pages through', (name) => {
    expect(emit(name, APP_ENTRY)).toBe(false)
  })

  it('refuses every webview', () => {
    expect(listeners.has('will-attach-webview')).toBe(true)
    expect(emit('will-attach-webview', APP_ENTRY)).toBe(true)
  })

  it('denies window.open, even to the app itself', () => {
    for (const url of [...foreign, APP_ENTRY]) expect(openWindow(url)).toEqual({ action: 'deny' })
  })
})

describe('the Electron shell applies the hardening', () => {
  const source = readFileSync(join(import.meta.dirname, '../../electron/main/index.ts'), 'utf8')
  it('hardens the default session and every web contents created', () => {
    expect(source).toMatch(/hardenSession\(session\.defaultSession\)/)
    expect(source).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => hardenContents\(contents\)\)/)
  })
  it('opens its window with the secure web preferences only', () => {
    expect(source).toMatch(/webPreferences: secureWebPreferences\(preloadPath\)/)
  })
})
