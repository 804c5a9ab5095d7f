// Recording stand-ins for the Electron objects hardening.ts works on (its
// SessionLike and ContentsLike): they keep what is installed on them and let a
// test emit the events Electron would.
import type { ContentsLike, NavigationEvent, SessionLike } from '../../electron/main/hardening'

type RequestListener = Parameters<SessionLike['webRequest']['onBeforeRequest']>[0]
type PermissionRequestHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0]
type PermissionCheckHandler = Parameters<SessionLike['setPermissionCheckHandler']>[0]

/** A session that records the handlers installed on it; `onInstall` hears each, by name, as it comes. */
export function fakeSession(onInstall: (what: 'request' | 'permissionRequest' | 'permissionCheck') => void = () => {}) {
  const installed: {
    request?: RequestListener
    permissionRequest?: PermissionRequestHandler
    permissionCheck?: PermissionCheckHandler
  } = {}
  const session: SessionLike = {
    webRequest: {
      onBeforeRequest: (listener) => {
        installed.request = listener
        onInstall('request')
      },
    },
    setPermissionRequestHandler: (handler) => {
      installed.permissionRequest = handler
      onInstall('permissionRequest')
    },
    setPermissionCheckHandler: (handler) => {
      installed.permissionCheck = handler
      onInstall('permissionCheck')
    },
  }
  /** Whether the installed request listener cancels a request to `url`. */
  const cancels = (url: string): boolean => {
    if (!installed.request) throw new Error('no request listener installed')
    let response: { cancel: boolean } | undefined
    installed.request({ url }, (r) => {
      response = r
    })
    if (!response) throw new Error('the request listener never answered')
    return response.cancel
  }
  /** What the installed handlers answer for `permission`: asked (each callback answer), and checked. */
  const permission = (name: string): { asked: boolean[]; checked: boolean } => {
    if (!installed.permissionRequest || !installed.permissionCheck) throw new Error('a permission handler is missing')
    const asked: boolean[] = []
    installed.permissionRequest({}, name, (granted) => asked.push(granted))
    return { asked, checked: installed.permissionCheck({}, name) }
  }
  return { session, installed, cancels, permission }
}

/** A web contents that records its listeners and lets the test emit events. */
export function fakeContents() {
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

/** Addresses off the app: each request, navigation or window to one is refused. */
export const FOREIGN_URLS = [
  'https://example.org/',
  'http://127.0.0.1:8080/index.html',
  'file:///etc/passwd',
  'app://other/index.html',
  'data:text/html,<h1>hi</h1>',
  'javascript:alert(1)',
  'about:blank',
  'ws://localhost/',
]

/** Every permission a page may ask or check for, refused alike (« Copier pour le dossier » goes through main instead). */
export const PERMISSIONS = [
  'geolocation',
  'media',
  'notifications',
  'openExternal',
  'clipboard-read',
  'clipboard-sanitized-write',
  'fullscreen',
  'unknown',
]
