// The handout being prepared, shared by the "Fiche patient" view, the entry
// detail ("Ajouter à la fiche patient"), the shortcuts and the menu. Until the
// clinician changes something, the options are the defaults of the settings
// (or the standard handout). The patient's name and the note live here, in
// React state only: never in the settings, the URL hash, localStorage or a log.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { api, events } from '../api'
import { useSettings, type SaveOutcome, type SettingsState } from '../hooks/useSettings'
import { selectionOf, withAdvice, withCause, type HandoutChoice } from '../../../shared/handout/selection'
import { composeHandout } from '../../../shared/handout/compose'
import { noteProblem, type HandoutOptions, type Letterhead } from '../../../shared/handout/options'
import type { MenuCommand } from '../../../shared/ipc/contract'
import type { GivenHandout } from '../../../shared/orientation/record-note'
import { useKbIndex } from '../hooks/useKbIndex'
import { closeDialogs } from '../lib/dialogs'
import { defaultsFor, type HandoutDefaults } from './defaults'
import { printPdf } from './printDocument'
import { HANDOUT_VIEW, type ViewId } from '../../../shared/app/views'

/** The handout being prepared: the choice follows the one rule of selection.ts. */
interface Draft {
  choice: HandoutChoice
  patientName: string
  note: string
  largePrint: boolean
}

export type HandoutText = 'patientName' | 'note'

export type ActionState =
  | { status: 'idle' }
  | { status: 'busy'; action: 'print' | 'save' }
  | { status: 'saved'; path: string }
  | { status: 'error'; message: string }

export interface HandoutContextValue {
  /** What is sent to main: the causes, the advice the choice gives, the name, the note, the print size. */
  options: HandoutOptions
  /** The causes and what the clinician did by hand to the advice. */
  choice: HandoutChoice
  defaults: HandoutDefaults
  settings: SettingsState
  /** Ticks or unticks a cause or differential (its advice follows). The detail's « Ajouter à la fiche patient » ticks it too. */
  setCause: (id: string, on: boolean) => void
  /** Ticks or unticks an advice by hand. */
  setAdvice: (id: string, on: boolean) => void
  setText: (key: HandoutText, value: string) => void
  setLargePrint: (on: boolean) => void
  /** Back to the defaults; the patient's name and the note stay. */
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
  /** The handout printed or saved last in this session, for the record note; null before any. */
  given: GivenHandout | null
}

const HandoutContext = createContext<HandoutContextValue | null>(null)

export function useHandout(): HandoutContextValue {
  const value = useContext(HandoutContext)
  if (!value) throw new Error('useHandout outside HandoutProvider')
  return value
}

const UNEXPECTED = 'Mollet n’a pas pu joindre son processus principal. Réessayez.'
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
  /** Null until the clinician changes something: the handout follows the defaults. */
  const [edited, setEdited] = useState<Draft | null>(null)
  const draft = useMemo<Draft>(() => edited ?? { ...defaults, patientName: '', note: '' }, [edited, defaults])
  const options = useMemo<HandoutOptions>(
    () => ({ ...selectionOf(kb, draft.choice), patientName: draft.patientName, note: draft.note, largePrint: draft.largePrint }),
    [kb, draft],
  )
  const latest = useRef(options)
  latest.current = options

  const fromDefaults = useRef(draft)
  fromDefaults.current = { ...defaults, patientName: '', note: '' }
  const edit = useCallback((update: (d: Draft) => Draft) => {
    setEdited((previous) => update(previous ?? fromDefaults.current))
  }, [])
  const setCause = useCallback((id: string, on: boolean) => edit((d) => ({ ...d, choice: withCause(kb, d.choice, id, on) })), [kb, edit])
  const setAdvice = useCallback((id: string, on: boolean) => edit((d) => ({ ...d, choice: withAdvice(kb, d.choice, id, on) })), [kb, edit])
  const setText = useCallback((key: HandoutText, value: string) => edit((d) => ({ ...d, [key]: value })), [edit])
  const setLargePrint = useCallback((on: boolean) => edit((d) => ({ ...d, largePrint: on })), [edit])

  const resetOptions = useCallback(
    () => edit((d) => ({ ...d, choice: defaults.choice, largePrint: defaults.largePrint })),
    [defaults, edit],
  )

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

  const [action, setAction] = useState<ActionState>({ status: 'idle' })
  const [given, setGiven] = useState<GivenHandout | null>(null)
  const busy = useRef(false)
  const run = useCallback(
    async (kind: 'print' | 'save') => {
      if (busy.current) return
      // A note past its limits: said in French here, before main would refuse the call.
      const tooLong = noteProblem(latest.current.note)
      if (tooLong) {
        setAction({ status: 'error', message: tooLong })
        return
      }
      // The handout as it is now: what the record note will name, whatever is ticked while it prints.
      // Its section headings, never its name or note (the record note copies them).
      const printed = latest.current
      const headings = () => composeHandout(kb, printed, { name: '', address: '', phone: '' }, new Date()).sections.map((s) => s.heading)
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
              setGiven({ action: 'imprimée', sections: headings() })
            } catch {
              setAction({ status: 'error', message: PRINT_FAILED })
            }
          }
        } else {
          const result = await api.saveHandout(printed)
          if (!result.ok) setAction({ status: 'error', message: result.error.message })
          else setAction(result.value.status === 'saved' ? { status: 'saved', path: result.value.path } : { status: 'idle' })
          if (result.ok && result.value.status === 'saved') setGiven({ action: 'enregistrée', sections: headings() })
        }
      } catch {
        setAction({ status: 'error', message: UNEXPECTED })
      } finally {
        busy.current = false
      }
    },
    [kb],
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
      if (c !== 'print-handout' && c !== 'save-handout') return
      closeDialogs()
      if (viewNow.current !== HANDOUT_VIEW) open()
      else void run(c === 'print-handout' ? 'print' : 'save')
    },
    [open, run],
  )
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return
      const key = event.key.toLowerCase()
      const c: MenuCommand | null = key === 'p' && !event.shiftKey ? 'print-handout' : key === 's' && event.shiftKey ? 'save-handout' : null
      if (!c) return
      // Never the browser's own printing of the app page (nor, in Electron, the menu a second time).
      event.preventDefault()
      command(c)
    }
    document.addEventListener('keydown', onKeyDown)
    const stop = events.onMenuCommand(command)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      stop()
    }
  }, [command])

  const value = useMemo<HandoutContextValue>(
    () => ({
      options,
      choice: draft.choice,
      defaults,
      settings,
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
      given,
    }),
    [
      options,
      draft.choice,
      defaults,
      settings,
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
      given,
    ],
  )
  return <HandoutContext value={value}>{children}</HandoutContext>
}
