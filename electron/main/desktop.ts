// The thin Electron part of the handlers: the save and open dialogs and the clipboard.
// The handlers reach it through the DesktopPort, so everything else runs in Node.
//
// Printing is not here: the renderer draws the handout's pages with pdf.js
// into a print document and calls window.print() (renderer/src/handout/printDocument.ts). No
// window loads the PDF into Chromium's PDF viewer, which does not show in a
// non-persistent partition (electron/electron#27121, #47708) and printed blank
// (#30947); webContents.print() with options fails on recent Electron
// releases (laurent22/joplin#12219, electron/electron#50481).
import { type BrowserWindow, app, clipboard, dialog } from 'electron'
import { join } from 'node:path'
import type { DesktopPort } from './handlers'

export function createDesktop(parentWindow: () => BrowserWindow | null): DesktopPort {
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

    async chooseOpenPath(request) {
      const options = {
        title: request.title,
        buttonLabel: 'Ouvrir',
        filters: [{ name: request.filterName, extensions: [...request.extensions] }],
        properties: ['openFile', 'dontAddToRecent'] as const,
      }
      const parent = parentWindow()
      const result = parent
        ? await dialog.showOpenDialog(parent, { ...options, properties: [...options.properties] })
        : await dialog.showOpenDialog({ ...options, properties: [...options.properties] })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },

    writeClipboard(text) {
      clipboard.writeText(text)
    },
  }
}
