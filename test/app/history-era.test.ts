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

/** The app's side, as useUrlState does it: its mark, and its answer to each arrival. */
class App {
  mark: HistoryMark = FIRST_MARK
  constructor(readonly history: SessionHistory) {
    history.replace(this.mark)
  }
  write(how: 'push' | 'new-era') {
    this.mark = nextMark(this.mark, how)
    this.history.push(this.mark)
  }
  /** A popstate: what the app does on arriving, until the browser rests. */
  arrived() {
    for (let hops = 0; hops < 3; hops++) {
      const landed = this.history.entries[this.history.at] ?? null
      const answer = arrive(this.mark, landed)
      if ('show' in answer) {
        this.mark = answer.show
        if (landed === null) this.history.replace(answer.show)
        return
      }
      if (!this.history.go(answer.go)) return
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
    expect(arrive({ era: 2, index: 9, first: 7 }, { era: 1, index: 5, first: 0 })).toEqual({ go: 2 })
    expect(arrive({ era: 2, index: 9, first: 7 }, { era: 2, index: 8, first: 7 })).toEqual({ show: { era: 2, index: 8, first: 7 } })
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
