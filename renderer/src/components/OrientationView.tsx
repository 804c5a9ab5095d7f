// The "Orientation" view: the clinician marks the patient's findings and sees
// which causes and differentials fit and why, with the red-flag banner or the
// self-care reassurance the article gives.
import { useMemo } from 'react'
import { matchDifferentials, reassurance, redFlagAlert } from '../../../shared/differentials/match'
import { matchesQuery, queryTerms } from '../../../shared/text/fold'
import type { Findings } from '../hooks/useViewState'
import { NBSP, count } from '../lib/fr'
import type { KbIndex } from '../lib/kbIndex'
import { focusFirstRow } from '../lib/rowFocus'
import { searchHaystacks } from './conditionColumns'
import { FindingsPanel } from './FindingsPanel'
import { MatchTable } from './MatchTable'
import { ReassuranceBox, RedFlagBanner } from './OrientationAlerts'
import { SearchBox } from './SearchBox'

export interface OrientationViewProps {
  index: KbIndex
  query: string
  onQueryChange: (query: string) => void
  findings: Findings
  onFindingsChange: (findings: Findings) => void
}

const ENTRY = { one: 'entrée', other: 'entrées' }
const MATCHING = { one: 'entrée concordante', other: 'entrées concordantes' }

export function OrientationView({ index, query, onQueryChange, findings, onFindingsChange }: OrientationViewProps) {
  const kb = index.kb
  const results = useMemo(() => matchDifferentials(kb, findings), [kb, findings])
  const alert = useMemo(() => redFlagAlert(kb, findings), [kb, findings])
  const calm = useMemo(() => reassurance(kb, findings), [kb, findings])
  const shown = results.filter((r) => matchesQuery(searchHaystacks(r.condition), query))
  const explained = Object.keys(findings).some((id) => index.findings.has(id))
  const matching = shown.filter((r) => r.matched.length > 0).length
  const grouped = results.some((r) => r.group !== 'autres')

  return (
    <div className="orientation">
      <FindingsPanel index={index} findings={findings} onChange={onFindingsChange} />

      <div className="orientation-main">
        {alert && <RedFlagBanner alert={alert} />}
        {calm && <ReassuranceBox reassurance={calm} />}

        <div className="toolbar">
          <SearchBox
            value={query}
            placeholder="Rechercher une cause ou un diagnostic"
            onChange={onQueryChange}
            onKeyDown={focusFirstRow}
          />
          <p className="count" role="status">
            {grouped
              ? `${count(matching, MATCHING)} sur${NBSP}${shown.length}`
              : shown.length === results.length
                ? count(results.length, ENTRY)
                : `${count(shown.length, ENTRY)} sur${NBSP}${results.length}`}
          </p>
        </div>
        {!explained && (
          <p className="hint">
            Marquez les signes du patient{NBSP}: les causes et les diagnostics différentiels se classent selon leur
            concordance.
          </p>
        )}

        <MatchTable results={shown} explained={explained} grouped={grouped} searching={queryTerms(query).length > 0} />
      </div>
    </div>
  )
}
