import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  compareResults,
  explainScore,
  explainSpecificity,
  formatScore,
  matchDifferentials,
  reassurance,
  redFlagAlert,
  withoutRepeats,
  type FindingState,
  type MatchResult,
} from '../../shared/differentials/match'
import { condition, finding, fixtureKb } from './fixtures'
import { conditionsOf } from '../../shared/kb/types'

const ids = (results: MatchResult[]): string[] => results.map((r) => r.id)
const byId = (results: MatchResult[], id: string): MatchResult => {
  const r = results.find((x) => x.id === id)
  if (!r) throw new Error(`no result for ${id}`)
  return r
}

describe('matchDifferentials', () => {
  // The last tie-break is the knowledge base's order (the article's), not the alphabet.
  it('with nothing marked, puts every condition in "autres", by seriousness then knowledge-base order, all tied', () => {
    const results = matchDifferentials(fixtureKb(), {})
    expect(results.every((r) => r.group === 'autres' && r.score === 0 && r.matched.length === 0)).toBe(true)
    expect(ids(results)).toEqual([
      'hernie-discale',
      'epilepsie',
      'meningite',
      'sclerose-en-plaques',
      'hypoglycemie',
      'piegeage-nerveux',
      'tics',
      'carence-magnesium',
      'deshydratation',
      'stress',
    ])
    expect(results.every((r) => r.tiedWith === results.length - 1)).toBe(true)
  })

  it('returns one result per cause and per differential', () => {
    const kb = fixtureKb()
    const results = matchDifferentials(kb, { douleur: 'present' })
    expect(new Set(ids(results))).toEqual(new Set(conditionsOf(kb).map((c) => c.id)))
    expect(results).toHaveLength(kb.causes.length + kb.differentials.length)
  })

  it('matches on contexts as well as pointing findings', () => {
    const results = matchDifferentials(fixtureKb(), { stress: 'present', 'sans-autre-symptome': 'present' })
    const stress = byId(results, 'stress')
    expect(stress.matched).toEqual(['stress', 'sans-autre-symptome'])
    expect(stress.score).toBe(2)
    expect(stress.group).toBe('probable')
  })

  it('puts benign exercise causes in "probable" first after an intense effort', () => {
    const results = matchDifferentials(fixtureKb(), { 'apres-effort': 'present' })
    expect(ids(results).slice(0, 2)).toEqual(['carence-magnesium', 'deshydratation'])
    expect(results.slice(0, 2).map((r) => r.group)).toEqual(['probable', 'probable'])
    expect(results.filter((r) => r.group !== 'autres')).toHaveLength(2)
  })

  it('puts the nerve entries on top, in "serieux", for pain with tingling', () => {
    const results = matchDifferentials(fixtureKb(), { douleur: 'present', picotements: 'present' })
    expect(ids(results).slice(0, 2)).toEqual(['hernie-discale', 'piegeage-nerveux'])
    const hernie = byId(results, 'hernie-discale')
    expect(hernie).toMatchObject({
      group: 'serieux',
      matched: ['douleur', 'picotements'],
      redFlags: ['douleur', 'picotements'],
      against: [],
      score: 4,
    })
    // Not graded grave, so not under "Graves, à ne pas manquer", even when a red flag points to it.
    expect(byId(results, 'piegeage-nerveux').group).toBe('probable')
  })

  it('counts present opposing findings against, and scores them −1', () => {
    const results = matchDifferentials(fixtureKb(), { 'apres-effort': 'present', douleur: 'present' })
    const magnesium = byId(results, 'carence-magnesium')
    expect(magnesium.matched).toEqual(['apres-effort'])
    expect(magnesium.against).toEqual(['douleur'])
    expect(magnesium.score).toBe(0)
    expect(byId(results, 'deshydratation').score).toBe(1)
    // A benign cause whose contrary sign is present is not "probable" at score 0, but a marked
    // finding points to it: it stays in view, with its signs for and against.
    expect(ids(results.filter((r) => r.group === 'probable'))).toEqual(['piegeage-nerveux', 'deshydratation'])
    expect(magnesium.group).toBe('discute')
  })

  it('puts only grave entries under "serieux", whatever points to the others', () => {
    const marks = fc.dictionary(
      fc.constantFrom(...fixtureKb().findings.map((f) => f.id)),
      fc.constantFrom<FindingState>('present', 'absent'),
    )
    fc.assert(
      fc.property(marks, (marked) => {
        for (const r of matchDifferentials(fixtureKb(), marked)) {
          expect(r.group === 'serieux', r.id).toBe(r.condition.seriousness === 'grave' && r.matched.length > 0)
        }
      }),
    )
  })

  it('counts an absent usual finding against; other absences do not count', () => {
    const results = matchDifferentials(fixtureKb(), {
      'tout-le-corps': 'absent',
      'perte-de-conscience': 'present',
      douleur: 'absent',
    })
    const epilepsie = byId(results, 'epilepsie')
    expect(epilepsie.against).toEqual(['tout-le-corps'])
    expect(epilepsie.missing).toEqual(['tout-le-corps'])
    expect(epilepsie.score).toBe(1) // +1 match, +1 red flag, −1 absent whole-body twitching
    expect(epilepsie.group).toBe('serieux')
    expect(byId(results, 'hernie-discale').against).toEqual([])
    expect(byId(results, 'hernie-discale').group).toBe('autres')
  })

  it('puts a grave condition in "serieux" on a match that is not a red flag', () => {
    const results = matchDifferentials(fixtureKb(), { 'tout-le-corps': 'present' })
    expect(byId(results, 'epilepsie')).toMatchObject({ group: 'serieux', matched: ['tout-le-corps'], score: 1 })
    expect(results[0]?.id).toBe('epilepsie')
  })

  it('keeps "serieux" before "probable" whatever the scores', () => {
    const kb = fixtureKb()
    kb.causes.push(condition('effort-stress', { name: 'Effort et stress', contexts: ['apres-effort', 'stress'] }))
    const results = matchDifferentials(kb, { 'apres-effort': 'present', stress: 'present', 'tout-le-corps': 'present' })
    expect(byId(results, 'effort-stress').score).toBe(2)
    expect(ids(results).slice(0, 2)).toEqual(['epilepsie', 'effort-stress'])
  })

  // Ties are broken by specificity, then by the knowledge base's order, never by the alphabet.
  it('at equal score, puts first the entry the marked findings point to most specifically', () => {
    const kb = fixtureKb()
    kb.findings.push(finding('rare', { group: 'contexte' }))
    kb.causes.push(
      condition('b-grave', { name: 'Bêta', seriousness: 'grave', contexts: ['stress'] }),
      condition('a-grave', { name: 'alpha', seriousness: 'grave', contexts: ['stress'] }),
      condition('z-grave', { name: 'Zêta', seriousness: 'grave', contexts: ['rare'] }),
      condition('evaluer', { name: 'Aaa', seriousness: 'a-evaluer', contexts: ['stress'] }),
    )
    const results = matchDifferentials(kb, { stress: 'present', rare: 'present' })
    // 'rare' points to one entry, 'stress' to four: Zêta first, then the others in the base's order.
    expect(ids(results).slice(0, 3)).toEqual(['z-grave', 'b-grave', 'a-grave'])
    expect(byId(results, 'z-grave')).toMatchObject({ reach: [1], specificity: 1, tiedWith: 0 })
    expect(byId(results, 'b-grave')).toMatchObject({ reach: [4], specificity: 0.25, tiedWith: 1 })
    expect(ids(results.filter((r) => r.group === 'probable'))).toEqual(['evaluer', 'stress'])
  })

  it('ignores marks for unknown findings, and reads only marks that are really there', () => {
    const marked = JSON.parse('{"inconnu":"present","__proto__":"present"}') as Record<string, FindingState>
    expect(matchDifferentials(fixtureKb(), marked).every((r) => r.group === 'autres')).toBe(true)
    // A finding id that is also an Object.prototype property name is unknown until marked.
    const kb = fixtureKb()
    kb.findings.push(finding('constructor'))
    kb.causes.push(condition('piege', { name: 'Piège', pointingFindings: ['constructor'] }))
    expect(byId(matchDifferentials(kb, {}), 'piege').group).toBe('autres')
    expect(byId(matchDifferentials(kb, JSON.parse('{"constructor":"present"}') as Record<string, FindingState>), 'piege').group).toBe(
      'probable',
    )
    expect(redFlagAlert(kb, {})).toBeNull()
  })

  it('always gives score = matched + red flags − against, and groups that follow the rules', () => {
    const kb = fixtureKb()
    const findingIds = kb.findings.map((f) => f.id)
    const marks = fc.dictionary(fc.constantFrom(...findingIds), fc.constantFrom<FindingState>('present', 'absent'))
    fc.assert(
      fc.property(marks, (marked) => {
        const results = matchDifferentials(kb, marked)
        for (const r of results) {
          expect(r.score).toBe(r.matched.length + r.redFlags.length - r.against.length)
          expect(r.matched.every((id) => marked[id] === 'present')).toBe(true)
          expect(r.missing.every((id) => marked[id] === 'absent' && r.against.includes(id))).toBe(true)
          const expected =
            r.matched.length > 0 && r.condition.seriousness === 'grave'
              ? 'serieux'
              : r.matched.length > 0 && r.score > 0
                ? 'probable'
                : r.matched.length > 0
                  ? 'discute'
                  : 'autres'
          expect(r.group).toBe(expected)
        }
        for (let i = 1; i < results.length; i++) {
          expect(compareResults(results[i - 1] as MatchResult, results[i] as MatchResult, kb)).toBeLessThan(0)
        }
      }),
    )
  })
})

