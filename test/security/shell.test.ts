// The Electron shell (electron/main/shell.ts) run in Node on recording fakes of
// the Electron objects it takes: what it applies before and after `ready`, to
// the default session, to every web contents, to the window, the IPC and the
// menu. index.ts passes the real `electron` module to the same function.
import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startShell } from '../../electron/main/shell'
import { menuTemplate } from '../../electron/main/menu'
import type { Handlers } from '../../electron/main/ipc/dispatcher'
import type { InvokeEventLike } from '../../electron/main/ipc/register'
import { MENU_COMMAND_CHANNEL, METHODS, channelOf } from '../../shared/ipc/contract'
import { APP_ENTRY, CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../electron/main/security'
import { FOREIGN_URLS, fakeContents, fakeSession } from './fakes'

type ShellElectron = Parameters<typeof startShell>[0]
type ShellOptions = Parameters<typeof startShell>[1]
type HandlerContext = Parameters<ShellOptions['createHandlers']>[0]
type WindowOptions = ConstructorParameters<ShellElectron['BrowserWindow']>[0]
type Template = Parameters<ShellElectron['Menu']['buildFromTemplate']>[0]
type Schemes = Parameters<ShellElectron['protocol']['registerSchemesAsPrivileged']>[0]
type ProtocolHandler = Parameters<ShellElectron['protocol']['handle']>[1]
type IpcListener = Parameters<ShellElectron['ipcMain']['handle']>[1]
type Listener = (...args: unknown[]) => void

const PRELOAD = '/app/out/preload/index.cjs'
const APP_PATH = '/app'
const RESOURCES_PATH = '/opt/Mollet/resources'
const USER_DATA = '/home/u/.config/Mollet'
const rendererDir = mkdtempSync(join(tmpdir(), 'mollet-shell-'))
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Mollet</title>')
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }))

/** Electron as the shell sees it, recording everything done to it, in order in `log`. */
function fakeElectron(host: { platform?: NodeJS.Platform; isPackaged?: boolean; singleInstance?: boolean } = {}) {
  const log: string[] = []
  const appListeners = new Map<string, Listener[]>()
  let becomeReady = (): void => {}
  const ready = new Promise<void>((resolve) => {
    becomeReady = resolve
  })
  const schemes: Schemes[] = []
  const protocolHandlers = new Map<string, ProtocolHandler>()
  const defaultSession = fakeSession((what) => log.push(`session: ${what}`))
  const ipcHandlers = new Map<string, IpcListener>()
  const builtMenus: { template: Template }[] = []
  const appMenus: unknown[] = []
  const handlerContexts: HandlerContext[] = []
  const handlerCalls: string[] = []
  const windows: FakeWindow[] = []
  let quits = 0

  class FakeWindow {
    readonly loaded: string[] = []
    readonly sent: [string, ...unknown[]][] = []
    readonly listeners = new Map<string, Listener[]>()
    shown = 0
    minimized = false
    restored = 0
    focused = 0
    closed = false
    readonly webContents = { send: (channel: string, ...args: unknown[]) => void this.sent.push([channel, ...args]) }
    static getAllWindows = () => windows.filter((w) => !w.closed)
    constructor(readonly options: WindowOptions) {
      windows.push(this)
      log.push('window')
    }
    once(event: string, listener: () => void) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    }
    on(event: string, listener: () => void) {
      this.once(event, listener)
    }
    emit(event: string) {
      for (const listener of this.listeners.get(event) ?? []) listener()
    }
    show() {
      this.shown++
    }
    isMinimized() {
      return this.minimized
    }
    restore() {
      this.restored++
      this.minimized = false
    }
    focus() {
      this.focused++
    }
    async loadURL(url: string) {
      this.loaded.push(url)
    }
    /** What Electron does when the user closes it: 'closed', then 'window-all-closed' when it was the last. */
    close() {
      this.closed = true
      this.emit('closed')
      if (FakeWindow.getAllWindows().length === 0) emitApp('window-all-closed')
    }
  }

  function emitApp(event: string, ...args: unknown[]): void {
    for (const listener of appListeners.get(event) ?? []) listener(...args)
  }

  const electron: ShellElectron = {
    app: {
      name: 'Mollet',
      isPackaged: host.isPackaged ?? false,
      getAppPath: () => APP_PATH,
      getPath: () => USER_DATA,
      requestSingleInstanceLock: () => host.singleInstance ?? true,
      quit: () => {
        quits++
      },
      whenReady: () => ready,
      on: (event: string, listener: (...args: never[]) => void) => {
        appListeners.set(event, [...(appListeners.get(event) ?? []), listener as Listener])
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (customSchemes) => {
        schemes.push(customSchemes)
        log.push('scheme')
      },
      handle: (scheme, handler) => {
        protocolHandlers.set(scheme, handler)
        log.push(`protocol: ${scheme}`)
      },
    },
    session: { defaultSession: defaultSession.session },
    BrowserWindow: FakeWindow,
    Menu: {
      buildFromTemplate: (template) => {
        const menu = { template }
        builtMenus.push(menu)
        return menu
      },
      setApplicationMenu: (menu) => {
        appMenus.push(menu)
        log.push('menu')
      },
    },
    ipcMain: {
      handle: (channel, listener) => {
        ipcHandlers.set(channel, listener)
        log.push(`ipc: ${channel}`)
      },
    },
  }

  const options: ShellOptions = {
    platform: host.platform ?? 'linux',
    resourcesPath: RESOURCES_PATH,
    rendererDir,
    preloadPath: PRELOAD,
    createHandlers: (context) => {
      handlerContexts.push(context)
      log.push('handlers')
      return Object.fromEntries(
        METHODS.map((method) => [
          method,
          () => {
            handlerCalls.push(method)
            return null
          },
        ]),
      ) as unknown as Handlers
    },
  }

  /** Starts the shell: returns once its before-ready part ran; `ready()` then lets the app become ready. */
  function start() {
    const started = startShell(electron, options)
    return {
      ready: async () => {
        becomeReady()
        await started
      },
    }
  }

  return {
    start,
    log,
    appListeners,
    emitApp,
    schemes,
    protocolHandlers,
    defaultSession,
    ipcHandlers,
    builtMenus,
    appMenus,
    handlerContexts,
    handlerCalls,
    windows,
    quits: () => quits,
  }
}

