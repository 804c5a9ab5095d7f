// « Questions utiles » (shared/orientation/questions.ts) on the real
// knowledge base: what each suggested answer would change is what answering
// it changes; red flags come first; nothing is asked whose answer changes nothing.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchDifferentials, reassurance, redFlagAlert, type FindingState, type MarkedFindings } from '../../shared/differentials/match'
import { QUESTIONS_SHOWN, usefulQuestions } from '../../shared/orientation/questions'
import type { KnowledgeOutline } from '../../shared/kb/types'
import { readKb } from '../kb/kb-files'

const kb = readKb() as unknown as KnowledgeOutline

/** The orientation as the clinician sees it: the alert's referral, self-care, each ranked entry's group and score. */
function seen(marked: MarkedFindings): string {
  const groups = matchDifferentials(kb, marked)
    .filter((r) => r.group !== 'autres')
    .map((r) => `${r.id}:${r.group}:${r.score}`)
    .sort()
  return JSON.stringify([redFlagAlert(kb, marked)?.referral ?? null, reassurance(kb, marked)?.status === 'earned', groups])
}

const marks = fc
  .dictionary(fc.constantFrom(...kb.findings.map((f) => f.id)), fc.constantFrom<FindingState>('present', 'absent'), { maxKeys: 10 })
  .map((d): MarkedFindings => d)

describe('« Questions utiles »', () => {
  it('with nothing marked, asks the red flags first, each saying it would raise the alert', () => {
    const questions = usefulQuestions(kb, {})
    expect(questions).toHaveLength(QUESTIONS_SHOWN)
    for (const q of questions) {
      expect(q.finding.redFlag).toBe(true)
      expect(q.ifPresent.join(' ')).toContain('signe d’alerte')
    }
  })

  it('says what an answer changes exactly when answering changes the orientation (fast-check)', () => {
    fc.assert(
      fc.property(marks, (marked) => {
        const before = seen(marked)
        for (const q of usefulQuestions(kb, marked, kb.findings.length)) {
          expect(Object.hasOwn(marked, q.finding.id)).toBe(false)
          expect(q.ifPresent.length > 0 || q.ifAbsent.length > 0).toBe(true)
          expect(q.ifPresent.length > 0, `${q.finding.id} Présent`).toBe(seen({ ...marked, [q.finding.id]: 'present' }) !== before)
          expect(q.ifAbsent.length > 0, `${q.finding.id} Absent`).toBe(seen({ ...marked, [q.finding.id]: 'absent' }) !== before)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('leaves out no finding whose answer would change something, and puts red flags first (fast-check)', () => {
    fc.assert(
      fc.property(marks, (marked) => {
        const before = seen(marked)
        const asked = new Set(usefulQuestions(kb, marked, kb.findings.length).map((q) => q.finding.id))
        for (const f of kb.findings.filter((f) => !Object.hasOwn(marked, f.id))) {
          const changes = (['present', 'absent'] as const).some((s) => seen({ ...marked, [f.id]: s }) !== before)
          expect(asked.has(f.id), f.id).toBe(changes)
        }
        const order = usefulQuestions(kb, marked, kb.findings.length).map((q) => q.finding.redFlag)
        expect(order).toEqual([...order].sort((a, b) => Number(b) - Number(a)))
      }),
      { numRuns: 40 },
    )
  })

  it('the case of ten equal rows: stress and frequent contractions, the other red flags absent', () => {
    const marked: MarkedFindings = { stress: 'present', 'contractions-frequentes': 'present' }
    for (const f of kb.findings) if (f.redFlag && !Object.hasOwn(marked, f.id)) (marked as Record<string, FindingState>)[f.id] = 'absent'
    const questions = usefulQuestions(kb, marked)
    expect(questions.length).toBeGreaterThan(0)
    expect(questions.every((q) => !q.finding.redFlag)).toBe(true)
  })
})
