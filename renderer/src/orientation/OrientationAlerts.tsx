// What the marked findings call for, in the article's words: a red-flag
// banner with its advice and referral; for a harmless-looking picture, the
// red flags still to ask before reassuring, then, once all are answered
// Absent, the benign causes with the self-care the article gives.
import { useId } from 'react'
import type { Reassurance, RedFlagAlert } from '@shared/differentials/match'
import { REFERRALS } from '@shared/kb/vocabulary'
import { withColon } from '@shared/text/french'
import { ORIENTATION_WORDING as W } from '@shared/orientation/wording'

export function RedFlagBanner({ alert }: { alert: RedFlagAlert }) {
  const id = useId()
  const title = W.redFlagsPresent(alert.findings.length)
  return (
    <section className="banner banner-alert" role="alert" aria-labelledby={`${id}-title`} data-testid="red-flag-banner">
      <h2 id={`${id}-title`} className="banner-title">
        {withColon(title)} {alert.findings.map((f) => f.label).join(', ')}
      </h2>
      <ul className="alert-advice">
        {alert.advice.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <p className="alert-referral">
        <strong>
          {withColon(W.referralAdvised)} {REFERRALS[alert.referral]}
        </strong>
      </p>
    </section>
  )
}

export function ReassuranceBox({ reassurance }: { reassurance: Reassurance }) {
  const id = useId()
  if (reassurance.status === 'pending') {
    return (
      <section className="banner banner-pending" role="status" aria-labelledby={`${id}-title`} data-testid="reassurance-pending">
        <h2 id={`${id}-title`} className="banner-title">
          {W.checkBeforeReassuring}
        </h2>
        <p className="banner-text">{withColon(W.benignButUnasked)}</p>
        <ul className="alert-advice">
          {reassurance.unasked.map((f) => (
            <li key={f.id}>{f.label}</li>
          ))}
        </ul>
      </section>
    )
  }
  return (
    <section className="banner banner-calm" role="status" aria-labelledby={`${id}-title`} data-testid="reassurance">
      <h2 id={`${id}-title`} className="banner-title">
        {withColon(W.benignCauses)} {reassurance.causes.map((c) => c.name).join(', ')}
      </h2>
      {reassurance.advice.length > 0 && (
        <ul className="alert-advice">
          {reassurance.advice.map((a) => (
            <li key={a.id}>
              <strong>{withColon(a.label)}</strong> {a.patientText}
            </li>
          ))}
        </ul>
      )}
      <p className="alert-referral">
        {withColon(W.referral)} {REFERRALS['auto-soins']}
      </p>
    </section>
  )
}

/**
 * One line that stays in sight at the top of the findings panel while the
 * clinician scrolls it (at 900 × 600 or 200 % zoom the banner is screens
 * away): the red flags present or still unknown, and how many entries concord.
 * Hidden from assistive technology: the banner (role alert) and the count
 * (role status) already say it, once.
 */
export function OrientationSummary({
  alert,
  reassurance,
  count,
}: {
  alert: RedFlagAlert | null
  reassurance: Reassurance | null
  count: string
}) {
  const state =
    alert !== null
      ? {
          tone: 'alert',
          text: `${withColon(W.redFlagsPresent(alert.findings.length))} ${alert.findings.map((f) => f.label).join(', ')} · ${withColon(W.referral)} ${REFERRALS[alert.referral]}`,
        }
      : reassurance?.status === 'pending'
        ? {
            tone: 'pending',
            text: `${withColon(W.checkBeforeReassuring)} ${reassurance.unasked.length} ${W.unknownRedFlags(reassurance.unasked.length)}`,
          }
        : null
  return (
    <div
      className={`orientation-summary${state ? ` orientation-summary-${state.tone}` : ''}`}
      aria-hidden="true"
      data-testid="orientation-summary"
    >
      {state && <span className="orientation-summary-state">{state.text}</span>}
      <span className="orientation-summary-count">{count}</span>
    </div>
  )
}