/** A fake web contents created in the app, through the shell's 'web-contents-created' listener. */
function createContents(world: ReturnType<typeof fakeElectron>) {
  const contents = fakeContents()
  world.emitApp('web-contents-created', {}, contents.contents)
  return contents
}

/** Whether a web contents was hardened: it stays on the app, opens no window and attaches no webview. */
function isHardened({ emit, openWindow }: ReturnType<typeof fakeContents>): boolean {
  return (
    FOREIGN_URLS.every((url) => emit('will-navigate', url) && emit('will-redirect', url)) &&
    !emit('will-navigate', APP_ENTRY) &&
    emit('will-attach-webview', APP_ENTRY) &&
    openWindow(APP_ENTRY)?.action === 'deny' &&
    openWindow('https://example.org/')?.action === 'deny'
  )
}

describe('before the app is ready', () => {
  it('registers app:// as a privileged scheme, and does nothing that needs ready', () => {
    const world = fakeElectron()
    world.start()
    expect(world.schemes).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]])
    expect(world.log).toEqual(['scheme'])
    expect(world.windows).toEqual([])
  })

  it('hardens every web contents created, from the start', () => {
    const world = fakeElectron()
    world.start()
    expect(world.appListeners.get('web-contents-created')).toHaveLength(1)
    expect(isHardened(createContents(world))).toBe(true)
    expect(isHardened(createContents(world))).toBe(true)
  })

  it('quits when another instance holds the lock, and does nothing more; not otherwise', async () => {
    const second = fakeElectron({ singleInstance: false })
    await second.start().ready()
    expect(second.quits()).toBe(1)
    expect(second.appListeners.size).toBe(0)
    expect(second.handlerContexts).toEqual([])
    expect(second.ipcHandlers.size).toBe(0)
    expect(second.windows).toEqual([])
    const first = fakeElectron()
    first.start()
    expect(first.quits()).toBe(0)
  })
})

