// « Questions utiles »: the findings not yet asked whose answer would change
// the orientation (shared/orientation/questions.ts), red flags first, each
// answerable in place — Présent or Absent, by keyboard like the findings
// panel — with what each answer would change.
import { useId, useMemo, useRef } from 'react'
import type { FindingState, MarkedFindings } from '@shared/differentials/match'
import { usefulQuestions } from '@shared/orientation/questions'
import { NBSP } from '@shared/text/french'
import { useKbIndex } from '../lib/useKbIndex'

const ANSWERS: readonly { value: FindingState; label: string }[] = [
  { value: 'present', label: 'Présent' },
  { value: 'absent', label: 'Absent' },
]

export function UsefulQuestions({ findings, onChange }: { findings: MarkedFindings; onChange: (findings: MarkedFindings) => void }) {
  const { kb } = useKbIndex()
  const id = useId()
  const section = useRef<HTMLElement>(null)
  const questions = useMemo(() => usefulQuestions(kb, findings), [kb, findings])
  if (questions.length === 0) return null

  const answer = (finding: string, state: FindingState) => {
    onChange({ ...findings, [finding]: state })
    // The question answered leaves the list: the focus goes to the next one, not to the page.
    window.requestAnimationFrame(() =>
      (section.current?.querySelector<HTMLElement>('input[type="radio"]') ?? section.current?.querySelector<HTMLElement>('h2'))?.focus(),
    )
  }

  return (
    <section ref={section} className="questions" aria-labelledby={`${id}-title`} data-testid="useful-questions">
      <h2 id={`${id}-title`} className="questions-title" tabIndex={-1}>
        Questions utiles
      </h2>
      <p className="muted questions-hint">
        Les signes non encore demandés dont la réponse changerait l’orientation, signes d’alerte d’abord.
      </p>
      <ul className="questions-list">
        {questions.map((q) => {
          const labelId = `${id}-${q.finding.id}`
          const hintId = `${labelId}-hint`
          return (
            <li key={q.finding.id} className="question" data-question={q.finding.id}>
              <div role="radiogroup" aria-labelledby={labelId} aria-describedby={hintId} className="question-head">
                <span id={labelId} className="question-label">
                  {q.finding.label}
                  {q.finding.redFlag && <span className="flag">Signe d’alerte</span>}
                </span>
                <span className="segmented">
                  {ANSWERS.map((a) => (
                    <label key={a.value} className={`segment segment-${a.value}`}>
                      <input
                        type="radio"
                        name={`${labelId}-answer`}
                        value={a.value}
                        checked={false}
                        onChange={() => answer(q.finding.id, a.value)}
                      />
                      <span>{a.label}</span>
                    </label>
                  ))}
                </span>
              </div>
              <p id={hintId} className="question-changes">
                {q.ifPresent.length > 0 && (
                  <span>
                    <strong>Présent{NBSP}:</strong> {q.ifPresent.join(' · ')}.
                  </span>
                )}{' '}
                {q.ifAbsent.length > 0 && (
                  <span>
                    <strong>Absent{NBSP}:</strong> {q.ifAbsent.join(' · ')}.
                  </span>
                )}
              </p>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
