// hardening.ts on fakes of the session and of a web contents. That the shell
// applies it to the default session and to every web contents: shell.test.ts.
import { describe, expect, it } from 'vitest'
import { hardenContents, hardenSession } from '../../electron/main/hardening'
import { APP_ENTRY } from '../../electron/main/security'
import { FOREIGN_URLS, PERMISSIONS, fakeContents, fakeSession } from './fakes'

describe('hardenSession', () => {
  const { session, cancels, permission } = fakeSession()
  hardenSession(session)

  it.each(FOREIGN_URLS)('cancels the request to %s', (url) => {
    expect(cancels(url)).toBe(true)
  })

  it('lets the app’s own files load', () => {
    expect(cancels(APP_ENTRY)).toBe(false)
    expect(cancels('app://mollet/assets/index-abc.js')).toBe(false)
  })

  // clipboard-sanitized-write is what navigator.clipboard.writeText asks for: « Copier pour le dossier » goes through main instead.
  it.each(PERMISSIONS)('denies the %s permission, asked or checked', (name) => {
    expect(permission(name)).toEqual({ asked: [false], checked: false })
  })
})

describe('hardenContents', () => {
  const { contents, emit, listeners, openWindow } = fakeContents()
  hardenContents(contents)

  it.each(['will-navigate', 'will-redirect'])('%s: prevents leaving the app', (name) => {
    for (const url of FOREIGN_URLS) expect(emit(name, url), `${name} ${url}`).toBe(true)
  })

  it.each(['will-navigate', 'will-redirect'])('%s: lets app pages through', (name) => {
    expect(emit(name, APP_ENTRY)).toBe(false)
  })

  it('refuses every webview', () => {
    expect(listeners.has('will-attach-webview')).toBe(true)
    expect(emit('will-attach-webview', APP_ENTRY)).toBe(true)
  })

  it('denies window.open, even to the app itself', () => {
    for (const url of [...FOREIGN_URLS, APP_ENTRY]) expect(openWindow(url)).toEqual({ action: 'deny' })
  })
})
