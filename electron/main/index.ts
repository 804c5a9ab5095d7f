// The Electron entry: the shell (shell.ts) started with the real `electron`
// module, and the Electron-only parts of the handlers (the save dialog and the
// clipboard, the PDF render thread, the pack verification thread). Everything else is plain TypeScript tested in Node.
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron'
import { join } from 'node:path'
import { createDesktop } from './desktop'
import { createHandlers } from './handlers'
import { createRenderThread } from './handout/render-thread'
import { createPackThread } from './pack/verify-thread'
import { startShell } from './shell'

const here = import.meta.dirname

void startShell(
  { app, protocol, session, BrowserWindow, Menu, ipcMain },
  {
    platform: process.platform,
    resourcesPath: process.resourcesPath,
    rendererDir: join(here, '../renderer'),
    preloadPath: join(here, '../preload/index.cjs'),
    createHandlers: ({ resourcesDir, userDataDir, mainWindow }) =>
      createHandlers({
        resourcesDir,
        userDataDir,
        desktop: createDesktop(mainWindow),
        // The handout's PDF is laid out in a worker thread (handoutWorker.js, built beside this file).
        renderPdf: createRenderThread({ entry: new URL('./handoutWorker.js', import.meta.url) }),
        // Knowledge packs are verified in a worker thread too (packWorker.js).
        packThread: createPackThread({ entry: new URL('./packWorker.js', import.meta.url) }),
      }),
  },
)
