// The matching on the real knowledge base (resources/knowledge/*.json), loaded
// the way the main process loads it.
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { conditionsOf, type KbProblem, type KnowledgeBase } from '../../shared/kb/types'
import {
  explainScore,
  matchDifferentials,
  reassurance,
  redFlagAlert,
  type FindingState,
  type MarkedFindings,
  type MatchResult,
} from '../../shared/differentials/match'

const RESOURCES = fileURLToPath(new URL('../../resources', import.meta.url))

let kb: KnowledgeBase
let problems: KbProblem[]

beforeAll(async () => {
  ;({ kb, problems } = await loadKnowledgeBase(RESOURCES))
})

const present = (...ids: string[]): MarkedFindings => Object.fromEntries(ids.map((id) => [id, 'present' as const]))
const ids = (results: readonly { id: string }[]): string[] => results.map((r) => r.id)
const conditions = () => conditionsOf(kb)
const byId = (results: MatchResult[], id: string): MatchResult => {
  const r = results.find((x) => x.id === id)
  if (!r) throw new Error(`pas de résultat pour ${id}`)
  return r
}

const EXERCISE_CAUSES = ['carence-magnesium', 'perte-mineraux-transpiration', 'surmenage-musculaire']
const redFlagsAbsent = (): MarkedFindings => Object.fromEntries(kb.findings.filter((f) => f.redFlag).map((f) => [f.id, 'absent' as const]))