describe('once ready', () => {
  it('hardens the default session with the request filter and both permission handlers, before the window opens', async () => {
    const world = fakeElectron()
    await world.start().ready()
    const hardened = ['session: request', 'session: permissionRequest', 'session: permissionCheck']
    expect(world.log.filter((entry) => entry.startsWith('session: '))).toEqual(hardened)
    expect(world.log.indexOf('window')).toBeGreaterThan(Math.max(...hardened.map((entry) => world.log.indexOf(entry))))
  })

  it('the default session refuses every request off the app, and every permission asked or checked', async () => {
    const world = fakeElectron()
    await world.start().ready()
    const { cancels, permission } = world.defaultSession
    for (const url of FOREIGN_URLS) expect(cancels(url), url).toBe(true)
    expect(cancels(APP_ENTRY)).toBe(false)
    for (const name of ['media', 'clipboard-sanitized-write', 'geolocation', 'notifications']) {
      expect(permission(name), name).toEqual({ asked: [false], checked: false })
    }
  })

  it('still hardens the web contents created after ready (the window’s)', async () => {
    const world = fakeElectron()
    await world.start().ready()
    expect(isHardened(createContents(world))).toBe(true)
  })

  it('opens one window, with the secure web preferences only, on the app’s entry, shown once ready to show', async () => {
    const world = fakeElectron()
    await world.start().ready()
    expect(world.windows).toHaveLength(1)
    const [window] = world.windows
    expect(window?.options).toEqual({
      width: 1280,
      height: 840,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Mollet',
      webPreferences: secureWebPreferences(PRELOAD),
    })
    expect(window?.loaded).toEqual([APP_ENTRY])
    expect(window?.shown).toBe(0)
    window?.emit('ready-to-show')
    expect(window?.shown).toBe(1)
  })

  it('serves the built renderer on app://, with the content security policy', async () => {
    const world = fakeElectron()
    await world.start().ready()
    expect([...world.protocolHandlers.keys()]).toEqual(['app'])
    const serve = world.protocolHandlers.get('app')!
    const page = await serve(new Request(APP_ENTRY))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await page.text()).toContain('<title>Mollet</title>')
    expect((await serve(new Request('app://other/index.html'))).status).toBe(404)
  })

  it('gives the handlers the resources beside the app (packaged) or in it, the user data folder and the window', async () => {
    const dev = fakeElectron()
    await dev.start().ready()
    const [context] = dev.handlerContexts
    expect(context).toMatchObject({ resourcesDir: join(APP_PATH, 'resources'), userDataDir: USER_DATA })
    expect(context?.mainWindow()).toBe(dev.windows[0])
    dev.windows[0]?.close()
    expect(context?.mainWindow()).toBeNull()

    const packaged = fakeElectron({ isPackaged: true })
    await packaged.start().ready()
    expect(packaged.handlerContexts[0]?.resourcesDir).toBe(join(RESOURCES_PATH, 'resources'))
  })

  it('registers one IPC handler per method, each behind the sender check for app://mollet’s main frame', async () => {
    const world = fakeElectron()
    await world.start().ready()
    expect([...world.ipcHandlers.keys()].sort()).toEqual(METHODS.map(channelOf).sort())
    const call = world.ipcHandlers.get(channelOf('loadKnowledgeBase'))!
    const mainFrame = { url: APP_ENTRY }
    const from = (senderFrame: InvokeEventLike['senderFrame']): InvokeEventLike => ({ senderFrame, sender: { mainFrame } })

    expect(await call(from(mainFrame))).toEqual({ ok: true, value: null })
    expect(world.handlerCalls).toEqual(['loadKnowledgeBase'])
    for (const sender of [from({ url: 'https://example.org/' }), from({ url: APP_ENTRY }), from(null)]) {
      expect(await call(sender)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    }
    expect(world.handlerCalls).toEqual(['loadKnowledgeBase'])
  })

  it('sets the French menu, whose commands go to the window on the menu channel', async () => {
    const world = fakeElectron()
    await world.start().ready()
    expect(world.appMenus).toEqual([world.builtMenus[0]])
    const template = world.builtMenus[0]?.template ?? []
    const labels = (items: Template): unknown[] =>
      items.map((item) => [item.label ?? item.role ?? item.type, Array.isArray(item.submenu) ? labels(item.submenu) : []])
    expect(labels(template)).toEqual(labels(menuTemplate(() => {}, { appName: 'Mollet', isMac: false, isPackaged: false })))
    const print = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).find((i) => i.label === 'Imprimer la fiche patient…')
    // menuTemplate's clicks read none of Electron's arguments.
    ;(print?.click as (() => void) | undefined)?.()
    expect(world.windows[0]?.sent).toEqual([[MENU_COMMAND_CHANNEL, 'print-handout']])
  })

  it('builds the menu for the platform and the packaging: the app menu on macOS, no DevTools once packaged', async () => {
    const mac = fakeElectron({ platform: 'darwin', isPackaged: true })
    await mac.start().ready()
    const template = mac.builtMenus[0]?.template ?? []
    expect(template[0]?.label).toBe('Mollet')
    const roles = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).map((i) => i.role)
    expect(roles).not.toContain('toggleDevTools')

    const dev = fakeElectron()
    await dev.start().ready()
    expect(dev.builtMenus[0]?.template[0]?.label).toBe('Fichier')
    expect(dev.builtMenus[0]?.template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).map((i) => i.role)).toContain(
      'toggleDevTools',
    )
  })
})

describe('the app’s lifecycle', () => {
  it('quits when the last window closes, except on macOS', async () => {
    const linux = fakeElectron()
    await linux.start().ready()
    linux.windows[0]?.close()
    expect(linux.quits()).toBe(1)

    const mac = fakeElectron({ platform: 'darwin' })
    await mac.start().ready()
    mac.windows[0]?.close()
    expect(mac.quits()).toBe(0)
  })

  it('a second launch brings the window back: restored if minimized, then focused', async () => {
    const world = fakeElectron()
    await world.start().ready()
    const [window] = world.windows
    window!.minimized = true
    world.emitApp('second-instance')
    expect(window).toMatchObject({ restored: 1, focused: 1, minimized: false })
    world.emitApp('second-instance')
    expect(window).toMatchObject({ restored: 1, focused: 2 })
  })

  it('on activate, opens a window again only when none is open', async () => {
    const world = fakeElectron({ platform: 'darwin' })
    await world.start().ready()
    world.emitApp('activate')
    expect(world.windows).toHaveLength(1)
    world.windows[0]?.close()
    world.emitApp('activate')
    expect(world.windows).toHaveLength(2)
    expect(world.windows[1]?.options.webPreferences).toEqual(secureWebPreferences(PRELOAD))
    expect(world.handlerContexts[0]?.mainWindow()).toBe(world.windows[1])
  })
})
