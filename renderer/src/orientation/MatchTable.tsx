// The causes and differentials ranked by the marked findings, grouped as
// primary care reads them (serious not to miss, probable, others): one
// <tbody> per group under a row-group header, "Autres" folded unless a search
// is typed (then every hit is in view). Each row says which findings agree,
// which argue against it, how its score adds up and how specific its match is.
import { Fragment, useId, useState, type KeyboardEvent } from 'react'
import { MATCH_GROUPS, explainScore, explainSpecificity, type MatchGroup, type MatchResult } from '@shared/differentials/match'
import { ENTRY_KINDS, FIELD_LABELS, REFERRALS, type Referral } from '@shared/kb/vocabulary'
import type { GroupStatement } from '@shared/kb/schema'
import { rankedRows, type RankedRow } from '@shared/differentials/ties'
import { useKbIndex } from '../lib/useKbIndex'
import { useOpenDetail } from '../detail'
import { NBSP, withColon } from '@shared/text/french'
import { findingLabel } from '../lib/kbIndex'
import { moveOnRowKey } from '../lib/rowFocus'
import { SeriousnessBadge } from '../lib/SeriousnessBadge'
import { NoResult } from '../lib/SearchNotes'

export interface MatchTableProps {
  /** Results in match order (matchDifferentials). */
  results: readonly MatchResult[]
  /** Findings are marked: show why each row ranks where it does. */
  explained: boolean
  /** Some entry matches: show the groups, "Autres" folded. */
  grouped: boolean
  /** A search is typed: nothing is folded, so that every hit shows. */
  searching: boolean
  /** The search typed, and how to clear it (when it finds nothing). */
  query: string
  onClearSearch: () => void
  /** Reassurance is not earned yet (a red flag present or not answered): no row reads « Mesures simples ». */
  selfCareOnHold: boolean
}

const GROUP_ORDER = Object.keys(MATCH_GROUPS) as MatchGroup[]

export function MatchTable({ results, explained, grouped, searching, query, onClearSearch, selfCareOnHold }: MatchTableProps) {
  const id = useId()
  const [othersOpen, setOthersOpen] = useState(false)
  const { kb } = useKbIndex()
  /** The tie rows opened to their members. */
  const [openTies, setOpenTies] = useState<ReadonlySet<string>>(new Set())
  const toggleTie = (key: string) =>
    setOpenTies((open) => {
      const next = new Set(open)
      if (!next.delete(key)) next.add(key)
      return next
    })
  const columns = explained ? 4 : 3

  const groups = grouped
    ? GROUP_ORDER.map((group) => ({ group, rows: results.filter((r) => r.group === group) })).filter((g) => g.rows.length > 0)
    : [{ group: null, rows: results }]

  return (
    <div className="table-wrap">
      <table className="data matches">
        <caption className="visually-hidden">
          Causes et diagnostics différentiels classés selon les signes du patient. Entrée ou clic sur une ligne pour ouvrir sa fiche.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="col-name">
              {FIELD_LABELS.name}
            </th>
            <th scope="col">{FIELD_LABELS.seriousness}</th>
            {explained && (
              <th scope="col" className="col-why">
                Concordance
              </th>
            )}
            <th scope="col" className="col-referral">
              {FIELD_LABELS.referral}
            </th>
          </tr>
        </thead>
        {groups.map(({ group, rows }) => {
          const folded = group === 'autres' && !othersOpen && !searching
          const bodyId = `${id}-${group ?? 'all'}`
          return (
            <tbody key={group ?? 'all'} id={bodyId} data-group={group ?? undefined}>
              {group !== null && (
                <tr className={`group-row group-${group}`}>
                  <th scope="rowgroup" colSpan={columns}>
                    <span className="group-title">
                      {MATCH_GROUPS[group]} ({group === 'autres' ? rows.length : rankedRows(rows, kb.groups).length})
                    </span>
                    {group === 'autres' && !searching && (
                      <button
                        type="button"
                        className="button button-quiet group-toggle"
                        aria-expanded={!folded}
                        aria-controls={bodyId}
                        onClick={() => setOthersOpen((open) => !open)}
                        onKeyDown={moveOnRowKey}
                      >
                        {folded ? 'Afficher' : 'Masquer'}
                      </button>
                    )}
                  </th>
                </tr>
              )}
              {!folded &&
                (group === 'autres' ? rows.map((r): RankedRow => ({ kind: 'entry', result: r })) : rankedRows(rows, kb.groups)).map(
                  (row) =>
                    row.kind === 'entry' ? (
                      <MatchRow key={row.result.id} result={row.result} explained={explained} selfCareOnHold={selfCareOnHold} />
                    ) : (
                      <Fragment key={row.key}>
                        <TieRow
                          row={row}
                          explained={explained}
                          selfCareOnHold={selfCareOnHold}
                          open={searching || openTies.has(row.key)}
                          onToggle={() => toggleTie(row.key)}
                        />
                        {(searching || openTies.has(row.key)) &&
                          row.members.map((r) => <MatchRow key={r.id} result={r} explained={explained} selfCareOnHold={selfCareOnHold} />)}
                      </Fragment>
                    ),
                )}
            </tbody>
          )
        })}
        {results.length === 0 && (
          <tbody>
            <tr>
              <td colSpan={columns} className="empty">
                <NoResult query={query} clearLabel="Effacer la recherche" onClear={onClearSearch} />
              </td>
            </tr>
          </tbody>
        )}
      </table>
    </div>
  )
}

