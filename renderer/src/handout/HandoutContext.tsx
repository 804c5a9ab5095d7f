// The handout being prepared for the patient in front of the clinician,
// shared by the "Fiche patient" view, the entry detail ("Ajouter à la fiche
// patient"), the shortcuts and the menu. It follows the orientation
// (shared/handout/from-orientation.ts): what the marked findings rank, with
// their advice, or the settings' defaults when nothing is indicated; then what
// the clinician ticked by hand. The ticks, the name and the note are the
// consultation's (ConsultationContext), never saved anywhere.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import { api } from '../api'
import { useCommand } from '../lib/commands'
import { useSettings, type SaveOutcome, type SettingsState } from '../lib/useSettings'
import { selectionOf, type HandoutChoice } from '@shared/handout/selection'
import { patientHandout, type PatientHandout } from '@shared/handout/from-orientation'
import { noteProblem, type HandoutOptions, type Letterhead } from '@shared/handout/options'
import { deskReducer, type DeskAction, type PatientText } from '@shared/consultation/desk'
import type { KnowledgeOutline } from '@shared/kb/types'
import { useConsultation } from '../consultation'
import type { MenuCommand } from '@shared/ipc/contract'
import type { GivenHandout } from '@shared/orientation/record-note'
import { useKbIndex } from '../lib/useKbIndex'
import { closeDialogs } from '../lib/dialogs'
import { defaultsFor, type HandoutDefaults } from './defaults'
import { printPdf } from './printDocument'
import { HANDOUT_VIEW, type ViewId } from '@shared/app/views'

export type ActionState =
  | { status: 'idle' }
  | { status: 'busy'; action: 'print' | 'save' }
  | { status: 'saved'; path: string }
  /** `note`: the note passed its limits (the error goes once it is mended). */
  | { status: 'error'; message: string; note?: boolean }

const IDLE: ActionState = { status: 'idle' }

export interface HandoutContextValue {
  /** What is sent to main: the causes, the advice the choice gives, the name, the note, the print size. */
  options: HandoutOptions
  /** Why the note cannot go on the handout (past its limits), in French; null when it can. */
  noteTooLong: string | null
  /** The causes and what the clinician did by hand to the advice. */
  choice: HandoutChoice
  /** Where the ticks come from: the orientation, a red flag alone, or the defaults; why each cause is ticked. */
  plan: PatientHandout
  defaults: HandoutDefaults
  settings: SettingsState
  /** What the options would be after `change` (nothing is changed): a tick foreseen while it is pressed. */
  optionsAfter: (change: HandoutChange) => HandoutOptions
  /** Ticks or unticks a cause or differential (its advice follows). The detail's « Ajouter à la fiche patient » ticks it too. */
  setCause: (id: string, on: boolean) => void
  /** Ticks or unticks an advice by hand. */
  setAdvice: (id: string, on: boolean) => void
  setText: (key: PatientText, value: string) => void
  setLargePrint: (on: boolean) => void
  /** Back to what the orientation or the defaults give (the ticks by hand and the print size go); the name and the note stay. */
  resetOptions: () => void
  /** The current causes, advice and print size become the defaults (never the name or the note). */
  saveDefaults: () => Promise<SaveOutcome>
  saveLetterhead: (letterhead: Letterhead) => Promise<SaveOutcome>
  /** Changes when the letterhead is saved: the preview is drawn again. */
  letterheadRevision: number
  action: ActionState
  print: () => void
  save: () => void
  /** Shows the Fiche patient view and moves the focus to its heading. */
  open: () => void
  /** Changes each time `open` asks for the focus. */
  focusRequest: number
  /** The Fiche patient view is the one shown. */
  active: boolean
  /** The handout printed or saved last for this patient, for the record note; null before any. */
  given: GivenHandout | null
}

/** What a tick box of the form changes. */
export type HandoutChange = Extract<DeskAction, { type: 'edit' | 'large-print' }>

