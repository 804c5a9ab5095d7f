import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/ipc/contract'
import { COMMANDS, acceleratorOf, shortcutOf, type MenuName } from '../../shared/app/commands'

/** What the menu depends on from the running app; the shell (shell.ts) passes Electron's `app` and the platform. */
export interface MenuHost {
  appName: string
  isMac: boolean
  isPackaged: boolean
}

/**
 * French application menu; roles keep the platform's own shortcuts. The app's
 * own entries come from the table of commands (shared/app/commands.ts): each
 * sends its command to the renderer, which does what the same key does in the
 * page (a key the page handles, with preventDefault, does not also reach the menu).
 */
export function menuTemplate(send: (command: MenuCommand) => void, host: MenuHost): MenuItemConstructorOptions[] {
  const { isMac } = host
  /** The commands of one menu (shared/app/commands.ts), with their accelerators on this platform. */
  const commands = (menu: MenuName): MenuItemConstructorOptions[] =>
    COMMANDS.filter((c) => c.menu === menu).flatMap((c) => {
      const shortcut = shortcutOf(c, isMac)
      const item: MenuItemConstructorOptions = {
        label: c.label,
        click: () => send(c.id),
        ...(shortcut ? { accelerator: acceleratorOf(shortcut) } : {}),
      }
      return c.separated ? [{ type: 'separator' as const }, item] : [item]
    })
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
        ...commands('Fichier'),
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
        ...commands('Édition'),
      ],
    },
    // Back and Forward walk the URL hash’s history (views, filters) inside the consultation, as the page’s own keys do.
    { label: 'Aller', submenu: commands('Aller') },
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
    { label: 'Aide', submenu: commands('Aide') },
  ]
  return template
}
