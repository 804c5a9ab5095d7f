// The "Fiche patient" view: what the handout explains (causes, differentials,
// advice), for whom (a name and a note that are never saved), its print size,
// the clinic's letterhead; a live preview of the very PDF main makes, and
// "Imprimer" / "Enregistrer en PDF…".
import { useKbIndex } from '../lib/useKbIndex'
import { memo, useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'
import {
  LETTERHEAD_LIMITS,
  NOTE_LINES_MAX,
  NOTE_MAX,
  PATIENT_NAME_MAX,
  letterheadProblem,
  lineCount,
  unprintableMessage,
  type Letterhead,
} from '@shared/handout/options'
import { adviceReasons, type HandoutChoice } from '@shared/handout/selection'
import { editOf, type PatientHandout } from '@shared/handout/from-orientation'
import { unprintableChars } from '@shared/handout/printable'
import { REFERRALS } from '@shared/kb/vocabulary'
import { useConsultation } from '../consultation'
import type { ConditionSummary } from '@shared/kb/types'
import type { KbIndex } from '../lib/kbIndex'
import { NBSP, guillemets } from '@shared/text/french'
import { HANDOUT_SECTIONS } from '@shared/kb/vocabulary'
import { useHandout, type HandoutChange } from './HandoutContext'
import type { SaveOutcome } from '../lib/useSettings'
import { PdfPreview } from './PdfPreview'
import { usePreview } from './usePreview'
import { MODIFIER } from '../lib/platform'
import './handout.css'

const numberFormat = new Intl.NumberFormat('fr-FR')
const number = (n: number): string => numberFormat.format(n)

const names = (index: KbIndex, ids: readonly string[]): string => {
  const list = ids.map((cid) => index.conditions.get(cid)?.name).filter((n) => n !== undefined)
  return list.length > 3 ? `${list.slice(0, 3).join(', ')}…` : list.join(', ')
}

/** Why an advice is on the handout, or why not: the form says it next to each box. */
function adviceReason(index: KbIndex, choice: HandoutChoice, adviceId: string, on: boolean): string {
  const reasons = adviceReasons(index.kb, choice, adviceId)
  if (on && reasons.causes.length > 0) return `apporté par${NBSP}: ${names(index, reasons.causes)}`
  if (on) return 'ajouté à la main'
  if (reasons.causes.length > 0) return `retiré à la main (apporté par${NBSP}: ${names(index, reasons.causes)})`
  const appliesTo = index.kb.advice.find((a) => a.id === adviceId)?.appliesTo ?? []
  return appliesTo.length > 0 ? `pour${NBSP}: ${names(index, appliesTo)}` : 'conseil général'
}

/** Why a cause's box is as it is: from the orientation, the defaults, or the clinician's hand. */
function causeReason(plan: PatientHandout, edited: boolean | undefined, id: string, on: boolean): string {
  if (on) {
    const reason = plan.reasons.get(id)
    return reason === 'main' ? 'coché à la main' : reason === 'orientation' ? 'd’après l’orientation' : 'par défaut'
  }
  return edited === false ? 'décoché à la main' : ''
}

/** Where the ticks start from, and how the handout opens: said once above the causes. */
function PlanSummary({ plan, index }: { plan: PatientHandout; index: KbIndex }) {
  const alerts = plan.alerts.map((id) => index.findings.get(id)?.label).filter((l) => l !== undefined)
  return (
    <div className={plan.alerts.length > 0 ? 'banner banner-alert' : 'field-hint'} data-testid="handout-plan">
      {plan.alerts.length > 0 && (
        <p>
          <strong>Signe d’alerte présent</strong>
          {NBSP}: {alerts.join(', ')}. La fiche s’ouvre sur la consultation d’un médecin
          {plan.referral === 'neurologue' ? ` et l’orientation vers un ${REFERRALS.neurologue.toLowerCase()}` : ''}, jamais sur «{NBSP}sans
          gravité{NBSP}».
        </p>
      )}
      <p>
        {plan.basis === 'orientation'
          ? 'Causes cochées d’après l’orientation (graves et probables), avec leurs conseils.'
          : plan.basis === 'alerte'
            ? 'Aucune cause n’est cochée d’office : l’orientation n’en classe aucune pour ces signes.'
            : 'Aucun signe marqué dans l’orientation : la fiche par défaut.'}{' '}
        Chaque case reste à votre main.
      </p>
    </div>
  )
}

/**
 * A tick box's press: the primary button or Space going down on it, which
 * ticks it when released. Its preview is asked for then (usePreview).
 */
function pressing(foresee: (change: HandoutChange) => void, change: HandoutChange) {
  return {
    onPointerDown: (e: PointerEvent) => {
      if (e.button === 0) foresee(change)
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === ' ' && !e.repeat) foresee(change)
    },
  }
}

