// One provenance of an entry: the verbatim quote with the label of its article
// section, and the passage shown in place within that section.
import type { SyntheticEvent } from 'react'
import { locateProvenance } from '@shared/kb/provenance'
import type { Provenance } from '@shared/kb/types'
import { useKbIndex } from '../lib/useKbIndex'
import { guillemets } from '@shared/text/french'

/** Scrolls the passage box so that the highlighted quote is in view. */
function revealMark(event: SyntheticEvent<HTMLDetailsElement>) {
  const details = event.currentTarget
  const box = details.querySelector<HTMLElement>('.article-passage')
  const mark = details.querySelector<HTMLElement>('mark')
  if (!details.open || !box || !mark) return
  box.scrollTop = mark.offsetTop - box.clientHeight / 3
}

export function SourceQuote({ provenance }: { provenance: Provenance }) {
  const index = useKbIndex()
  const article = index.kb.article
  const section = index.sections.find((s) => s.heading === provenance.section)
  const range = section ? locateProvenance(article, index.sections, provenance) : null
  const label = index.sectionLabels.get(provenance.section) ?? provenance.section
  return (
    <figure className="quote">
      <figcaption>Section {guillemets(label)}</figcaption>
      <blockquote lang="fr" className="quote-text">
        {provenance.quote}
      </blockquote>
      {section && range && (
        <details className="in-place" onToggle={revealMark}>
          <summary>Voir le passage dans l’article</summary>
          <div
            className="article-passage"
            lang="fr"
            tabIndex={0}
            role="region"
            aria-label={`Passage de l’article, section ${guillemets(label)}`}
          >
            {article.slice(section.start, range.start)}
            <mark>{article.slice(range.start, range.end)}</mark>
            {article.slice(range.end, section.end).trimEnd()}
          </div>
        </details>
      )}
    </figure>
  )
}
