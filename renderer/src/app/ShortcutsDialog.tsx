// The keyboard shortcuts, listed in a modal dialog that `?` opens; Esc or
// "Fermer" closes it and the focus goes back where it was.
import { memo } from 'react'
import { COMMANDS, shortcutLabel, shortcutOf } from '@shared/app/commands'
import { isMac } from '../lib/platform'
import { useModalDialog } from '../lib/useModalDialog'

/** The page's own keys, which no menu has. */
const PAGE_KEYS: readonly { keys: string[]; action: string }[] = [
  { keys: ['/'], action: 'Aller à la recherche de la vue' },
  { keys: ['↓', '↑'], action: 'Parcourir les lignes du tableau (↓ depuis la recherche\u00a0: première ligne)' },
  { keys: ['Entrée'], action: 'Ouvrir la fiche de la ligne' },
  { keys: ['Échap'], action: 'Fermer la fiche ou cette aide' },
  { keys: ['←', '→'], action: 'Changer de vue (sur les onglets)' },
  { keys: ['Tab'], action: 'Passer d’un signe à l’autre\u202f; les flèches changent son état' },
  { keys: ['?'], action: 'Afficher cette aide' },
]

/** The commands of the table that have a key, on this platform; the same help is one row. */
function commandKeys(): { keys: string[]; action: string }[] {
  const rows = new Map<string, string[]>()
  for (const command of COMMANDS) {
    const shortcut = shortcutOf(command, isMac)
    if (!shortcut || command.help === null) continue
    rows.set(command.help, [...(rows.get(command.help) ?? []), shortcutLabel(shortcut, isMac)])
  }
  return [...rows].map(([action, keys]) => ({ keys, action }))
}

const SHORTCUTS = [...commandKeys(), ...PAGE_KEYS]

/** Drawn with the app, shut: memoised, so that the shell's render at each keystroke of a search skips it. */
export const ShortcutsDialog = memo(function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { props, close } = useModalDialog(open, onClose)

  return (
    <dialog {...props} className="panel-dialog shortcuts" aria-labelledby="shortcuts-title">
      <div className="shortcuts-head">
        <h2 id="shortcuts-title">Raccourcis clavier</h2>
        <button type="button" className="button button-quiet" onClick={close}>
          Fermer
        </button>
      </div>
      <table className="shortcut-list">
        <caption className="visually-hidden">Raccourcis clavier</caption>
        <thead>
          <tr>
            <th scope="col">Touche</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  )
})
