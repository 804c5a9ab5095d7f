// The preview's PDF: the real handout, made by main from the current options
// (renderHandout), asked again at once after a tick, 100 ms after the last key
// typed in the name or the note. A tick is foreseen while it is pressed: the
// button or Space goes down 90–140 ms before the release that ticks the box, and
// main makes the PDF of the options the tick will give meanwhile; the tick then
// takes that answer instead of asking. An answer that
// arrives after a newer request is dropped (main drops a superseded preview
// too); a failure keeps the last good PDF and says why in French. A note past
// its limits is not sent: the preview says it is not current (the form says why).
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../api'
import type { IpcResult, RenderedHandoutResult } from '@shared/ipc/contract'
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

type Answer = Promise<IpcResult<RenderedHandoutResult>>

/** One key for "the same handout": the options' values, not their identity. */
const keyOf = (options: HandoutOptions, revision: number): string =>
  JSON.stringify([options.causes, options.advice, options.alerts, options.patientName, options.note, options.largePrint, revision])

export interface Preview extends PreviewState {
  /**
   * The PDF of the tick being pressed, once made and before the release: the
   * preview draws it out of sight, ready to show if the release gives it.
   */
  upcoming: Uint8Array | null
  /**
   * A tick is being pressed: `next` is what the options will be once it is
   * released. Its PDF is asked for now, and taken if the next options are those.
   */
  foresee: (next: HandoutOptions) => void
}

/**
 * @param noteTooLong the note passes its limits (the context says why): no PDF is asked for
 * @param active only while the view is shown (no PDF is made for a hidden view)
 * @param revision changes when something main reads on its side changed (the saved letterhead)
 */
export function usePreview(options: HandoutOptions, noteTooLong: boolean, revision: number, active: boolean): Preview {
  const [state, setState] = useState<PreviewState>({ pdf: null, error: null, pending: false, unprintable: [], stale: false })
  const [upcoming, setUpcoming] = useState<Uint8Array | null>(null)
  const sequence = useRef(0)
  const key = keyOf(options, revision)
  const latest = useRef(options)
  latest.current = options
  /** The name and note of the last preview asked for: a change elsewhere is a tick. */
  const askedText = useRef<string | null>(null)
  /** The PDF of the tick being pressed, asked for ahead; only the next change may take it. */
  const foreseen = useRef<{ key: string; answer: Answer } | null>(null)
  const now = useRef({ key, revision, active, noteTooLong })
  now.current = { key, revision, active, noteTooLong }

  // `key` stands for the options' values; the effect reads them through `latest`.
  useEffect(() => {
    const ahead = foreseen.current
    foreseen.current = null
    setUpcoming(null)
    if (!active) return
    const ticket = ++sequence.current
    if (noteTooLong) {
      setState((s) => ({ ...s, error: null, pending: false, stale: true }))
      return
    }
    setState((s) => (s.pending ? s : { ...s, pending: true }))
    const text = JSON.stringify([latest.current.patientName, latest.current.note])
    const typing = askedText.current !== null && askedText.current !== text
    const settle = (answer: Answer) => {
      answer.then((result) => {
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
          // A foreseen PDF taken, then superseded by a later press that was let go: asked again.
        } else settle(api.renderHandout(latest.current, 'preview'))
      })
    }
    const ask = () => {
      askedText.current = text
      settle(ahead?.key === key ? ahead.answer : api.renderHandout(latest.current, 'preview'))
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

  const foresee = useCallback((next: HandoutOptions) => {
    const { key: current, revision, active, noteTooLong } = now.current
    if (!active || noteTooLong) return
    const nextKey = keyOf(next, revision)
    if (nextKey === current || foreseen.current?.key === nextKey) return
    const foresight = { key: nextKey, answer: api.renderHandout(next, 'foresee') }
    foreseen.current = foresight
    foresight.answer.then((result) => {
      // Still pressed (no change took it yet): drawn ahead. Taken already: drawn as the preview.
      if (foreseen.current === foresight && result.ok && result.value.status === 'rendered') setUpcoming(result.value.pdf)
    })
  }, [])

  return { ...state, upcoming, foresee }
}

/** The same characters: the form's notice about them then stays as it is, not drawn again. */
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i])
