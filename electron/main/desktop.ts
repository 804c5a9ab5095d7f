// The thin Electron part of the handout: the save dialog and printing. The
// handlers reach it through the DesktopPort, so everything else runs in Node.
//
// Printing: the PDF is never written to disk (it may carry a patient's name).
// It is served from memory to a hidden, sandboxed window in its own in-memory
// session, where Chromium's PDF viewer shows it, then webContents.print() opens
// the system's print dialog (printing from a PDF document prints the document
// since Electron 32, electron/electron#43309).
import { BrowserWindow, app, clipboard, dialog, session, type Session } from 'electron'
import { join } from 'node:path'
import type { DesktopPort } from './handlers'
import { APP_ORIGIN, APP_SCHEME } from './security'

const PRINT_PARTITION = 'mollet-print'
const PRINT_URL = `${APP_ORIGIN}/impression/fiche.pdf`

export function createDesktop(parentWindow: () => BrowserWindow | null): DesktopPort {
  let printSession: Session | null = null
  let pending: Uint8Array | null = null
  let queue: Promise<unknown> = Promise.resolve()

  function preparePrintSession(): Session {
    if (printSession) return printSession
    // No "persist:" prefix: nothing of this session is kept on disk.
    const ses = session.fromPartition(PRINT_PARTITION, { cache: false })
    ses.protocol.handle(APP_SCHEME, (request) => {
      if (request.url !== PRINT_URL || pending === null) return new Response('Introuvable', { status: 404 })
      return new Response(pending.slice(), { headers: { 'content-type': 'application/pdf' } })
    })
    // Only the PDF itself and the viewer's own pages; nothing leaves the machine.
    ses.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !/^(app:\/\/mollet\/|chrome-extension:\/\/|chrome:\/\/)/u.test(details.url) }),
    )
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    printSession = ses
    return ses
  }

  async function print(pdf: Uint8Array, title: string): Promise<void> {
    const ses = preparePrintSession()
    pending = pdf
    const win = new BrowserWindow({
      show: false,
      title,
      parent: parentWindow() ?? undefined,
      webPreferences: {
        session: ses,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        navigateOnDragDrop: false,
        disableBlinkFeatures: 'Auxclick',
        // The built-in PDF viewer is a plugin.
        plugins: true,
        spellcheck: false,
      },
    })
    try {
      await win.loadURL(PRINT_URL)
      await new Promise<void>((resolve, reject) => {
        win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
          // Closing the dialog without printing is the user's choice, not a failure.
          if (success || /cancel/iu.test(failureReason)) resolve()
          else reject(new Error(failureReason))
        })
      })
    } finally {
      pending = null
      if (!win.isDestroyed()) win.destroy()
    }
  }

  return {
    async chooseSavePath(defaultName) {
      const options = {
        title: 'Enregistrer la fiche patient',
        defaultPath: join(app.getPath('documents'), defaultName),
        buttonLabel: 'Enregistrer',
        filters: [{ name: 'Document PDF', extensions: ['pdf'] }],
        // The file name may hold a patient's name: keep it out of the system's recent files.
        properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'] as const,
      }
      const parent = parentWindow()
      const result = parent
        ? await dialog.showSaveDialog(parent, { ...options, properties: [...options.properties] })
        : await dialog.showSaveDialog({ ...options, properties: [...options.properties] })
      return result.canceled || !result.filePath ? null : result.filePath
    },

    printPdf(pdf, title) {
      // One print at a time: the session serves one document.
      const job = queue.then(() => print(pdf, title))
      queue = job.catch(() => undefined)
      return job
    },

    writeClipboard(text) {
      clipboard.writeText(text)
    },
  }
}