/** The conditions grouped as a clinician thinks of them: common and harmless, to evaluate, differentials. */
function conditionGroups(index: KbIndex): { label: string; entries: ConditionSummary[] }[] {
  return [
    { label: 'Causes fréquentes, généralement bénignes', entries: index.kb.causes.filter((c) => c.seriousness === 'benin') },
    { label: 'Autres causes, à évaluer', entries: index.kb.causes.filter((c) => c.seriousness !== 'benin') },
    { label: 'Diagnostics différentiels', entries: index.kb.differentials },
  ].filter((g) => g.entries.length > 0)
}

export function HandoutView() {
  const handout = useHandout()
  const { options, action, noteTooLong } = handout
  const preview = usePreview(options, noteTooLong !== null, handout.letterheadRevision, handout.active)
  // Stable, so that the form is not drawn again when the preview's state changes.
  const foreseeIn = useRef({ foresee: preview.foresee, optionsAfter: handout.optionsAfter })
  foreseeIn.current = { foresee: preview.foresee, optionsAfter: handout.optionsAfter }
  const foresee = useCallback((change: HandoutChange) => foreseeIn.current.foresee(foreseeIn.current.optionsAfter(change)), [])
  // The last PDF the preview settled on, and whether its pages could be drawn: « à jour » only once the current one is.
  const [shown, setShown] = useState<{ pdf: Uint8Array; drawn: boolean } | null>(null)
  const onSettled = useCallback((pdf: Uint8Array, drawn: boolean) => setShown({ pdf, drawn }), [])
  const busy = action.status === 'busy'

  return (
    <div className="handout">
      <HandoutForm unprintable={preview.unprintable} foresee={foresee} />
      <div className="handout-side">
        {/* The actions and what they say: beside the preview, or at narrow widths a bar that stays in sight (handout.css). */}
        <div className="handout-bar">
          <div className="handout-actions">
            <button type="button" className="button button-primary" onClick={handout.print} disabled={busy}>
              Imprimer
            </button>
            <button type="button" className="button" onClick={handout.save} disabled={busy}>
              Enregistrer en PDF…
            </button>
            <span className="handout-keys muted">
              <kbd>{MODIFIER.label}</kbd>+<kbd>P</kbd> imprime
            </span>
          </div>
          <ActionMessage />
          <p className="preview-status muted" role="status">
            {preview.stale
              ? 'Aperçu non mis à jour\u00a0: la note dépasse ses limites.'
              : preview.error
                ? 'Aperçu non mis à jour.'
                : preview.pending || (preview.pdf !== null && shown?.pdf !== preview.pdf)
                  ? 'Mise à jour de l’aperçu…'
                  : shown?.drawn
                    ? 'Aperçu à jour.'
                    : ''}
          </p>
          {preview.error && (
            <p className="banner banner-error" role="alert">
              {preview.error}
            </p>
          )}
        </div>
        <PdfPreview pdf={preview.pdf} upcoming={preview.upcoming} label="Aperçu de la fiche patient" onSettled={onSettled} />
      </div>
    </div>
  )
}

/**
 * The form: drawn again when what it shows changes (a tick, a key), not when
 * the preview's state does (a PDF asked for, arrived, drawn).
 */