describe('explainScore', () => {
  it('says the score in one line', () => {
    const results = matchDifferentials(fixtureKb(), { douleur: 'present', picotements: 'present' })
    expect(explainScore(byId(results, 'hernie-discale'))).toBe('2 signes concordants + 2 signes d’alerte = 4')
    const mixed = matchDifferentials(fixtureKb(), { 'apres-effort': 'present', douleur: 'present' })
    expect(explainScore(byId(mixed, 'carence-magnesium'))).toBe('1 signe concordant − 1 signe contraire = 0')
    expect(explainScore(byId(mixed, 'piegeage-nerveux'))).toBe('1 signe concordant + 1 signe d’alerte = 2')
    expect(explainScore(byId(mixed, 'tics'))).toBe('0 signe concordant = 0')
  })

  it('writes a negative score with the minus sign U+2212', () => {
    const results = matchDifferentials(fixtureKb(), { douleur: 'present' })
    const magnesium = byId(results, 'carence-magnesium')
    expect(magnesium.score).toBe(-1)
    expect(explainScore(magnesium)).toBe('0 signe concordant \u2212 1 signe contraire = \u22121')
    expect(formatScore(-3)).toBe('\u22123')
    expect(formatScore(2)).toBe('2')
  })
})

describe('explainSpecificity', () => {
  it('says how many entries each matched finding points to, and how many entries still tie', () => {
    const results = matchDifferentials(fixtureKb(), { 'perte-de-conscience': 'present', 'tout-le-corps': 'present', douleur: 'present' })
    const label = (id: string) => `«${id}»`
    expect(explainSpecificity(byId(results, 'epilepsie'), label)).toBe(
      'Spécificité\u00a0: «tout-le-corps» ne désigne que cette entrée, «perte-de-conscience» ne désigne que cette entrée',
    )
    expect(explainSpecificity(byId(results, 'hernie-discale'), label)).toBe('Spécificité\u00a0: «douleur» en désigne\u00a02')
    expect(explainSpecificity({ matched: ['x', 'y'], reach: [12, 1], tiedWith: 9 }, label)).toBe(
      'Spécificité\u00a0: «x» en désigne\u00a012, «y» ne désigne que cette entrée · à égalité avec 9 autres entrées',
    )
    expect(explainSpecificity({ matched: ['x'], reach: [3], tiedWith: 1 }, label)).toBe(
      'Spécificité\u00a0: «x» en désigne\u00a03 · à égalité avec 1 autre entrée',
    )
    expect(byId(results, 'hernie-discale').group).toBe('serieux')
    expect(byId(results, 'piegeage-nerveux').group).toBe('probable')
    expect(explainSpecificity(byId(results, 'stress'), label)).toBeNull()
  })
})

