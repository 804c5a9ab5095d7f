// The detail of one cause or differential, in a modal dialog: focus moves into
// it, Esc or a click outside closes it, and the focus goes back to the row or
// button that opened it.
import { type RefObject, useEffect, useRef, useState } from 'react'
import type { ConditionDetails, ConditionSummary } from '@shared/kb/types'
import { CATEGORIES, ENTRY_KINDS, FIELD_LABELS, REFERRALS, SCOPES } from '@shared/kb/vocabulary'
import { AddToHandout } from '../handout'
import { useKbIndex } from '../lib/useKbIndex'
import { useModalDialog } from '../lib/useModalDialog'
import { useConditionDetails, type ConditionDetailsState } from './useConditionDetails'
import { NBSP, withColon } from '@shared/text/french'
import { findingLabel } from '../lib/kbIndex'
import { SeriousnessBadge } from '../lib/SeriousnessBadge'
import { SourceQuote } from './SourceQuote'

export interface ConditionDetailProps {
  /** The entry shown; null when the dialog is closed. */
  entryId: string | null
  /** Opens another entry in the same dialog (a related entry). */
  onNavigate: (id: string) => void
  onClose: () => void
  /** What the focus goes back to on closing (a row opened by a click). */
  opener: RefObject<HTMLElement | null>
}

export function ConditionDetail({ entryId, onNavigate, onClose, opener }: ConditionDetailProps) {
  const index = useKbIndex()
  const heading = useRef<HTMLHeadingElement>(null)
  const entry = entryId === null ? undefined : index.conditions.get(entryId)
  // « Voir aussi » keeps a trail: each related entry followed can be gone back from, « ← Retour à … ».
  const [trail, setTrail] = useState<string[]>([])
  useEffect(() => {
    if (entryId === null) setTrail([])
  }, [entryId])
  const follow = (id: string) => {
    if (entryId !== null) setTrail((t) => [...t, entryId])
    onNavigate(id)
  }
  const previous = trail.length > 0 ? index.conditions.get(trail[trail.length - 1] as string) : undefined
  const back = previous
    ? {
        name: previous.name,
        go: () => {
          setTrail((t) => t.slice(0, -1))
          onNavigate(previous.id)
        },
      }
    : null

  const { dialog, props, close } = useModalDialog(entry !== undefined, onClose, { showing: entry, opener })

  // Each entry shown, the one opened or one followed from it, is read from its name and its top.
  useEffect(() => {
    if (!entry) return
    heading.current?.focus()
    dialog.current?.querySelector('.detail-body')?.scrollTo({ top: 0 })
  }, [entry, dialog])

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop click's keyboard twin is Esc, which a modal <dialog> has natively
    <dialog
      {...props}
      className="detail"
      aria-labelledby="detail-title"
      // A click on the backdrop (outside the panel) lands on the dialog itself.
      onClick={(event) => {
        if (event.target === event.currentTarget) close()
      }}
    >
      {entry && <DetailContent entry={entry} headingRef={heading} onNavigate={follow} back={back} onClose={close} />}
    </dialog>
  )
}

interface DetailContentProps {
  entry: ConditionSummary
  headingRef: React.RefObject<HTMLHeadingElement | null>
  onNavigate: (id: string) => void
  /** The entry this one was reached from by « Voir aussi », and the way back to it. */
  back: { name: string; go: () => void } | null
  onClose: () => void
}

