// The app's views, in nav order. A new view (e.g. "Fiche patient") is one more
// entry here: an id (used in element ids and in the URL hash, see
// shared/differentials/hash.ts), its nav label and what it renders.
import type { ReactNode } from 'react'
import { ConditionTable } from './components/ConditionTable'
import { OrientationView } from './components/OrientationView'
import { HandoutView } from './handout/HandoutView'
import type { Arrangement } from '../../shared/differentials/hash'
import type { Filters, Findings } from './hooks/useViewState'
import type { KbIndex } from './lib/kbIndex'

/** What a view gets of the state kept in the URL hash: its own search and filters, and the patient's findings. */
export interface ViewContext {
  /** Shows this view. */
  onShow: () => void
  query: string
  onQueryChange: (query: string) => void
  filters: Filters
  onFiltersChange: (filters: Filters) => void
  /** The table's sort and hidden columns. */
  arrangement: Arrangement
  onArrangementChange: (arrangement: Arrangement) => void
  findings: Findings
  onFindingsChange: (findings: Findings) => void
}

export interface View {
  id: string
  label: string
  render: (index: KbIndex, context: ViewContext) => ReactNode
}

/** A table view of one list of the knowledge base. */
function conditionView(id: 'causes' | 'differentials', label: string, caption: string, noun: { one: string; other: string }): View {
  return {
    id,
    label,
    render: (index, context) => (
      <ConditionTable
        entries={index.kb[id]}
        caption={caption}
        noun={noun}
        query={context.query}
        onQueryChange={context.onQueryChange}
        filters={context.filters}
        onFiltersChange={context.onFiltersChange}
        arrangement={context.arrangement}
        onArrangementChange={context.onArrangementChange}
      />
    ),
  }
}

export const VIEWS: readonly View[] = [
  conditionView('causes', 'Causes', 'Causes des contractions du mollet. Entrée ou clic sur une ligne pour ouvrir sa fiche.', {
    one: 'cause',
    other: 'causes',
  }),
  conditionView(
    'differentials',
    'Diagnostics différentiels',
    'Diagnostics différentiels. Entrée ou clic sur une ligne pour ouvrir sa fiche.',
    { one: 'diagnostic différentiel', other: 'diagnostics différentiels' },
  ),
  {
    id: 'orientation',
    label: 'Orientation',
    render: (index, context) => (
      <OrientationView
        index={index}
        onShow={context.onShow}
        query={context.query}
        onQueryChange={context.onQueryChange}
        findings={context.findings}
        onFindingsChange={context.onFindingsChange}
      />
    ),
  },
  {
    id: 'handout',
    label: 'Fiche patient',
    render: (index) => <HandoutView index={index} />,
  },
]