describe('redFlagAlert', () => {
  it('is null with no present red flag', () => {
    const kb = fixtureKb()
    expect(redFlagAlert(kb, {})).toBeNull()
    expect(redFlagAlert(kb, { douleur: 'absent', 'apres-effort': 'present' })).toBeNull()
  })

  it('gathers the present red flags, their distinct advice and the strongest referral', () => {
    const kb = fixtureKb()
    const medecin = redFlagAlert(kb, { fievre: 'present', 'perte-de-conscience': 'present', stress: 'present' })
    expect(medecin?.findings.map((f) => f.id)).toEqual(['fievre', 'perte-de-conscience'])
    expect(medecin?.advice).toEqual(['Consulter un médecin.'])
    // Two red flags whose advice share a sentence say it once.
    const shared = fixtureKb()
    shared.findings = shared.findings.map((f) =>
      f.id === 'picotements' ? { ...f, advice: 'Lésion nerveuse possible. Consulter un médecin.' } : f,
    )
    expect(redFlagAlert(shared, { fievre: 'present', picotements: 'present' })?.advice).toEqual([
      'Lésion nerveuse possible. Consulter un médecin.',
    ])
    expect(medecin?.referral).toBe('medecin')

    const neuro = redFlagAlert(kb, { fievre: 'present', picotements: 'present' })
    expect(neuro?.findings.map((f) => f.id)).toEqual(['picotements', 'fievre'])
    expect(neuro?.advice).toEqual(['Lésion nerveuse possible.', 'Consulter un médecin.'])
    expect(neuro?.referral).toBe('neurologue')
  })

  it('drops the sentences an earlier advice already said, and the advice left empty', () => {
    expect(withoutRepeats(['A\u00a0: un. Voir un médecin.', 'Autre chose. Voir un médecin.', 'Voir un médecin.'])).toEqual([
      'A\u00a0: un. Voir un médecin.',
      'Autre chose.',
    ])
  })

  it('falls back to a doctor when no red flag names a referral', () => {
    const kb = fixtureKb()
    kb.findings = kb.findings.map((f) => (f.id === 'fievre' ? { ...f, referral: null, advice: null } : f))
    expect(redFlagAlert(kb, { fievre: 'present' })).toEqual({
      findings: [kb.findings.find((f) => f.id === 'fievre')],
      advice: [],
      referral: 'medecin',
    })
  })
})

