// The one table of commands: what the application menu shows, which keys do
// the same in the page, and what the shortcuts dialog lists. The menu
// (electron/main/menu.ts), the renderer's one command hook
// (renderer/src/lib/commands.tsx) and the dialog all read it; a new command
// is one row here and its handler where the feature lives.
//
// Pure: no Electron, no DOM.
import { showView, type MenuCommand } from '../ipc/contract'
import { VIEW_IDS, VIEW_LABELS } from './views'

/**
 * A key and its modifiers. `mod` is the platform's command key: ⌘ on a Mac,
 * Ctrl elsewhere. `key` is KeyboardEvent.key for a letter (lower case) or a
 * sign, « ArrowLeft »/« ArrowRight » for arrows, « 1 »…« 9 » for a digit key
 * of the main row (matched by its code, whatever the keyboard's layout).
 */
export interface Shortcut {
  mod?: boolean
  shift?: boolean
  alt?: boolean
  key: string
}

export type MenuName = 'Fichier' | 'Édition' | 'Aller' | 'Aide'

export interface Command {
  id: MenuCommand
  /** Its label in the menu. */
  label: string
  /** What the shortcuts dialog says it does; null: not listed there (no key). Commands with the same help share a row. */
  help: string | null
  /** The key elsewhere and on a Mac (the same when `mac` is not given); null: none. */
  keys: { other: Shortcut; mac?: Shortcut } | null
  menu: MenuName
  /** A separator comes before it in its menu. */
  separated?: boolean
}

const BACK_AND_FORTH = 'Précédent, suivant (vue, filtres) dans la consultation en cours'

export const COMMANDS: readonly Command[] = [
  {
    id: 'new-patient',
    label: 'Nouveau patient',
    help: 'Nouveau patient\u00a0: effacer tout ce qui concerne le patient précédent',
    keys: { other: { mod: true, key: 'n' } },
    menu: 'Fichier',
  },
  {
    id: 'print-handout',
    label: 'Imprimer la fiche patient…',
    help: 'Fiche patient\u00a0: l’afficher, puis l’imprimer',
    keys: { other: { mod: true, key: 'p' } },
    menu: 'Fichier',
    separated: true,
  },
  {
    id: 'save-handout',
    label: 'Enregistrer la fiche en PDF…',
    help: 'Fiche patient\u00a0: l’afficher, puis l’enregistrer en PDF',
    keys: { other: { mod: true, shift: true, key: 's' } },
    menu: 'Fichier',
  },
  { id: 'update-content', label: 'Mettre à jour le contenu…', help: null, keys: null, menu: 'Fichier', separated: true },
  { id: 'about-content', label: 'À propos du contenu', help: null, keys: null, menu: 'Fichier' },
  { id: 'show-scope', label: 'Ce que Mollet couvre', help: null, keys: null, menu: 'Aide' },
  {
    id: 'copy-record-note',
    label: 'Copier pour le dossier',
    help: 'Orientation\u00a0: copier le résumé pour le dossier médical',
    keys: { other: { mod: true, shift: true, key: 'c' } },
    menu: 'Édition',
    separated: true,
  },
  {
    id: 'go-back',
    label: 'Précédent',
    help: BACK_AND_FORTH,
    keys: { other: { alt: true, key: 'ArrowLeft' }, mac: { mod: true, key: '[' } },
    menu: 'Aller',
  },
  {
    id: 'go-forward',
    label: 'Suivant',
    help: BACK_AND_FORTH,
    keys: { other: { alt: true, key: 'ArrowRight' }, mac: { mod: true, key: ']' } },
    menu: 'Aller',
  },
  ...VIEW_IDS.map(
    (id, i): Command => ({
      id: showView(id),
      label: VIEW_LABELS[id],
      help: `Afficher une vue\u00a0: ${VIEW_IDS.map((v) => VIEW_LABELS[v]).join(', ')}`,
      keys: { other: { mod: true, key: String(i + 1) } },
      menu: 'Aller',
      separated: i === 0,
    }),
  ),
]

/** The key of a command on this platform, or null. */
export function shortcutOf(command: Command, isMac: boolean): Shortcut | null {
  return command.keys ? ((isMac ? command.keys.mac : undefined) ?? command.keys.other) : null
}

const ELECTRON_KEYS: Readonly<Record<string, string>> = { ArrowLeft: 'Left', ArrowRight: 'Right' }

/** Electron's accelerator for a shortcut (« CmdOrCtrl+Shift+C », « Alt+Left »). */
export function acceleratorOf(shortcut: Shortcut): string {
  const parts: string[] = []
  if (shortcut.mod) parts.push('CmdOrCtrl')
  if (shortcut.alt) parts.push('Alt')
  if (shortcut.shift) parts.push('Shift')
  parts.push(ELECTRON_KEYS[shortcut.key] ?? shortcut.key.toUpperCase())
  return parts.join('+')
}

const SHOWN_KEYS: Readonly<Record<string, string>> = { ArrowLeft: '←', ArrowRight: '→' }

/** A shortcut as the interface writes it, in French: « Ctrl+Maj+C », « ⌘+[ », « Alt+← ». */
export function shortcutLabel(shortcut: Shortcut, isMac: boolean): string {
  const parts: string[] = []
  if (shortcut.mod) parts.push(isMac ? '⌘' : 'Ctrl')
  if (shortcut.alt) parts.push(isMac ? '⌥' : 'Alt')
  if (shortcut.shift) parts.push('Maj')
  parts.push(SHOWN_KEYS[shortcut.key] ?? shortcut.key.toUpperCase())
  return parts.join('+')
}

/** What a key press needs to match a shortcut (the fields of a KeyboardEvent the match reads). */
export interface KeyPress {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/** Whether a key press is this shortcut: the platform's command key and no other, the same Shift and Alt. */
function matches(press: KeyPress, shortcut: Shortcut, isMac: boolean): boolean {
  const mod = isMac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey
  const noMod = !press.ctrlKey && !press.metaKey
  if ((shortcut.mod ? !mod : !noMod) || press.altKey !== Boolean(shortcut.alt) || press.shiftKey !== Boolean(shortcut.shift)) return false
  return /^[0-9]$/u.test(shortcut.key) ? press.code === `Digit${shortcut.key}` : press.key.toLowerCase() === shortcut.key.toLowerCase()
}

/** The command a key press stands for on this platform, if any. */
export function commandOfKey(press: KeyPress, isMac: boolean): Command | null {
  for (const command of COMMANDS) {
    const shortcut = shortcutOf(command, isMac)
    if (shortcut && matches(press, shortcut, isMac)) return command
  }
  return null
}
