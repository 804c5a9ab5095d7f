// The Electron shell: lifecycle, the app:// protocol, the hardening, the window,
// the IPC handlers and the menu. It takes the Electron objects it uses as
// parameters, typed by the few members it calls: index.ts passes the real
// `electron` module (so tsc checks them against electron.d.ts), and
// test/security/shell.test.ts passes recording fakes.
import { join } from 'node:path'
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, Protocol } from 'electron'
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc/contract'
import { serveAppFile } from './app-protocol'
import { type ContentsLike, hardenContents, hardenSession, type SessionLike } from './hardening'
import { createDispatcher, type Handlers } from './ipc/dispatcher'
import { type IpcMainLike, registerIpc } from './ipc/register'
import { menuTemplate } from './menu'
import { APP_ENTRY, APP_ORIGIN, APP_SCHEME, secureWebPreferences } from './security'

/** What the shell needs of Electron's `app`. */
export interface ShellApp {
  readonly name: string
  readonly isPackaged: boolean
  getAppPath(): string
  getPath(name: 'userData'): string
  requestSingleInstanceLock(): boolean
  quit(): void
  whenReady(): Promise<void>
  on(event: 'web-contents-created', listener: (event: unknown, contents: ContentsLike) => void): unknown
  on(event: 'second-instance', listener: () => void): unknown
  on(event: 'window-all-closed', listener: () => void): unknown
  on(event: 'activate', listener: () => void): unknown
}

/** What the shell needs of a BrowserWindow. */
export interface ShellWindow {
  once(event: 'ready-to-show', listener: () => void): unknown
  on(event: 'closed', listener: () => void): unknown
  show(): void
  isMinimized(): boolean
  restore(): void
  focus(): void
  loadURL(url: string): Promise<void>
  readonly webContents: { send(channel: string, ...args: unknown[]): void }
}

/** The Electron objects the shell uses; `W` is the window class's instances, `M` a built menu. */
export interface ShellElectron<W extends ShellWindow, M> {
  app: ShellApp
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>
  session: { readonly defaultSession: SessionLike }
  BrowserWindow: { new (options: BrowserWindowConstructorOptions): W; getAllWindows(): readonly unknown[] }
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): M; setApplicationMenu(menu: M): void }
  ipcMain: IpcMainLike
}

/** Where the handlers read the knowledge base and keep the settings, and the window dialogs attach to. */
export interface HandlerContext<W> {
  resourcesDir: string
  userDataDir: string
  mainWindow: () => W | null
}

export interface ShellOptions<W> {
  platform: NodeJS.Platform
  /** process.resourcesPath: where a packaged app's extraResources land. */
  resourcesPath: string
  /** The built renderer, served as app://mollet/. */
  rendererDir: string
  preloadPath: string
  /** The IPC handlers, made once the app is ready (index.ts: the real desktop and render thread). */
  createHandlers(context: HandlerContext<W>): Handlers
}

/**
 * The folder holding knowledge/, source/ and fonts/: resources/ beside the
 * packaged app (electron-builder's extraResources), else the repository's.
 */
export function resourcesDirFor(where: { isPackaged: boolean; resourcesPath: string; appPath: string }): string {
  return where.isPackaged ? join(where.resourcesPath, 'resources') : join(where.appPath, 'resources')
}

/**
 * Starts the app. Before `ready`: the app:// scheme is registered as
 * privileged, every web contents created from then on is hardened, and a second
 * instance focuses the first. Once ready: app:// serves the renderer, the
 * default session is hardened, the IPC handlers and the menu are in place, and
 * only then the window opens. Resolves once the window is created.
 */
export function startShell<W extends ShellWindow, M>(electron: ShellElectron<W, M>, options: ShellOptions<W>): Promise<void> {
  const { app, protocol, session, BrowserWindow, Menu, ipcMain } = electron
  const isMac = options.platform === 'darwin'

  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

  // A second instance quits at once and does nothing else: no listener, no handler, no window
  // (app.quit() only asks; the code after it would otherwise run until the app ends).
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return Promise.resolve()
  }

  let mainWindow: W | null = null

  function createWindow(): void {
    const window = new BrowserWindow({
      width: 1280,
      height: 840,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Mollet',
      webPreferences: secureWebPreferences(options.preloadPath),
    })
    mainWindow = window
    window.once('ready-to-show', () => mainWindow?.show())
    window.on('closed', () => {
      mainWindow = null
    })
    void window.loadURL(APP_ENTRY)
  }

  app.on('web-contents-created', (_event, contents) => hardenContents(contents))

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('window-all-closed', () => {
    if (!isMac) app.quit()
  })

  return app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, (request) => serveAppFile(options.rendererDir, request.url))
    hardenSession(session.defaultSession)
    const handlers = options.createHandlers({
      resourcesDir: resourcesDirFor({ isPackaged: app.isPackaged, resourcesPath: options.resourcesPath, appPath: app.getAppPath() }),
      userDataDir: app.getPath('userData'),
      mainWindow: () => mainWindow,
    })
    registerIpc(ipcMain, createDispatcher(handlers, APP_ORIGIN))
    const sendMenuCommand = (command: MenuCommand): void => mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command)
    const host = { appName: app.name, isMac, isPackaged: app.isPackaged }
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(sendMenuCommand, host)))
    createWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })
}