describe('matching on the real knowledge base', () => {
  it('loads every entry the tests rely on', () => {
    expect(problems).toEqual([])
    const known = new Set([...conditions().map((c) => c.id), ...kb.findings.map((f) => f.id)])
    for (const id of [
      'douleur-mollet',
      'douleur-jambe-dos',
      'picotements',
      'apres-effort',
      'hernie-discale-lombaire',
      'compression-nerveuse',
      ...EXERCISE_CAUSES,
    ]) {
      expect(known.has(id), id).toBe(true)
    }
  })

  it('with nothing marked: everything in "autres", grave first, no alert, no reassurance', () => {
    const results = matchDifferentials(kb, {})
    expect(results).toHaveLength(conditions().length)
    expect(results.every((r) => r.group === 'autres' && r.score === 0)).toBe(true)
    const firstNotGrave = results.findIndex((r) => r.condition.seriousness !== 'grave')
    expect(results.slice(firstNotGrave).some((r) => r.condition.seriousness === 'grave')).toBe(false)
    expect(redFlagAlert(kb, {})).toBeNull()
    expect(reassurance(kb, {})).toBeNull()
  })

  it('every finding reaches exactly the entries that list it', () => {
    for (const f of kb.findings) {
      const listing = conditions()
        .filter((c) => c.pointingFindings.includes(f.id) || c.contexts.includes(f.id))
        .map((c) => c.id)
        .sort()
      const reached = matchDifferentials(kb, present(f.id))
        .filter((r) => r.matched.includes(f.id))
        .map((r) => r.id)
        .sort()
      expect(reached, f.id).toEqual(listing)
    }
  })

  it('marking any one pointing finding or context of an entry puts it in "matched"', () => {
    let checked = 0
    for (const c of conditions()) {
      for (const fid of [...c.pointingFindings, ...c.contexts]) {
        const r = byId(matchDifferentials(kb, present(fid)), c.id)
        expect(r.matched, `${c.id} ← ${fid}`).toEqual([fid])
        expect(r.group, `${c.id} ← ${fid}`).not.toBe('autres')
        checked++
      }
    }
    expect(checked).toBeGreaterThan(conditions().length / 2)
  })

  it('every red-flag finding present raises the alert, with its advice and at least its referral', () => {
    const rank = { neurologue: 0, medecin: 1, 'auto-soins': 2 } as const
    const redFlags = kb.findings.filter((f) => f.redFlag)
    expect(redFlags.length).toBeGreaterThan(0)
    for (const f of redFlags) {
      const alert = redFlagAlert(kb, present(f.id))
      expect(alert, f.id).not.toBeNull()
      expect(ids(alert?.findings ?? [])).toEqual([f.id])
      if (f.advice !== null) expect(alert?.advice).toEqual([f.advice])
      if (f.referral !== null) expect(rank[alert?.referral ?? 'auto-soins']).toBeLessThanOrEqual(rank[f.referral])
      expect(reassurance(kb, { ...present(f.id), 'apres-effort': 'present' }), f.id).toBeNull()
    }
    for (const f of kb.findings.filter((x) => !x.redFlag)) {
      expect(redFlagAlert(kb, present(f.id)), f.id).toBeNull()
    }
  })

  it('pain with tingling: disc herniation and nerve compression on top, serious, sent to a neurologist', () => {
    for (const pain of ['douleur-mollet', 'douleur-jambe-dos']) {
      const marked = present(pain, 'picotements')
      const results = matchDifferentials(kb, marked)
      expect(ids(results.slice(0, 2))).toEqual(['hernie-discale-lombaire', 'compression-nerveuse'])
      expect(results[0]).toMatchObject({ group: 'serieux', matched: [pain, 'picotements'], score: 4 })
      // Nerve compression is graded "à évaluer", so it is probable, not under "Graves".
      expect(results[1]).toMatchObject({ group: 'probable', matched: ['picotements'], score: 2 })
      expect(explainScore(results[0] as MatchResult)).toBe('2 signes concordants + 2 signes d’alerte = 4')
      // The harmless causes the article says come without other symptoms are argued against.
      for (const id of EXERCISE_CAUSES) expect(byId(results, id).against).toEqual([pain, 'picotements'])

      const alert = redFlagAlert(kb, marked)
      expect(ids(alert?.findings ?? [])).toEqual([pain, 'picotements'])
      expect(alert?.referral).toBe('neurologue')
      expect(alert?.advice).toHaveLength(2)
      expect(alert?.advice.some((a) => a.includes('neurologue'))).toBe(true)
      expect(reassurance(kb, marked)).toBeNull()
    }
  })

  it('only "après effort intense": no alert, benign exercise causes first, self-care advice once the red flags are answered', () => {
    const marked = { ...present('apres-effort'), ...redFlagsAbsent() }
    expect(redFlagAlert(kb, marked)).toBeNull()

    const results = matchDifferentials(kb, marked)
    const top = results.filter((r) => r.group !== 'autres')
    expect(ids(top).sort()).toEqual([...EXERCISE_CAUSES].sort())
    expect(ids(results.slice(0, EXERCISE_CAUSES.length)).sort()).toEqual([...EXERCISE_CAUSES].sort())
    for (const r of top) expect(r).toMatchObject({ group: 'probable', score: 1, against: [] })
    expect(results.some((r) => r.group === 'serieux')).toBe(false)

    const calm = reassurance(kb, marked)
    expect(calm?.status).toBe('earned')
    expect(ids(calm?.causes ?? []).sort()).toEqual([...EXERCISE_CAUSES].sort())
    const advice = ids(calm?.status === 'earned' ? calm.advice : [])
    expect(advice).toEqual(kb.advice.filter((a) => a.appliesTo.some((id) => EXERCISE_CAUSES.includes(id))).map((a) => a.id))
    expect(advice).toEqual(expect.arrayContaining(['boire-suffisamment', 'calcium-magnesium', 'recuperation']))
    expect(advice).not.toContain('traitement-causes-neurologiques')
  })

  it('whole-body twitching said absent argues against the whole-body entries', () => {
    const results = matchDifferentials(kb, { 'perte-de-conscience': 'present', 'tout-le-corps': 'absent' })
    const epilepsie = byId(results, 'epilepsie')
    expect(epilepsie).toMatchObject({ group: 'serieux', matched: ['perte-de-conscience'], against: ['tout-le-corps'] })
    expect(epilepsie.score).toBe(1)
    expect(byId(results, 'frissons-generalises').against).toEqual(['tout-le-corps'])
  })

  // The five observations a clinician made of the orientation, on the real knowledge base.
  it('observation 1: after intense exercise alone, no self-care until every red flag is answered Absent', () => {
    const pending = reassurance(kb, present('apres-effort'))
    expect(pending?.status).toBe('pending')
    const redFlags = kb.findings.filter((f) => f.redFlag)
    expect(redFlags).toHaveLength(8)
    expect(pending?.status === 'pending' && ids(pending.unasked)).toEqual(ids(redFlags))
    const [last, ...others] = redFlags
    const oneLeft = reassurance(kb, { ...present('apres-effort'), ...Object.fromEntries(others.map((f) => [f.id, 'absent' as const])) })
    expect(oneLeft?.status === 'pending' && ids(oneLeft.unasked)).toEqual([last?.id])
    expect(reassurance(kb, { ...present('apres-effort'), ...redFlagsAbsent() })?.status).toBe('earned')
  })

  it('observation 3: "Graves, à ne pas manquer" holds only grave entries, and ties are said, not alphabetical', () => {
    const results = matchDifferentials(kb, present('contractions-frequentes'))
    const serious = results.filter((r) => r.group === 'serieux')
    expect(serious.length).toBeGreaterThan(0)
    expect(serious.every((r) => r.condition.seriousness === 'grave')).toBe(true)
    for (const r of results.filter((x) => x.condition.seriousness !== 'grave')) expect(r.group, r.id).not.toBe('serieux')
    // Nothing in the article sets these apart: each row says how many it ties with, in the article's order.
    expect(serious.every((r) => r.tiedWith === serious.length - 1)).toBe(true)
    const articleOrder = conditions()
      .map((c) => c.id)
      .filter((id) => serious.some((r) => r.id === id))
    expect(ids(serious)).toEqual(articleOrder)
    // A more specific finding breaks the tie: loss of consciousness points to epilepsy alone.
    const withSyncope = matchDifferentials(kb, present('contractions-frequentes', 'perte-de-conscience'))
    expect(withSyncope[0]).toMatchObject({ id: 'epilepsie', tiedWith: 0 })
    expect(byId(withSyncope, 'epilepsie').specificity).toBeGreaterThan(byId(withSyncope, 'meningite').specificity)
  })

  it('observation 4: every finding moves the ranking or the banner', () => {
    const plain = matchDifferentials(kb, {})
    const summary = (rs: MatchResult[]) => rs.map((r) => `${r.id}:${r.group}:${r.score}`)
    for (const f of kb.findings) {
      const moved = summary(matchDifferentials(kb, present(f.id))).join() !== summary(plain).join()
      const banner = redFlagAlert(kb, present(f.id)) !== null
      expect(moved || banner, f.id).toBe(true)
    }
    expect(kb.findings.map((f) => f.id)).not.toContain('sensation-inconfort')
    expect(kb.findings.map((f) => f.id)).not.toContain('mollet-seul')
  })

  it('observation 4: every cause and differential can rank', () => {
    for (const c of conditions()) {
      const pointers = [...c.pointingFindings, ...c.contexts]
      expect(pointers.length, c.id).toBeGreaterThan(0)
      expect(byId(matchDifferentials(kb, present(pointers[0] as string)), c.id).group, c.id).not.toBe('autres')
    }
    expect(byId(matchDifferentials(kb, present('troubles-circulatoires')), 'troubles-circulatoires-musculaires').matched).toEqual([
      'troubles-circulatoires',
    ])
  })

  it('observation 4: a benign cause whose contrary sign is present is not probable, and stays in view', () => {
    const results = matchDifferentials(kb, present('apres-effort', 'douleur-mollet'))
    for (const id of EXERCISE_CAUSES) {
      expect(byId(results, id)).toMatchObject({ group: 'discute', score: 0, against: ['douleur-mollet'] })
    }
  })

  it('never folds away an entry a marked finding points to (fast-check)', () => {
    const marks = fc.dictionary(fc.constantFrom(...kb.findings.map((f) => f.id)), fc.constantFrom<FindingState>('present', 'absent'), {
      maxKeys: 8,
    })
    fc.assert(
      fc.property(marks, (marked) => {
        for (const r of matchDifferentials(kb, marked)) expect(r.group === 'autres', r.id).toBe(r.matched.length === 0)
      }),
    )
  })

  it('observation 4: an absent finding the article gives as usually present argues against the entry', () => {
    const results = matchDifferentials(kb, { 'contractions-frequentes': 'present', 'perte-de-conscience': 'absent' })
    expect(byId(results, 'epilepsie')).toMatchObject({ against: ['perte-de-conscience'], missing: ['perte-de-conscience'], score: 1 })
    expect(byId(results, 'meningite').score).toBe(2)
    const serious = ids(results.filter((r) => r.group === 'serieux'))
    expect(serious.at(-1)).toBe('epilepsie')
  })
})
