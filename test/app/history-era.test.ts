// Back and Forward stay inside the consultation (shared/app/history-era.ts),
// checked against a model of the browser's session history: whatever the
// sequence of writes, new consultations, app and browser Back/Forward, the
// entry shown after the app has answered is of the current consultation.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FIRST_MARK, arrive, canGoBack, markOf, nextMark, stateOf, type HistoryMark } from '../../shared/app/history-era'

/** The browser's session history: entries (their state) and the one shown. A push drops what was ahead. */
class SessionHistory {
  entries: (HistoryMark | null)[] = [null]
  at = 0
  push(mark: HistoryMark | null) {
    this.entries = [...this.entries.slice(0, this.at + 1), mark]
    this.at = this.entries.length - 1
  }
  replace(mark: HistoryMark) {
    this.entries[this.at] = mark
  }
  go(step: number): boolean {
    const to = this.at + step
    if (step === 0 || to < 0 || to >= this.entries.length) return false
    this.at = to
    return true
  }
}

/**
 * The app's side, as useUrlState does it: its mark, and its answer to each
 * arrival. As in the browser, history.go is asynchronous, and an arrival by a
 * hash change is told twice (popstate, then hashchange) before it runs.
 */
class App {
  mark: HistoryMark = FIRST_MARK
  leaving: HistoryMark | null = null
  queued: number[] = []
  constructor(readonly history: SessionHistory) {
    history.replace(this.mark)
  }
  write(how: 'push' | 'new-era') {
    this.mark = nextMark(this.mark, how)
    this.history.push(this.mark)
  }
  /** One event of an arrival: what useUrlState's listener does. */
  onEvent() {
    const landed = this.history.entries[this.history.at] ?? null
    const answer = arrive(this.mark, landed, this.leaving)
    if ('wait' in answer) return
    if ('go' in answer) {
      this.leaving = landed
      this.queued.push(answer.go)
      return
    }
    this.leaving = null
    this.mark = answer.show
    if (landed === null) this.history.replace(answer.show)
  }
  /** An arrival: both events, then the browser runs what was queued, each a new arrival, until it rests. */
  arrived() {
    for (let hops = 0; hops < 4; hops++) {
      this.onEvent()
      this.onEvent()
      const steps = this.queued
      this.queued = []
      let moved = false
      for (const step of steps) moved = this.history.go(step) || moved
      if (!moved) return
    }
  }
  walk(step: -1 | 1) {
    if (step === -1 && !canGoBack(this.mark)) return
    if (this.history.go(step)) this.arrived()
  }
}

type Step = 'push' | 'new-era' | 'app-back' | 'app-forward' | 'browser-back' | 'browser-forward' | 'typed-hash'

describe('history eras', () => {
  it('nextMark: a push moves on, a new era starts at the next position', () => {
    expect(nextMark({ era: 0, index: 3, first: 0 }, 'push')).toEqual({ era: 0, index: 4, first: 0 })
    expect(nextMark({ era: 0, index: 3, first: 0 }, 'new-era')).toEqual({ era: 1, index: 4, first: 4 })
    expect(canGoBack({ era: 1, index: 4, first: 4 })).toBe(false)
  })

  it('an entry of an earlier era sends back to the current era’s first entry', () => {
    expect(arrive({ era: 2, index: 9, first: 7 }, { era: 1, index: 5, first: 0 }, null)).toEqual({ go: 2 })
    expect(arrive({ era: 2, index: 9, first: 7 }, { era: 2, index: 8, first: 7 }, null)).toEqual({ show: { era: 2, index: 8, first: 7 } })
    // Told twice of the same arrival (popstate, hashchange): one step back, not two.
    expect(arrive({ era: 2, index: 9, first: 7 }, { era: 1, index: 5, first: 0 }, { era: 1, index: 5, first: 0 })).toEqual({ wait: true })
  })

  it('reads back only a well-formed mark', () => {
    expect(markOf(stateOf({ era: 1, index: 2, first: 2 }))).toEqual({ era: 1, index: 2, first: 2 })
    for (const junk of [
      null,
      3,
      {},
      { mollet: null },
      { mollet: { era: -1, index: 0, first: 0 } },
      { mollet: { era: 0, index: 1, first: 2 } },
    ])
      expect(markOf(junk)).toBeNull()
  })

  it('Back from a consultation’s first entry stays there, however the browser tells it', () => {
    const history = new SessionHistory()
    const app = new App(history)
    app.write('push')
    app.write('new-era')
    app.write('push')
    app.walk(-1)
    expect(history.at).toBe(2)
    app.walk(-1)
    expect(history.at).toBe(2)
    if (history.go(-1)) app.arrived()
    expect(history.at).toBe(2)
  })

  it('whatever happens, the entry shown is of the current consultation (fast-check)', () => {
    const step = fc.constantFrom<Step>('push', 'new-era', 'app-back', 'app-forward', 'browser-back', 'browser-forward', 'typed-hash')
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const history = new SessionHistory()
        const app = new App(history)
        let era = 0
        for (const s of steps) {
          if (s === 'push') app.write('push')
          else if (s === 'new-era') {
            app.write('new-era')
            era += 1
          } else if (s === 'app-back') app.walk(-1)
          else if (s === 'app-forward') app.walk(1)
          else if (s === 'typed-hash') {
            history.push(null)
            app.arrived()
          } else if (history.go(s === 'browser-back' ? -1 : 1)) app.arrived()
          expect(history.entries[history.at]?.era).toBe(era)
          expect(app.mark).toEqual(history.entries[history.at])
        }
      }),
      { numRuns: 500 },
    )
  })
})
