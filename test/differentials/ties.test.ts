// Distinct possibilities (shared/differentials/ties.ts): entries tied for the
// very same reasons are one row, named for the article's list when they are
// exactly it; nothing is lost or shown twice.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchDifferentials, type FindingState, type MarkedFindings } from '../../shared/differentials/match'
import { TIE_ROW_MIN, rankedRows } from '../../shared/differentials/ties'
import type { KnowledgeOutline } from '../../shared/kb/types'
import { readKb } from '../kb/kb-files'

const kb = readKb() as unknown as KnowledgeOutline

describe('tie rows', () => {
  it('frequent contractions: the ten neurological diseases are one row, « Maladies neurologiques »', () => {
    const serious = matchDifferentials(kb, { 'contractions-frequentes': 'present' }).filter((r) => r.group === 'serieux')
    expect(serious).toHaveLength(10)
    const rows = rankedRows(serious, kb.groups)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'tie', label: 'Maladies neurologiques' })
  })

  it('loss of consciousness sets epilepsy apart: it leaves the tie, the other nine stay one row', () => {
    const marked: MarkedFindings = { 'contractions-frequentes': 'present', 'perte-de-conscience': 'present' }
    const rows = rankedRows(
      matchDifferentials(kb, marked).filter((r) => r.group === 'serieux'),
      kb.groups,
    )
    expect(rows.map((r) => (r.kind === 'entry' ? r.result.id : r.members.length))).toEqual(['epilepsie', 9])
    // Nine of the article's ten: named for its list, said as nine of ten.
    expect(rows[1]).toMatchObject({ kind: 'tie', label: 'Maladies neurologiques', listSize: 10 })
  })

  it('after exercise with pain: the three causes of exercise stay three rows', () => {
    const rows = rankedRows(matchDifferentials(kb, { 'apres-effort': 'present', 'douleur-mollet': 'present' }), kb.groups)
    expect(rows.filter((r) => r.kind === 'tie')).toEqual([])
  })

  it('every result once, in order; a tie only of entries a finding points to, equal in their reasons (fast-check)', () => {
    const marks = fc
      .dictionary(fc.constantFrom(...kb.findings.map((f) => f.id)), fc.constantFrom<FindingState>('present', 'absent'), { maxKeys: 8 })
      .map((d): MarkedFindings => d)
    fc.assert(
      fc.property(marks, (marked) => {
        const results = matchDifferentials(kb, marked)
        const rows = rankedRows(results, kb.groups)
        const flat = rows.flatMap((r) => (r.kind === 'entry' ? [r.result] : r.members))
        expect(flat.map((r) => r.id).sort()).toEqual(results.map((r) => r.id).sort())
        for (const row of rows) {
          if (row.kind !== 'tie') continue
          expect(row.members.length).toBeGreaterThanOrEqual(row.listSize === row.members.length && row.label ? 3 : TIE_ROW_MIN)
          const [first] = row.members
          for (const m of row.members) {
            expect(m.matched.length).toBeGreaterThan(0)
            expect([m.group, m.score, m.matched, m.against]).toEqual([first!.group, first!.score, first!.matched, first!.against])
          }
        }
      }),
    )
  })
})
