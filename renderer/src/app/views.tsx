// What each view of the app (shared/app/views.ts, which owns their ids and
// order) is called in the nav and what it renders.
import type { ReactNode } from 'react'
import { ConditionTable } from '../tables'
import { OrientationView } from '../orientation'
import { HandoutView } from '../handout'
import type { Arrangement } from '@shared/app/url-state'
import type { Filters } from './useUrlState'
import type { MarkedFindings } from '@shared/differentials/match'
import { VIEW_IDS, VIEW_LABELS, type ViewId } from '@shared/app/views'

/** What a view gets: its own search and filters (kept in the URL hash), and the patient's findings (the consultation's). */
export interface ViewContext {
  query: string
  onQueryChange: (query: string) => void
  filters: Filters
  onFiltersChange: (filters: Filters) => void
  /** The table's sort and hidden columns. */
  arrangement: Arrangement
  onArrangementChange: (arrangement: Arrangement) => void
  findings: MarkedFindings
  onFindingsChange: (findings: MarkedFindings) => void
}

export interface View {
  id: ViewId
  label: string
  /** The view's content: it reads the knowledge base from its context (useKbIndex). */
  render: (context: ViewContext) => ReactNode
}

/** A table view of one list of the knowledge base. */
function conditionView<Id extends 'causes' | 'differentials'>(
  id: Id,
  caption: string,
  noun: { one: string; other: string },
): View & { id: Id } {
  return {
    id,
    label: VIEW_LABELS[id],
    render: (context) => (
      <ConditionTable
        list={id}
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

const VIEW_BY_ID: { [Id in ViewId]: View & { id: Id } } = {
  causes: conditionView('causes', 'Causes des contractions du mollet. Entrée ou clic sur une ligne pour ouvrir sa fiche.', {
    one: 'cause',
    other: 'causes',
  }),
  differentials: conditionView('differentials', 'Diagnostics différentiels. Entrée ou clic sur une ligne pour ouvrir sa fiche.', {
    one: 'diagnostic différentiel',
    other: 'diagnostics différentiels',
  }),
  orientation: {
    id: 'orientation',
    label: VIEW_LABELS.orientation,
    render: (context) => (
      <OrientationView
        query={context.query}
        onQueryChange={context.onQueryChange}
        findings={context.findings}
        onFindingsChange={context.onFindingsChange}
      />
    ),
  },
  handout: {
    id: 'handout',
    label: VIEW_LABELS.handout,
    render: () => <HandoutView />,
  },
}

/** The views in nav order. */
export const VIEWS: readonly View[] = VIEW_IDS.map((id) => VIEW_BY_ID[id])