describe('reassurance', () => {
  const RED_FLAGS = ['douleur', 'picotements', 'fievre', 'perte-de-conscience']
  const allAbsent = Object.fromEntries(RED_FLAGS.map((id) => [id, 'absent' as const]))

  // Reassurance reads the article: its harmless twitching comes « généralement pas accompagnées d'autres symptômes ».
  it('is pending, listing the red flags left unknown, until every red flag is answered Absent', () => {
    const r = reassurance(fixtureKb(), { 'apres-effort': 'present' })
    expect(r?.status).toBe('pending')
    expect(r?.causes.map((c) => c.id)).toEqual(['carence-magnesium', 'deshydratation'])
    expect(r?.status === 'pending' && r.unasked.map((f) => f.id)).toEqual(RED_FLAGS)
    const most = reassurance(fixtureKb(), { 'apres-effort': 'present', douleur: 'absent', fievre: 'absent', picotements: 'absent' })
    expect(most?.status === 'pending' && most.unasked.map((f) => f.id)).toEqual(['perte-de-conscience'])
  })

  it('is earned, with the benign causes and their self-care advice, once every red flag is answered Absent', () => {
    const r = reassurance(fixtureKb(), { 'apres-effort': 'present', ...allAbsent })
    expect(r?.status).toBe('earned')
    expect(r?.causes.map((c) => c.id)).toEqual(['carence-magnesium', 'deshydratation'])
    expect(r?.status === 'earned' && r.advice.map((a) => a.id)).toEqual(['boire', 'magnesium'])
  })

  it('is null with nothing marked or nothing matching', () => {
    expect(reassurance(fixtureKb(), {})).toBeNull()
    expect(reassurance(fixtureKb(), { 'apres-effort': 'absent' })).toBeNull()
    expect(reassurance(fixtureKb(), allAbsent)).toBeNull()
  })

  it('is null when a red flag is present, even one that points nowhere', () => {
    const kb = fixtureKb()
    kb.findings.push({ ...kb.findings[3]!, id: 'alerte-seule' })
    expect(reassurance(kb, { 'apres-effort': 'present', 'alerte-seule': 'present' })).toBeNull()
  })

  it('is null when a condition that is not benign matches', () => {
    const kb = fixtureKb()
    kb.causes.push(condition('hypothermie', { name: 'Hypothermie', seriousness: 'a-evaluer', contexts: ['stress'] }))
    expect(reassurance(kb, { stress: 'present', ...allAbsent })).toBeNull()
    const calm = reassurance(fixtureKb(), { stress: 'present', ...allAbsent })
    expect(calm?.status === 'earned' && calm.advice.map((a) => a.id)).toEqual(['detente'])
  })
})
