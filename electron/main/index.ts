// The Electron shell: lifecycle, the app:// protocol, the window and its menu;
// it applies the hardening (hardening.ts) and wires the IPC handlers. Everything else is plain
// TypeScript tested in Node.
import { app, BrowserWindow, Menu, protocol, session } from 'electron'
import { join } from 'node:path'
import { createDesktop } from './desktop'
import { serveAppFile } from './app-protocol'
import { createHandlers } from './handlers'
import { createRenderThread } from './handout/render-thread'
import { createPackThread } from './pack/verify-thread'
import { hardenContents, hardenSession } from './hardening'
import { createDispatcher } from './ipc/dispatcher'
import { registerIpc } from './ipc/register'
import { menuTemplate } from './menu'
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc/contract'
import { APP_ENTRY, APP_ORIGIN, APP_SCHEME, secureWebPreferences } from './security'

const here = import.meta.dirname
const rendererDir = join(here, '../renderer')
const preloadPath = join(here, '../preload/index.cjs')
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources')

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

if (!app.requestSingleInstanceLock()) app.quit()

let mainWindow: BrowserWindow | null = null

function serveApp(): void {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererDir, request.url))
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Mollet',
    webPreferences: secureWebPreferences(preloadPath),
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  void mainWindow.loadURL(APP_ENTRY)
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents))

app.on('second-instance', () => {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

void app.whenReady().then(() => {
  serveApp()
  hardenSession(session.defaultSession)
  const desktop = createDesktop(() => mainWindow)
  // The handout's PDF is laid out in a worker thread (handoutWorker.js, built beside this file).
  const renderPdf = createRenderThread({ entry: new URL('./handoutWorker.js', import.meta.url) })
  // Knowledge packs are verified in a worker thread too (packWorker.js).
  const packThread = createPackThread({ entry: new URL('./packWorker.js', import.meta.url) })
  const handlers = createHandlers({ resourcesDir, userDataDir: app.getPath('userData'), desktop, renderPdf, packThread })
  registerIpc(createDispatcher(handlers, APP_ORIGIN))
  const sendMenuCommand = (command: MenuCommand): void => mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command)
  const host = { appName: app.name, isMac: process.platform === 'darwin', isPackaged: app.isPackaged }
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(sendMenuCommand, host)))
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})