const HandoutForm = memo(function HandoutForm({
  unprintable,
  foresee,
}: {
  unprintable: readonly string[]
  foresee: (change: HandoutChange) => void
}) {
  const index = useKbIndex()
  const handout = useHandout()
  const { options, settings, noteTooLong } = handout
  const heading = useRef<HTMLHeadingElement>(null)
  const id = useId()
  const { consultation } = useConsultation()

  useEffect(() => {
    if (handout.focusRequest > 0) heading.current?.focus()
  }, [handout.focusRequest])

  return (
    <div className="handout-form">
      <div className="handout-intro">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          Fiche patient
        </h2>
        <p className="muted">
          Cochez ce que la fiche explique à votre patient. Les signes d’alerte ({guillemets(HANDOUT_SECTIONS['quand-consulter'])}) y
          figurent toujours.
        </p>
      </div>

      {settings.status === 'ready' && settings.notice && (
        <p className="banner" role="status" data-testid="settings-notice">
          {settings.notice}
        </p>
      )}
      {settings.status === 'error' && (
        <p className="banner banner-error" role="alert">
          Les réglages n’ont pas pu être lus{NBSP}: {settings.message}
        </p>
      )}

      <fieldset className="handout-group">
        <legend>Pour le patient</legend>
        <label className="field">
          <span className="field-label">Nom du patient (facultatif)</span>
          <input
            type="text"
            value={options.patientName}
            maxLength={PATIENT_NAME_MAX}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-private`}
            onChange={(e) => handout.setText('patientName', e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Note du soignant (facultatif)</span>
          <textarea
            value={options.note}
            rows={4}
            aria-invalid={noteTooLong !== null}
            autoComplete="off"
            aria-describedby={`${id}-count ${id}-private`}
            onChange={(e) => handout.setText('note', e.target.value)}
          />
        </label>
        <p className="field-hint" id={`${id}-count`}>
          {number(options.note.length)} / {number(NOTE_MAX)} caractères · {number(lineCount(options.note))} / {number(NOTE_LINES_MAX)}{' '}
          lignes
        </p>
        {noteTooLong && (
          <p className="banner banner-error" role="alert" data-testid="note-problem">
            {noteTooLong}
          </p>
        )}
        {unprintable.length > 0 && (
          <p className="banner" role="status" data-testid="unprintable">
            {unprintableMessage(unprintable)}
          </p>
        )}
        <p className="field-hint" id={`${id}-private`}>
          Le nom et la note ne sont enregistrés nulle part{NBSP}: ils ne figurent que sur la fiche imprimée ou enregistrée.
        </p>
        <label className="check" {...pressing(foresee, { type: 'large-print', on: !options.largePrint })}>
          <input type="checkbox" checked={options.largePrint} onChange={(e) => handout.setLargePrint(e.target.checked)} />
          <span>Gros caractères (14{NBSP}pt)</span>
        </label>
      </fieldset>

      <fieldset className="handout-group">
        <legend>Causes à expliquer</legend>
        <PlanSummary plan={handout.plan} index={index} />
        {conditionGroups(index).map((group) => (
          <fieldset key={group.label} className="handout-subgroup">
            <legend>{group.label}</legend>
            {group.entries.map((c) => {
              const on = options.causes.includes(c.id)
              const reason = causeReason(handout.plan, editOf(consultation.edits, 'cause', c.id)?.on, c.id, on)
              const hintId = `${id}-cause-${c.id}`
              return (
                <label
                  key={c.id}
                  className="check"
                  data-cause={c.id}
                  {...pressing(foresee, { type: 'edit', edit: { kind: 'cause', id: c.id, on: !on } })}
                >
                  <input
                    type="checkbox"
                    checked={on}
                    aria-describedby={reason ? hintId : undefined}
                    onChange={(e) => handout.setCause(c.id, e.target.checked)}
                  />
                  <span>
                    {c.name}
                    {reason && (
                      <span className="check-hint" id={hintId} data-testid="cause-reason">
                        {' '}
                        — {reason}
                      </span>
                    )}
                  </span>
                </label>
              )
            })}
          </fieldset>
        ))}
      </fieldset>

      <fieldset className="handout-group">
        <legend>Conseils à donner</legend>
        <p className="field-hint">Chaque cause cochée apporte ses conseils. Un conseil coché ou décoché à la main le reste.</p>
        {index.kb.advice.map((a) => {
          const on = options.advice.includes(a.id)
          const hintId = `${id}-advice-${a.id}`
          return (
            <label
              key={a.id}
              className="check"
              data-advice={a.id}
              {...pressing(foresee, { type: 'edit', edit: { kind: 'advice', id: a.id, on: !on } })}
            >
              <input type="checkbox" checked={on} aria-describedby={hintId} onChange={(e) => handout.setAdvice(a.id, e.target.checked)} />
              <span>
                {a.label}
                <span className="check-hint" id={hintId} data-testid="advice-reason">
                  {' '}
                  — {adviceReason(index, handout.choice, a.id, on)}
                </span>
              </span>
            </label>
          )
        })}
      </fieldset>

      <DefaultsActions />
      <LetterheadForm />
    </div>
  )
})

function ActionMessage() {
  const { action } = useHandout()
  let content: ReactNode = null
  if (action.status === 'busy') content = action.action === 'print' ? 'Préparation de l’impression…' : 'Enregistrement…'
  if (action.status === 'saved') content = `Fiche enregistrée${NBSP}: ${action.path}`
  if (action.status === 'error') {
    return (
      <p className="banner banner-error" role="alert">
        {action.message}
      </p>
    )
  }
  return (
    <p className="action-status" role="status" data-testid="handout-action">
      {content}
    </p>
  )
}

/** Saved or failed, said next to the button that did it. */
function Outcome({ outcome, saved }: { outcome: SaveOutcome | undefined; saved: string }) {
  if (outcome === undefined) return <span role="status" />
  if (outcome === null)
    return (
      <span role="status" className="outcome-ok">
        {saved}
      </span>
    )
  return (
    <span role="alert" className="outcome-error">
      {outcome}
    </span>
  )
}

function DefaultsActions() {
  const { resetOptions, saveDefaults } = useHandout()
  const [outcome, setOutcome] = useState<SaveOutcome | undefined>(undefined)
  return (
    <div className="handout-defaults">
      <button
        type="button"
        className="button"
        onClick={() => {
          resetOptions()
          setOutcome(undefined)
        }}
      >
        Rétablir les options par défaut
      </button>
      <button type="button" className="button button-quiet" onClick={() => void saveDefaults().then(setOutcome)}>
        Enregistrer ces choix par défaut
      </button>
      <Outcome outcome={outcome} saved="Choix par défaut enregistrés (sans le nom ni la note)." />
    </div>
  )
}

function LetterheadForm() {
  const { settings, saveLetterhead } = useHandout()
  const id = useId()
  const saved: Letterhead = settings.status === 'ready' ? settings.settings.letterhead : { name: '', address: '', phone: '' }
  const [draft, setDraft] = useState<Letterhead | null>(null)
  const [outcome, setOutcome] = useState<SaveOutcome | undefined>(undefined)
  const [saving, setSaving] = useState(false)
  const value = draft ?? saved
  // Checked as typed, nothing cut: a pasted address past its bounds is said, not silently shortened.
  const tooLong = letterheadProblem(value)
  // A character the handout cannot print would make every handout refuse to print: refused here, beside its field.
  const unprintable = {
    name: unprintableChars(value.name),
    address: unprintableChars(value.address),
    phone: unprintableChars(value.phone),
  }
  const printable = Object.values(unprintable).every((chars) => chars.length === 0)
  const fieldError = (key: keyof Letterhead) =>
    unprintable[key].length > 0 ? (
      <p className="field-error" role="alert" id={`${id}-${key}-error`} data-testid={`letterhead-unprintable-${key}`}>
        {unprintableMessage(unprintable[key])}
      </p>
    ) : null
  const describedBy = (key: keyof Letterhead, hint?: string) =>
    [hint, unprintable[key].length > 0 ? `${id}-${key}-error` : undefined].filter(Boolean).join(' ') || undefined
  const edit = (key: keyof Letterhead, text: string) => {
    setDraft({ ...value, [key]: text })
    setOutcome(undefined)
  }
  return (
    <form
      className="handout-group letterhead"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault()
        setSaving(true)
        void saveLetterhead(value).then((result) => {
          setSaving(false)
          setOutcome(result)
          if (result === null) setDraft(null)
        })
      }}
    >
      <h3 id={`${id}-title`} className="letterhead-title">
        En-tête du cabinet
      </h3>
      <p className="field-hint" id={`${id}-limits`}>
        Imprimé en haut de chaque fiche. Enregistré sur cet ordinateur. Au plus {LETTERHEAD_LIMITS.name}
        {NBSP}caractères pour le nom, {LETTERHEAD_LIMITS.addressLines}
        {NBSP}lignes pour l’adresse{NBSP}: la fiche commence toujours les signes d’alerte sur sa première page.
      </p>
      <label className="field">
        <span className="field-label">Nom du cabinet</span>
        <input
          type="text"
          value={value.name}
          aria-invalid={unprintable.name.length > 0}
          aria-describedby={describedBy('name', `${id}-limits`)}
          onChange={(e) => edit('name', e.target.value)}
        />
      </label>
      {fieldError('name')}
      <label className="field">
        <span className="field-label">Adresse</span>
        <textarea
          value={value.address}
          rows={2}
          aria-invalid={unprintable.address.length > 0}
          aria-describedby={describedBy('address', `${id}-limits`)}
          onChange={(e) => edit('address', e.target.value)}
        />
      </label>
      {fieldError('address')}
      <label className="field">
        <span className="field-label">Téléphone</span>
        <input
          type="text"
          value={value.phone}
          aria-invalid={unprintable.phone.length > 0}
          aria-describedby={describedBy('phone')}
          onChange={(e) => edit('phone', e.target.value)}
        />
      </label>
      {fieldError('phone')}
      {tooLong && (
        <p className="banner banner-error" role="alert" data-testid="letterhead-problem">
          {tooLong}
        </p>
      )}
      <div className="handout-defaults">
        <button type="submit" className="button" disabled={saving || settings.status === 'loading' || tooLong !== null || !printable}>
          Enregistrer l’en-tête
        </button>
        <Outcome outcome={outcome} saved="En-tête enregistré." />
      </div>
    </form>
  )
}
