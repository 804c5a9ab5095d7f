// Says in French what is wrong in the knowledge-base files (file, entry,
// field, message). The app keeps working with the entries that are valid.
// Long lists start folded to their first problems (the loader lists root
// causes, such as a broken file, before the references they break).
import { useId, useState } from 'react'
import type { KbProblem } from '@shared/kb/types'
import { NBSP, count } from '@shared/text/french'
import { ProblemTable } from '../lib/ProblemTable'

const PROBLEM = { one: 'problème', other: 'problèmes' }
/** Problems shown while the list is folded. */
const FOLDED_PROBLEMS = 3

export function ProblemsBanner({ problems }: { problems: readonly KbProblem[] }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  if (problems.length === 0) return null
  const files = [...new Set(problems.map((p) => p.file))]
  const foldable = problems.length > FOLDED_PROBLEMS
  const shown = open || !foldable ? problems : problems.slice(0, FOLDED_PROBLEMS)
  const hidden = problems.length - FOLDED_PROBLEMS
  return (
    <section className="banner banner-warning" role="alert" aria-labelledby={`${id}-title`}>
      <div className="banner-head">
        <div>
          <h2 id={`${id}-title`} className="banner-title">
            Base de connaissances{NBSP}: {count(problems.length, PROBLEM)} dans {files.join(', ')}
          </h2>
          <p className="banner-text">Les entrées en cause sont laissées de côté{NBSP}; le reste de Mollet fonctionne normalement.</p>
        </div>
      </div>
      <ProblemTable problems={shown} caption="Problèmes de la base de connaissances" id={`${id}-list`} />
      {foldable && (
        <button
          type="button"
          className="button button-quiet banner-toggle"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Réduire la liste' : `Afficher ${hidden > 1 ? `les ${hidden} autres problèmes` : 'l’autre problème'}`}
        </button>
      )}
    </section>
  )
}
