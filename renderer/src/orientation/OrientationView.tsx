// The "Orientation" view: the clinician marks the patient's findings and sees
// which causes and differentials fit and why, with the red-flag banner or the
// self-care reassurance the article gives, and copies a note of it for the
// medical record.
import { useKbIndex } from '../lib/useKbIndex'
import { useId, useMemo } from 'react'
import { matchDifferentials, reassurance, redFlagAlert, type MarkedFindings, type MatchResult } from '@shared/differentials/match'
import { composeRecordNote } from '@shared/orientation/record-note'
import { searchTerms } from '@shared/search/words'
import { SearchNotes } from '../lib/SearchNotes'
import { UsefulQuestions } from './UsefulQuestions'
import { conditionsOf, type ConditionSummary } from '@shared/kb/types'
import { searchEntries } from '@shared/search/conditions'
import { useHandout } from '../handout'
import { useRecordNote, type CopyState } from './useRecordNote'
import { NBSP, count, guillemets, withColon } from '@shared/text/french'
import { focusFirstRow } from '../lib/rowFocus'
import { FindingsPanel } from './FindingsPanel'
import { MatchTable } from './MatchTable'
import { OrientationSummary, ReassuranceBox, RedFlagBanner } from './OrientationAlerts'
import { SearchBox } from '../lib/SearchBox'

export interface OrientationViewProps {
  query: string
  onQueryChange: (query: string) => void
  findings: MarkedFindings
  onFindingsChange: (findings: MarkedFindings) => void
}

const conditionOfResult = (r: MatchResult): ConditionSummary => r.condition

const ENTRY = { one: 'entrée', other: 'entrées' }
const MATCHING = { one: 'entrée concordante', other: 'entrées concordantes' }

export function OrientationView({ query, onQueryChange, findings, onFindingsChange }: OrientationViewProps) {
  const index = useKbIndex()
  const kb = index.kb
  const { given } = useHandout()
  const note = useRecordNote()
  // What was copied no longer says what is marked: the view says so rather than show it as current.
  const copied = note.state
  const stale = useMemo(
    () => copied.status === 'copied' && copied.text !== composeRecordNote(kb, findings, copied.at, given),
    [copied, kb, findings, given],
  )
  const results = useMemo(() => matchDifferentials(kb, findings), [kb, findings])
  const alert = useMemo(() => redFlagAlert(kb, findings), [kb, findings])
  const calm = useMemo(() => reassurance(kb, findings), [kb, findings])
  const shown = useMemo(() => searchEntries(results, query, conditionOfResult).matches, [results, query])
  const explained = Object.keys(findings).some((id) => index.findings.has(id))
  // A finding marked present that no entry is linked to ranks nothing: said, not left silent.
  const unlinked = useMemo(() => {
    const linked = new Set(conditionsOf(kb).flatMap((c) => [...c.pointingFindings, ...c.contexts]))
    return kb.findings.filter((f) => findings[f.id] === 'present' && !linked.has(f.id)).map((f) => f.label)
  }, [kb, findings])
  const matching = shown.filter((r) => r.matched.length > 0).length
  const grouped = results.some((r) => r.group !== 'autres')
  const countText = grouped
    ? `${count(matching, MATCHING)} sur${NBSP}${shown.length}`
    : shown.length === results.length
      ? count(results.length, ENTRY)
      : `${count(shown.length, ENTRY)} sur${NBSP}${results.length}`

  return (
    <div className="orientation">
      <FindingsPanel
        findings={findings}
        onChange={onFindingsChange}
        summary={<OrientationSummary alert={alert} reassurance={calm} count={countText} />}
      />

      <div className="orientation-main">
        {alert && <RedFlagBanner alert={alert} />}
        {calm && <ReassuranceBox reassurance={calm} />}
        <UsefulQuestions findings={findings} onChange={onFindingsChange} />

        <div className="toolbar">
          <SearchBox value={query} placeholder="Rechercher une cause ou un diagnostic" onChange={onQueryChange} onKeyDown={focusFirstRow} />
          <button type="button" className="button copy-note" onClick={note.copy} aria-keyshortcuts="Control+Shift+C">
            Copier pour le dossier
          </button>
          <p className="count" role="status">
            {countText}
          </p>
        </div>
        <SearchNotes query={query} />
        <CopiedNote state={note.state} stale={stale} />
        {unlinked.length > 0 && (
          <p className="hint" data-testid="unlinked">
            {unlinked.map((label) => guillemets(label)).join(', ')}
            {NBSP}: l’article ne {unlinked.length > 1 ? 'les' : 'le'} relie à aucune cause ni à aucun diagnostic de Mollet. Mollet ne couvre
            qu’un article{NBSP}; ce qu’il ne cite pas n’y figure pas.
          </p>
        )}
        {!explained && (
          <p className="hint">
            Marquez les signes du patient{NBSP}: les causes et les diagnostics différentiels se classent selon leur concordance.
          </p>
        )}

        <MatchTable
          results={shown}
          explained={explained}
          grouped={grouped}
          searching={searchTerms(query).length > 0}
          query={query}
          onClearSearch={() => onQueryChange('')}
          selfCareOnHold={calm?.status !== 'earned'}
        />
      </div>
    </div>
  )
}

const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' })

/** What was copied for the record, as it was copied; or why it was not. */
function CopiedNote({ state, stale }: { state: CopyState; stale: boolean }) {
  const id = useId()
  if (state.status === 'idle') return null
  if (state.status === 'error') {
    return (
      <p className="banner banner-error" role="alert">
        {state.message}
      </p>
    )
  }
  return (
    <section className="copied-note" aria-labelledby={`${id}-title`} data-testid="copied-note">
      <p id={`${id}-title`} role="status">
        <strong>Copié pour le dossier</strong> à {timeFormat.format(state.at)}
        {stale
          ? '. Les signes ont changé depuis\u202f: copiez à nouveau pour mettre la note à jour.'
          : `${NBSP}: collez-le dans le logiciel du cabinet.`}
      </p>
      <details open={!stale}>
        <summary>{withColon('Texte copié')}</summary>
        <pre className="copied-text" tabIndex={0} role="region" aria-label="Texte copié pour le dossier">
          {state.text}
        </pre>
      </details>
    </section>
  )
}