function DetailContent({ entry, headingRef, onNavigate, back, onClose }: DetailContentProps) {
  const index = useKbIndex()
  const related = entry.related.map((id) => index.conditions.get(id)).filter((c) => c !== undefined)
  const topics = entry.topics.map((id) => index.topics.get(id)).filter((t) => t !== undefined)
  const groups = index.kb.groups.filter((g) => g.members.includes(entry.id))
  const gradedBy = groups.find((g) => g.id === entry.seriousnessOf)
  const { state: details, retry } = useConditionDetails(index.kb, entry.id)
  return (
    <>
      <header className="detail-head">
        <div>
          {back && (
            <button type="button" className="link detail-back" onClick={back.go}>
              ← Retour à {back.name}
            </button>
          )}
          <p className="detail-kind">{ENTRY_KINDS[entry.kind]}</p>
          <h2 id="detail-title" ref={headingRef} tabIndex={-1}>
            {entry.name}
          </h2>
          {entry.aliases.length > 0 && <p className="detail-aliases">{entry.aliases.join(' · ')}</p>}
          <AddToHandout entryId={entry.id} onOpen={onClose} />
        </div>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Fermer
        </button>
      </header>

      <div className="detail-body">
        <dl className="facts">
          <dt>{FIELD_LABELS.seriousness}</dt>
          <dd>
            <SeriousnessBadge value={entry.seriousness} byGroup={gradedBy !== undefined} />
            {gradedBy && (
              <p className="fact-note" data-testid="seriousness-of-group">
                L’article ne gradue pas cette entrée à part{NBSP}: il la cite dans le groupe «{NBSP}
                {gradedBy.group}
                {NBSP}» (voir ce qu’il en dit plus bas).
              </p>
            )}
          </dd>
          <dt>{FIELD_LABELS.category}</dt>
          <dd>{CATEGORIES[entry.category]}</dd>
          <dt>{FIELD_LABELS.scope}</dt>
          <dd>{SCOPES[entry.scope]}</dd>
          <dt>{FIELD_LABELS.contexts}</dt>
          <dd>{entry.contexts.length > 0 ? entry.contexts.map((id) => findingLabel(index, id)).join(', ') : '—'}</dd>
          <dt>{FIELD_LABELS.referral}</dt>
          <dd>{REFERRALS[entry.referral]}</dd>
          <dt>{FIELD_LABELS.icd10}</dt>
          <dd>
            {entry.icd10 ? (
              <>
                <code className="icd">{entry.icd10.code}</code> {entry.icd10.label}
              </>
            ) : (
              'Pas de code retenu'
            )}
          </dd>
          {(entry.searchTerms ?? []).length > 0 && (
            <>
              <dt>{FIELD_LABELS.searchTerms}</dt>
              <dd>
                {entry.searchTerms?.join(' · ')} <span className="muted">(vocabulaire de recherche, pas une indication clinique)</span>
              </dd>
            </>
          )}
        </dl>

        <FindingList title="Éléments en faveur" ids={entry.pointingFindings} />
        <FindingList title="Éléments en défaveur" ids={entry.opposingFindings} />

        <section className="detail-section" aria-busy={details.status === 'loading'}>
          <h3>Que faire</h3>
          <Details state={details} retry={retry}>
            {(d) => <p>{d.whatToDo}</p>}
          </Details>
        </section>

        <section className="detail-section">
          <h3>Explication pour le patient</h3>
          <p>{entry.patientExplanation}</p>
        </section>

        {groups.length > 0 && (
          <section className="detail-section" data-testid="group-statements">
            <h3>Ce que l’article dit de ses groupes</h3>
            <ul className="plain-list group-statements">
              {groups.map((g) => (
                <li key={g.id} data-group-statement={g.id}>
                  <p>
                    <strong>{withColon(g.group)}</strong> {g.text}
                  </p>
                  {g.provenance.map((p, i) => (
                    <SourceQuote key={i} provenance={p} />
                  ))}
                </li>
              ))}
            </ul>
          </section>
        )}

        {related.length > 0 && (
          <section className="detail-section">
            <h3>Voir aussi</h3>
            <EntryLinks entries={related} className="link-list" onNavigate={onNavigate} />
          </section>
        )}

        {topics.length > 0 && (
          <section className="detail-section">
            <h3>En savoir plus</h3>
            <ul className="plain-list topic-list">
              {topics.map((t) => {
                // The topic's other entries, as links (the article's "En savoir plus" pages).
                const others = t.related
                  .filter((id) => id !== entry.id)
                  .map((id) => index.conditions.get(id))
                  .filter((c) => c !== undefined)
                return (
                  <li key={t.id} data-topic={t.id}>
                    <span className="topic-label">{t.label}</span>
                    {others.length > 0 && (
                      <EntryLinks
                        entries={others}
                        className="topic-entries"
                        label={`Entrées liées au sujet ${t.label}`}
                        onNavigate={onNavigate}
                      />
                    )}
                  </li>
                )
              })}
            </ul>
          </section>
        )}

        <section className="detail-section source" aria-busy={details.status === 'loading'}>
          <h3>Source</h3>
          {index.kb.meta && <p className="source-title">{index.kb.meta.source.title}</p>}
          <Details state={details} retry={retry} quiet>
            {(d) => d.provenance.map((p, i) => <SourceQuote key={i} provenance={p} />)}
          </Details>
        </section>
      </div>
    </>
  )
}

/**
 * The part of the detail main sends when it opens. While it comes (a few
 * milliseconds), nothing; « Chargement… » only if it takes longer (styles.css
 * delays it). A failure says so in French, with a retry; the rest of the
 * detail stays usable. `quiet`: the second place of one failure says nothing more.
 */
function Details({
  state,
  retry,
  quiet = false,
  children,
}: {
  state: ConditionDetailsState
  retry: () => void
  quiet?: boolean
  children: (details: ConditionDetails) => React.ReactNode
}) {
  if (state.status === 'ready') return children(state.details)
  if (quiet) return null
  if (state.status === 'loading') return <p className="detail-pending">Chargement…</p>
  return (
    <div role="alert" className="detail-failed">
      <p>{state.message}</p>
      <button type="button" className="button" onClick={retry}>
        Réessayer
      </button>
    </div>
  )
}

function FindingList({ title, ids }: { title: string; ids: readonly string[] }) {
  const index = useKbIndex()
  if (ids.length === 0) return null
  return (
    <section className="detail-section">
      <h3>{title}</h3>
      <ul className="plain-list">
        {ids.map((id) => (
          <li key={id}>
            {findingLabel(index, id)}
            {index.findings.get(id)?.redFlag && <span className="flag">Signe d’alerte</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Other entries as buttons that open their detail in place. */
function EntryLinks(props: { entries: readonly ConditionSummary[]; className: string; label?: string; onNavigate: (id: string) => void }) {
  return (
    <ul className={props.className} aria-label={props.label}>
      {props.entries.map((c) => (
        <li key={c.id}>
          <button type="button" className="link" onClick={() => props.onNavigate(c.id)}>
            {c.name}
          </button>
        </li>
      ))}
    </ul>
  )
}
