// Session and web-contents hardening, written against the few members of
// Electron's Session and WebContents it uses, so the unit tests drive it with
// small fakes and the shell (shell.ts) passes the real objects.
import { isAllowedRequest, isAppUrl } from './security'

/** A navigation-like event: Electron's events carry the target URL and can be cancelled. */
export interface NavigationEvent {
  url: string
  preventDefault(): void
}

/** What hardenSession needs of Electron's Session. */
export interface SessionLike {
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void
  }
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void
}

/** What hardenContents needs of Electron's WebContents. */
export interface ContentsLike {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * No request leaves the machine (only app:// and DevTools get through), and
 * no permission is ever granted, whether the page asks or merely checks.
 */
export function hardenSession(ses: SessionLike): void {
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }))
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
}

/**
 * Every web contents stays on the app: navigation and redirects elsewhere are
 * cancelled, new windows and webviews are refused. (Subframes cannot load at
 * all in the app window: its CSP has default-src 'none', so frame-src too.)
 */
export function hardenContents(contents: ContentsLike): void {
  const stayOnApp = (event: NavigationEvent): void => {
    if (!isAppUrl(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', stayOnApp)
  contents.on('will-redirect', stayOnApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
