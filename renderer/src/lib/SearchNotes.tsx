// What Mollet says beside a search: the words it reads as its subject, what
// the article sends elsewhere (shared/search/words.ts), and, when nothing is
// found, what Mollet covers and a way back to every entry.
import { searchNotes } from '@shared/search/words'
import { guillemets, NBSP } from '@shared/text/french'
import { useKbIndex } from './useKbIndex'

export function SearchNotes({ query }: { query: string }) {
  const notes = searchNotes(query)
  if (notes.length === 0) return null
  return (
    <div className="search-notes" data-testid="search-notes">
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </div>
  )
}

/** The empty result of a search: said with the scope of Mollet, and the button that clears it. */
export function NoResult({ query, clearLabel, onClear }: { query: string; clearLabel: string; onClear: () => void }) {
  const { kb } = useKbIndex()
  const title = kb.meta?.source.title
  return (
    <div className="no-result" data-testid="no-result">
      <p>
        <strong>Aucun résultat</strong>
        {query.trim() ? ` pour ${guillemets(query.trim())}` : ' pour ces critères'}.
      </p>
      {title && (
        <p className="muted">
          Mollet couvre un seul article, {guillemets(title)}
          {NBSP}: les causes, les diagnostics différentiels et les signes d’alerte qu’il cite. Ce qu’il ne cite pas n’y figure pas.
        </p>
      )}
      <button type="button" className="button" onClick={onClear}>
        {clearLabel}
      </button>
    </div>
  )
}
