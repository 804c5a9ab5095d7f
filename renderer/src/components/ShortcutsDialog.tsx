// The keyboard shortcuts, listed in a modal dialog that `?` opens; Esc or
// "Fermer" closes it and the focus goes back where it was.
import { useEffect, useRef } from 'react'
import { MODIFIER, isMac } from '../lib/platform'

const M = MODIFIER.label

const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: [`${M}+N`], action: 'Nouveau patient\u00a0: effacer tout ce qui concerne le patient précédent' },
  { keys: ['/'], action: 'Aller à la recherche de la vue' },
  { keys: ['↓', '↑'], action: 'Parcourir les lignes du tableau (↓ depuis la recherche\u00a0: première ligne)' },
  { keys: ['Entrée'], action: 'Ouvrir la fiche de la ligne' },
  { keys: ['Échap'], action: 'Fermer la fiche ou cette aide' },
  { keys: ['←', '→'], action: 'Changer de vue (sur les onglets)' },
  { keys: [`${M}+1…4`], action: 'Afficher une vue\u00a0: Causes, Diagnostics différentiels, Orientation, Fiche patient' },
  { keys: isMac ? ['⌘+[', '⌘+]'] : ['Alt+←', 'Alt+→'], action: 'Précédent, suivant (vue, filtres) dans la consultation en cours' },
  { keys: ['Tab'], action: 'Passer d’un signe à l’autre\u202f; les flèches changent son état' },
  { keys: [`${M}+P`], action: 'Fiche patient\u00a0: l’afficher, puis l’imprimer' },
  { keys: [`${M}+Maj+S`], action: 'Fiche patient\u00a0: l’afficher, puis l’enregistrer en PDF' },
  { keys: [`${M}+Maj+C`], action: 'Orientation\u00a0: copier le résumé pour le dossier médical' },
  { keys: ['?'], action: 'Afficher cette aide' },
]

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const opener = useRef<Element | null>(null)

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      opener.current = document.activeElement
      element.showModal()
    }
    if (!open && element.open) element.close()
  }, [open])

  const closed = () => {
    if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus()
    opener.current = null
    onClose()
  }

  return (
    <dialog ref={dialog} className="panel-dialog shortcuts" aria-labelledby="shortcuts-title" onClose={closed}>
      <div className="shortcuts-head">
        <h2 id="shortcuts-title">Raccourcis clavier</h2>
        <button type="button" className="button button-quiet" onClick={() => dialog.current?.close()}>
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
}
