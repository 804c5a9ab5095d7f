// « Ce que Mollet couvre »: one article, its sections, what Mollet draws from
// it, and what it does not cover — limits, never new clinical advice. From
// the footer of every view, « Aide › Ce que Mollet couvre » and « À propos
// du contenu » (the command « show-scope »).
import { memo } from 'react'
import { guillemets, NBSP, frenchIsoDate } from '@shared/text/french'
import { useKbIndex } from '../lib/useKbIndex'
import { useModalDialog } from '../lib/useModalDialog'

/** Drawn with the app, shut: memoised, so that the shell's render at each keystroke of a search skips it. */
export const ScopeDialog = memo(function ScopeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { kb } = useKbIndex()
  const { props, close } = useModalDialog(open, onClose)

  const meta = kb.meta
  const redFlags = kb.findings.filter((f) => f.redFlag).length
  return (
    <dialog {...props} className="panel-dialog scope" aria-labelledby="scope-title" data-testid="scope-dialog">
      <div className="shortcuts-head">
        <h2 id="scope-title">Ce que Mollet couvre</h2>
        <button type="button" className="button button-quiet" onClick={close}>
          Fermer
        </button>
      </div>
      {meta ? (
        <>
          <p>
            Une seule source{NBSP}: l’article {guillemets(meta.source.title)}, contenu révisé le {frenchIsoDate(meta.revision)}. Tout ce que
            Mollet affiche et imprime en vient, avec sa citation.
          </p>
          <h3>Ce qu’il en tire</h3>
          <p>
            {kb.causes.length} causes, {kb.differentials.length} diagnostics différentiels, {kb.findings.length} signes dont {redFlags}{' '}
            signes d’alerte, {kb.advice.length} conseils et le texte des fiches patient, d’après les sections de l’article{NBSP}:{' '}
            {meta.sections.map((s) => s.label).join(', ')}.
          </p>
        </>
      ) : (
        <p>Le contenu n’a pas pu être lu{NBSP}: voir le message en haut de la fenêtre.</p>
      )}
      <h3>Ce qu’il ne couvre pas</h3>
      <ul>
        <li>Ce que l’article ne cite pas{NBSP}: une cause, un diagnostic ou un signe absent de Mollet n’est pas pour autant exclu.</li>
        <li>Les crampes, auxquelles l’article renvoie sans en parler.</li>
        <li>Le diagnostic et le traitement au-delà de ce que l’article en dit.</li>
      </ul>
      <p className="muted">Mollet ne remplace ni l’examen clinique ni le jugement du soignant.</p>
    </dialog>
  )
})
