import type { MenuItemConstructorOptions } from 'electron'
import { showView, type MenuCommand } from '../../shared/ipc/contract'
import { VIEW_IDS, VIEW_LABELS } from '../../shared/app/views'

/** What the menu depends on from the running app; the shell (shell.ts) passes Electron's `app` and the platform. */
export interface MenuHost {
  appName: string
  isMac: boolean
  isPackaged: boolean
}

/**
 * French application menu; roles keep the platform's own shortcuts. The
 * handout's entries, « Copier pour le dossier » and « Aller » send a command to the renderer, which does what its own
 * shortcut does (a key the page handles, with preventDefault, does not also
 * reach the menu).
 */
export function menuTemplate(send: (command: MenuCommand) => void, host: MenuHost): MenuItemConstructorOptions[] {
  const { isMac } = host
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: host.appName,
            submenu: [
              { role: 'about' as const, label: 'À propos de Mollet' },
              { type: 'separator' as const },
              { role: 'quit' as const, label: 'Quitter Mollet' },
            ],
          },
        ]
      : []),
    {
      label: 'Fichier',
      submenu: [
        // Everything of the patient in front of the clinician leaves memory (a few seconds of « Annuler » in the window).
        { label: 'Nouveau patient', accelerator: 'CmdOrCtrl+N', click: () => send('new-patient') },
        { type: 'separator' },
        { label: 'Imprimer la fiche patient…', accelerator: 'CmdOrCtrl+P', click: () => send('print-handout') },
        { label: 'Enregistrer la fiche en PDF…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send('save-handout') },
        { type: 'separator' },
        { label: 'Mettre à jour le contenu…', click: () => send('update-content') },
        { label: 'À propos du contenu', click: () => send('about-content') },
        { type: 'separator' },
        isMac ? { role: 'close', label: 'Fermer la fenêtre' } : { role: 'quit', label: 'Quitter' },
      ],
    },
    {
      label: 'Édition',
      submenu: [
        { role: 'undo', label: 'Annuler' },
        { role: 'redo', label: 'Rétablir' },
        { type: 'separator' },
        { role: 'cut', label: 'Couper' },
        { role: 'copy', label: 'Copier' },
        { role: 'paste', label: 'Coller' },
        { role: 'selectAll', label: 'Tout sélectionner' },
        { type: 'separator' },
        { label: 'Copier pour le dossier', accelerator: 'CmdOrCtrl+Shift+C', click: () => send('copy-record-note') },
      ],
    },
    {
      // Back and Forward walk the URL hash’s history (views, filters) inside the consultation, as the page’s own Alt+← / Alt+→ do.
      label: 'Aller',
      submenu: [
        { label: 'Précédent', accelerator: isMac ? 'Cmd+[' : 'Alt+Left', click: () => send('go-back') },
        { label: 'Suivant', accelerator: isMac ? 'Cmd+]' : 'Alt+Right', click: () => send('go-forward') },
        { type: 'separator' },
        ...VIEW_IDS.map((id, i) => ({ label: VIEW_LABELS[id], accelerator: `CmdOrCtrl+${i + 1}`, click: () => send(showView(id)) })),
      ],
    },
    {
      label: 'Affichage',
      submenu: [
        { role: 'resetZoom', label: 'Taille réelle' },
        { role: 'zoomIn', label: 'Zoom avant' },
        { role: 'zoomOut', label: 'Zoom arrière' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Plein écran' },
        ...(host.isPackaged ? [] : [{ role: 'toggleDevTools' as const, label: 'Outils de développement' }]),
      ],
    },
  ]
  return template
}
