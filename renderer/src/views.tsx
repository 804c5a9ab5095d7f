// The app's views, in nav order. A new view (e.g. "Fiche patient") is one more
// entry here: an id (used in element ids), its nav label and what it renders.
import type { ReactNode } from 'react'
import { ConditionTable } from './components/ConditionTable'
import type { KbIndex } from './lib/kbIndex'

export interface View {
  id: string
  label: string
  render: (index: KbIndex) => ReactNode
}

export const VIEWS: readonly View[] = [
  {
    id: 'causes',
    label: 'Causes',
    render: (index) => (
      <ConditionTable
        entries={index.kb.causes}
        caption="Causes des contractions du mollet. Entrée ou clic sur une ligne pour ouvrir sa fiche."
        noun={{ one: 'cause', other: 'causes' }}
      />
    ),
  },
  {
    id: 'differentiels',
    label: 'Diagnostics différentiels',
    render: (index) => (
      <ConditionTable
        entries={index.kb.differentials}
        caption="Diagnostics différentiels. Entrée ou clic sur une ligne pour ouvrir sa fiche."
        noun={{ one: 'diagnostic différentiel', other: 'diagnostics différentiels' }}
      />
    ),
  },
]
