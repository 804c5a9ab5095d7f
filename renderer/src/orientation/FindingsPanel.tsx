// The patient's findings, from findings.json, grouped as the knowledge base
// groups them. Each finding is a radio group (Présent, Absent, Inconnu): Tab
// moves from one finding to the next, the arrows change its state. Red flags
// say "Signe d’alerte" in words, not by colour only.
import { useKbIndex } from '../lib/useKbIndex'
import { useId, useRef, type ReactNode } from 'react'
import { FINDING_GROUPS } from '@shared/kb/vocabulary'
import type { FindingState, MarkedFindings } from '@shared/differentials/match'

type Choice = FindingState | 'inconnu'

const CHOICES: readonly { value: Choice; label: string }[] = [
  { value: 'present', label: 'Présent' },
  { value: 'absent', label: 'Absent' },
  { value: 'inconnu', label: 'Inconnu' },
]

export interface FindingsPanelProps {
  findings: MarkedFindings
  onChange: (findings: MarkedFindings) => void
  /** What the findings call for, kept in sight at the top of the panel as it scrolls. */
  summary?: ReactNode
}

export function FindingsPanel({ findings, onChange, summary }: FindingsPanelProps) {
  const index = useKbIndex()
  const id = useId()
  const panel = useRef<HTMLElement>(null)
  const marked = Object.keys(findings).length
  // « Tout effacer » is disabled once nothing is marked: the focus would fall to
  // the page. It goes to the first finding instead, where marking starts again.
  const clearAll = () => {
    onChange({})
    window.requestAnimationFrame(() => panel.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus())
  }
  const set = (finding: string, choice: Choice) => {
    const next = { ...findings }
    if (choice === 'inconnu') delete next[finding]
    else next[finding] = choice
    onChange(next)
  }
  const groups = Object.entries(FINDING_GROUPS)
    .map(([group, label]) => ({ group, label, items: index.kb.findings.filter((f) => f.group === group) }))
    .filter((g) => g.items.length > 0)

  return (
    <section ref={panel} className="findings" aria-labelledby={`${id}-title`}>
      {summary}
      <div className="findings-head">
        <h2 id={`${id}-title`} className="findings-title">
          Signes du patient
        </h2>
        <button type="button" className="button button-quiet" onClick={clearAll} disabled={marked === 0}>
          Tout effacer
        </button>
      </div>
      {groups.map(({ group, label, items }) => (
        <div key={group} className="finding-group" role="group" aria-labelledby={`${id}-${group}`}>
          <h3 id={`${id}-${group}`} className="finding-group-title">
            {label}
          </h3>
          {items.map((finding) => {
            const state: Choice = Object.hasOwn(findings, finding.id) ? (findings[finding.id] as FindingState) : 'inconnu'
            const labelId = `${id}-${finding.id}`
            return (
              <div
                key={finding.id}
                className={`finding finding-${state}`}
                role="radiogroup"
                aria-labelledby={labelId}
                data-finding={finding.id}
              >
                <span id={labelId} className="finding-label">
                  {finding.label}
                  {finding.redFlag && <span className="flag">Signe d’alerte</span>}
                </span>
                <span className="segmented">
                  {CHOICES.map((choice) => (
                    <label key={choice.value} className={`segment segment-${choice.value}`}>
                      <input
                        type="radio"
                        name={`${id}-${finding.id}-state`}
                        value={choice.value}
                        checked={state === choice.value}
                        onChange={() => set(finding.id, choice.value)}
                      />
                      <span>{choice.label}</span>
                    </label>
                  ))}
                </span>
              </div>
            )
          })}
        </div>
      ))}
    </section>
  )
}