/** What is sent to main for this plan and this patient. */
function optionsOf(
  kb: KnowledgeOutline,
  plan: PatientHandout,
  patient: Pick<HandoutOptions, 'patientName' | 'note' | 'largePrint'>,
): HandoutOptions {
  return { ...selectionOf(kb, plan.choice), ...patient, alerts: plan.alerts }
}

const HandoutContext = createContext<HandoutContextValue | null>(null)

export function useHandout(): HandoutContextValue {
  const value = useContext(HandoutContext)
  if (!value) throw new Error('useHandout outside HandoutProvider')
  return value
}

const HANDOUT_COMMANDS: readonly MenuCommand[] = ['print-handout', 'save-handout']

const PRINT_FAILED = 'L’impression a échoué. Vous pouvez enregistrer la fiche en PDF puis l’imprimer.'

export interface HandoutProviderProps {
  /** The view shown now. */
  view: ViewId
  /** Shows the handout view. */
  onOpen: () => void
  children: ReactNode
}

export function HandoutProvider({ view, onOpen, children }: HandoutProviderProps) {
  const { kb } = useKbIndex()
  const { state: settings, update: updateSettings } = useSettings()
  const saved = settings.status === 'ready' ? settings.settings.handoutDefaults : null
  const defaults = useMemo(() => defaultsFor(kb, saved), [kb, saved])
  const { consultation, dispatch } = useConsultation()
  const { findings, edits, patientName, note } = consultation
  const plan = useMemo(() => patientHandout(kb, findings, defaults.choice, edits), [kb, findings, defaults, edits])
  const largePrint = consultation.largePrint ?? defaults.largePrint
  const options = useMemo<HandoutOptions>(
    () => optionsOf(kb, plan, { patientName, note, largePrint }),
    [kb, plan, patientName, note, largePrint],
  )
  const optionsAfter = useCallback(
    (change: HandoutChange) => {
      const next = deskReducer({ current: consultation, previous: null, issued: consultation.id }, change).current
      const nextPlan = patientHandout(kb, next.findings, defaults.choice, next.edits)
      return optionsOf(kb, nextPlan, { patientName: next.patientName, note: next.note, largePrint: next.largePrint ?? defaults.largePrint })
    },
    [kb, consultation, defaults],
  )
  const latest = useRef(options)
  latest.current = options
  /** Why the note cannot go on the handout as typed, in French; null when it can. The form, the preview and printing read it. */
  const noteTooLong = useMemo(() => noteProblem(note), [note])
  const noteNow = useRef(noteTooLong)
  noteNow.current = noteTooLong
  const consultationId = useRef(consultation.id)
  consultationId.current = consultation.id

  const setCause = useCallback((id: string, on: boolean) => dispatch({ type: 'edit', edit: { kind: 'cause', id, on } }), [dispatch])
  const setAdvice = useCallback((id: string, on: boolean) => dispatch({ type: 'edit', edit: { kind: 'advice', id, on } }), [dispatch])
  const setLargePrint = useCallback((on: boolean) => dispatch({ type: 'large-print', on }), [dispatch])
  const setText = useCallback((key: PatientText, value: string) => dispatch({ type: 'text', key, value }), [dispatch])
  const resetOptions = useCallback(() => dispatch({ type: 'reset-handout' }), [dispatch])

  const saveDefaults = useCallback(async () => {
    const { causes, advice, largePrint } = latest.current
    return updateSettings((s) => ({ ...s, handoutDefaults: { largePrint, causes, advice } }))
  }, [updateSettings])

  const [letterheadRevision, setLetterheadRevision] = useState(0)
  const saveLetterhead = useCallback(
    async (letterhead: Letterhead) => {
      const outcome = await updateSettings((s) => ({ ...s, letterhead }))
      if (outcome === null) setLetterheadRevision((n) => n + 1)
      return outcome
    },
    [updateSettings],
  )

  // What the last print or save did, for the consultation it was asked in: the next patient starts idle.
  const [lastAction, setLastAction] = useState<{ consultation: number; state: ActionState }>({ consultation: 0, state: IDLE })
  const noteMended = lastAction.state.status === 'error' && lastAction.state.note === true && noteTooLong === null
  const action = lastAction.consultation === consultation.id && !noteMended ? lastAction.state : IDLE
  const busy = useRef(false)
  const run = useCallback(
    async (kind: 'print' | 'save') => {
      if (busy.current) return
      const asked = consultationId.current
      const setAction = (state: ActionState) => setLastAction({ consultation: asked, state })
      const setGiven = (given: GivenHandout) => dispatch({ type: 'given', consultation: asked, given })
      // A note past its limits: said in French here, before main would refuse the call; gone once the note is mended.
      const tooLong = noteNow.current
      if (tooLong) {
        setAction({ status: 'error', message: tooLong, note: true })
        return
      }
      // The handout as it is now, whatever is ticked while it prints; the record note names the
      // headings main hands back with it (never its name or note).
      const printed = latest.current
      busy.current = true
      setAction({ status: 'busy', action: kind })
      try {
        if (kind === 'print') {
          const result = await api.renderHandout(printed, 'print')
          if (!result.ok) setAction({ status: 'error', message: result.error.message })
          else if (result.value.status === 'rendered') {
            try {
              await printPdf(result.value.pdf, 'Fiche patient')
              setAction({ status: 'idle' })
              setGiven({ action: 'imprimée', sections: result.value.sections })
            } catch {
              setAction({ status: 'error', message: PRINT_FAILED })
            }
          }
        } else {
          const result = await api.saveHandout(printed)
          if (!result.ok) setAction({ status: 'error', message: result.error.message })
          else setAction(result.value.status === 'saved' ? { status: 'saved', path: result.value.path } : { status: 'idle' })
          if (result.ok && result.value.status === 'saved') setGiven({ action: 'enregistrée', sections: result.value.sections })
        }
      } finally {
        busy.current = false
      }
    },
    [dispatch],
  )
  const print = useCallback(() => void run('print'), [run])
  const save = useCallback(() => void run('save'), [run])

  const [focusRequest, setFocusRequest] = useState(0)
  const open = useCallback(() => {
    onOpen()
    setFocusRequest((n) => n + 1)
  }, [onOpen])

  // Ctrl/Cmd+P and Ctrl/Cmd+Shift+S, and the same commands from the menu: in
  // the Fiche patient view they print or save; elsewhere they open the view
  // first, so that nothing is printed unseen. An open dialog (an entry's
  // detail, the shortcuts) is closed first: the shortcut always acts.
  const viewNow = useRef(view)
  viewNow.current = view
  const command = useCallback(
    (c: MenuCommand) => {
      closeDialogs()
      if (viewNow.current !== HANDOUT_VIEW) open()
      else void run(c === 'print-handout' ? 'print' : 'save')
    },
    [open, run],
  )
  useCommand(HANDOUT_COMMANDS, command)

  const value = useMemo<HandoutContextValue>(
    () => ({
      options,
      noteTooLong,
      choice: plan.choice,
      plan,
      defaults,
      settings,
      optionsAfter,
      setCause,
      setAdvice,
      setText,
      setLargePrint,
      resetOptions,
      saveDefaults,
      saveLetterhead,
      letterheadRevision,
      action,
      print,
      save,
      open,
      focusRequest,
      active: view === HANDOUT_VIEW,
      given: consultation.given,
    }),
    [
      options,
      noteTooLong,
      plan,
      defaults,
      settings,
      optionsAfter,
      setCause,
      setAdvice,
      setText,
      setLargePrint,
      resetOptions,
      saveDefaults,
      saveLetterhead,
      letterheadRevision,
      action,
      print,
      save,
      open,
      focusRequest,
      view,
      consultation.given,
    ],
  )
  return <HandoutContext value={value}>{children}</HandoutContext>
}