function MatchRow({ result, explained, selfCareOnHold }: { result: MatchResult; explained: boolean; selfCareOnHold: boolean }) {
  const openDetail = useOpenDetail()
  const c = result.condition
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      openDetail(c.id, event.currentTarget)
    } else moveOnRowKey(event)
  }
  return (
    <tr tabIndex={0} className="entry-row" data-entry={c.id} onClick={(e) => openDetail(c.id, e.currentTarget)} onKeyDown={onKeyDown}>
      <td className="col-name">
        <span className="entry-name">{c.name}</span>
        <span className="entry-aliases">{ENTRY_KINDS[c.kind]}</span>
      </td>
      <td>
        <SeriousnessBadge value={c.seriousness} byGroup={c.seriousnessOf !== undefined} />
      </td>
      {explained && <WhyCell result={result} />}
      <td className="col-referral">{referralText(c.referral, selfCareOnHold)}</td>
    </tr>
  )
}

function referralText(referral: Referral, selfCareOnHold: boolean): string {
  return referral === 'auto-soins' && selfCareOnHold ? 'À vérifier avant de rassurer' : REFERRALS[referral]
}

/** Why a row ranks where it does: its signs for and against, its score, what sets it apart. */
function WhyCell({ result }: { result: MatchResult }) {
  const index = useKbIndex()
  const labels = (ids: readonly string[]) => ids.map((f) => findingLabel(index, f)).join(', ')
  // An absent usual finding is named as such: the row lists it under "Contre" because it was answered Absent.
  const against = result.against
    .map((f) => (result.missing.includes(f) ? `${findingLabel(index, f)} (absent)` : findingLabel(index, f)))
    .join(', ')
  const rank = explainSpecificity(result, (f) => findingLabel(index, f))
  return (
    <td className="col-why">
      {result.matched.length > 0 && (
        <p className="why why-for">
          <strong>{withColon('Concorde')}</strong> {labels(result.matched)}
        </p>
      )}
      {result.against.length > 0 && (
        <p className="why why-against">
          <strong>{withColon('Contre')}</strong> {against}
        </p>
      )}
      {result.matched.length + result.against.length > 0 ? (
        <>
          <p className="why score">{explainScore(result)}</p>
          {rank && <p className="why rank">{rank}</p>}
        </>
      ) : (
        <p className="why score">Aucun signe marqué ne la concerne</p>
      )}
    </td>
  )
}

/**
 * Whether a tie row's badge is a group's grade: some members take their grade
 * from one group and every member is in it (an entry graded on its own is
 * also cited there); null when that cannot be said of them all.
 */
function gradedByOneGroup(members: readonly MatchResult[], groups: readonly GroupStatement[]): boolean | null {
  const named = new Set(members.flatMap((r) => (r.condition.seriousnessOf ? [r.condition.seriousnessOf] : [])))
  if (named.size === 0) return false
  const [only] = named
  const group = named.size === 1 ? groups.find((g) => g.id === only) : undefined
  return group && members.every((r) => group.members.includes(r.id)) ? true : null
}

/**
 * Entries tied for the very same reasons, as one row (shared/differentials/ties.ts):
 * named for the article's list when they are exactly it, with their shared
 * reasons, opening to its members.
 */
function TieRow({
  row,
  explained,
  selfCareOnHold,
  open,
  onToggle,
}: {
  row: Extract<RankedRow, { kind: 'tie' }>
  explained: boolean
  selfCareOnHold: boolean
  open: boolean
  onToggle: () => void
}) {
  const [first] = row.members as [MatchResult, ...MatchResult[]]
  const same = <T,>(value: (r: MatchResult) => T): T | null => (row.members.every((r) => value(r) === value(first)) ? value(first) : null)
  const seriousness = same((r) => r.condition.seriousness)
  const { kb } = useKbIndex()
  const byGroup = gradedByOneGroup(row.members, kb.groups)
  const referral = same((r) => r.condition.referral)
  return (
    <tr className="tie-row" data-tie={row.key}>
      <td className="col-name">
        <button type="button" className="link tie-toggle" aria-expanded={open} onClick={onToggle} onKeyDown={moveOnRowKey}>
          <span className="entry-name">
            {row.label ?? 'Entrées à égalité'} ({row.members.length}
            {row.members.length < row.listSize ? ` sur ${row.listSize}` : ''})
          </span>
        </button>
        <span className="entry-aliases">
          À égalité pour les mêmes raisons{NBSP}: {row.members.map((r) => r.condition.name).join(', ')}
        </span>
      </td>
      <td>{seriousness && byGroup !== null && <SeriousnessBadge value={seriousness} byGroup={byGroup} />}</td>
      {explained && <WhyCell result={first} />}
      <td className="col-referral">{referral ? referralText(referral, selfCareOnHold) : ''}</td>
    </tr>
  )
}
