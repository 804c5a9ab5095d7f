// The preview's PDF: the real handout, made by main from the current options
// (renderHandout), asked again at once after a tick, 100 ms after the last key
// typed in the name or the note. An answer that
// arrives after a newer request is dropped (main drops a superseded preview
// too); a failure keeps the last good PDF and says why in French. A note past
// its limits is not sent: the preview says it is not current (the form says why).
import { useEffect, useRef, useState } from 'react'
import { api } from '../api'
import type { HandoutOptions } from '@shared/handout/options'

/**
 * Quiet time before a preview is asked for after a key in the name or the
 * note: enough to coalesce a burst of keys. A tick (a cause, an advice, large
 * print) is one change, asked for at once: measured in the bench, the 100 ms
 * put a tick's preview at ~320 ms (p50) instead of ~220 ms, over its 250 ms goal.
 */
const TYPING_DELAY_MS = 100

export interface PreviewState {
  /** The last PDF drawn from the options; null before the first one. */
  pdf: Uint8Array | null
  /** French, when the last request failed. */
  error: string | null
  /** A request is waiting or running. */
  pending: boolean
  /** Characters of the last PDF that the handout's font cannot draw (printed as « \ufffd »). */
  unprintable: string[]
  /** The note passes its limits: the PDF shown is not the current options' (the form says why). */
  stale: boolean
}

/**
 * @param noteTooLong the note passes its limits (the context says why): no PDF is asked for
 * @param active only while the view is shown (no PDF is made for a hidden view)
 * @param revision changes when something main reads on its side changed (the saved letterhead)
 */
export function usePreview(options: HandoutOptions, noteTooLong: boolean, revision: number, active: boolean): PreviewState {
  const [state, setState] = useState<PreviewState>({ pdf: null, error: null, pending: false, unprintable: [], stale: false })
  const sequence = useRef(0)
  // One key for "the same handout": the options' values, not their identity.
  const key = JSON.stringify([
    options.causes,
    options.advice,
    options.alerts,
    options.patientName,
    options.note,
    options.largePrint,
    revision,
  ])
  const latest = useRef(options)
  latest.current = options
  /** The name and note of the last preview asked for: a change elsewhere is a tick. */
  const askedText = useRef<string | null>(null)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the options' values; the effect reads them through `latest`
  useEffect(() => {
    if (!active) return
    const ticket = ++sequence.current
    if (noteTooLong) {
      setState((s) => ({ ...s, error: null, pending: false, stale: true }))
      return
    }
    setState((s) => (s.pending ? s : { ...s, pending: true }))
    const text = JSON.stringify([latest.current.patientName, latest.current.note])
    const typing = askedText.current !== null && askedText.current !== text
    const ask = () => {
      askedText.current = text
      api.renderHandout(latest.current, 'preview').then((result) => {
        if (ticket !== sequence.current) return
        if (!result.ok) setState((s) => ({ ...s, error: result.error.message, pending: false }))
        else if (result.value.status === 'rendered') {
          const { pdf, unprintable } = result.value
          setState((s) => ({
            pdf,
            unprintable: sameList(s.unprintable, unprintable) ? s.unprintable : unprintable,
            error: null,
            pending: false,
            stale: false,
          }))
        }
      })
    }
    // A tick is asked for at once, not a task later: that task waited behind the frame
    // that draws the tick.
    if (!typing) {
      ask()
      return
    }
    const timer = window.setTimeout(ask, TYPING_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [key, active, noteTooLong])

  return state
}

/** The same characters: the form's notice about them then stays as it is, not drawn again. */
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i])
