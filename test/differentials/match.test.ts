import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  compareResults,
  explainScore,
  matchDifferentials,
  reassurance,
  redFlagAlert,
  type FindingState,
  type MatchResult,
} from '../../shared/differentials/match'
import { condition, finding, fixtureKb } from './fixtures'

const ids = (results: MatchResult[]): string[] => results.map((r) => r.id)
const byId = (results: MatchResult[], id: string): MatchResult => {
  const r = results.find((x) => x.id === id)
  if (!r) throw new Error(`no result for ${id}`)
  return r
}

describe('matchDifferentials', () => {
  it('with nothing marked, puts every condition in "autres", by seriousness then name', () => {
    const results = matchDifferentials(fixtureKb(), {})
    expect(results.every((r) => r.group === 'autres' && r.score === 0 && r.matched.length === 0)).toBe(true)
    expect(ids(results)).toEqual([
      'epilepsie',
      'hernie-discale',
      'meningite',
      'sclerose-en-plaques',
      'hypoglycemie',
      'piegeage-nerveux',
      'tics',
      'carence-magnesium',
      'deshydratation',
      'stress',
    ])
  })

  it('returns one result per cause and per differential', () => {
    const kb = fixtureKb()
    const results = matchDifferentials(kb, { douleur: 'present' })
    expect(new Set(ids(results))).toEqual(new Set([...kb.causes, ...kb.differentials].map((c) => c.id)))
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
    // Not grave, but pointed to by a present red flag.
    expect(byId(results, 'piegeage-nerveux').group).toBe('serieux')
  })

  it('counts present opposing findings against, and scores them −1', () => {
    const results = matchDifferentials(fixtureKb(), { 'apres-effort': 'present', douleur: 'present' })
    const magnesium = byId(results, 'carence-magnesium')
    expect(magnesium.matched).toEqual(['apres-effort'])
    expect(magnesium.against).toEqual(['douleur'])
    expect(magnesium.score).toBe(0)
    expect(byId(results, 'deshydratation').score).toBe(1)
    // Same group, higher score first.
    const probable = ids(results.filter((r) => r.group === 'probable'))
    expect(probable).toEqual(['deshydratation', 'carence-magnesium'])
  })

  it('counts an absent "Localisation" pointing finding against; other absences do not count', () => {
    const results = matchDifferentials(fixtureKb(), {
      'tout-le-corps': 'absent',
      'perte-de-conscience': 'present',
      douleur: 'absent',
    })
    const epilepsie = byId(results, 'epilepsie')
    expect(epilepsie.against).toEqual(['tout-le-corps'])
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

  it('orders by seriousness then name at equal score', () => {
    const kb = fixtureKb()
    kb.causes.push(
      condition('b-grave', { name: 'Bêta', seriousness: 'grave', contexts: ['stress'] }),
      condition('a-grave', { name: 'alpha', seriousness: 'grave', contexts: ['stress'] }),
      condition('evaluer', { name: 'Aaa', seriousness: 'a-evaluer', contexts: ['stress'] }),
    )
    const results = matchDifferentials(kb, { stress: 'present' })
    expect(ids(results).slice(0, 2)).toEqual(['a-grave', 'b-grave'])
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
    expect(byId(matchDifferentials(kb, JSON.parse('{"constructor":"present"}') as Record<string, FindingState>), 'piege').group).toBe('probable')
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
          const expected =
            r.redFlags.length > 0 || (r.matched.length > 0 && r.condition.seriousness === 'grave')
              ? 'serieux'
              : r.matched.length > 0
                ? 'probable'
                : 'autres'
          expect(r.group).toBe(expected)
        }
        for (let i = 1; i < results.length; i++) {
          expect(compareResults(results[i - 1] as MatchResult, results[i] as MatchResult)).toBeLessThan(0)
        }
      }),
    )
  })
})

describe('explainScore', () => {
  it('says the score in one line', () => {
    const results = matchDifferentials(fixtureKb(), { douleur: 'present', picotements: 'present' })
    expect(explainScore(byId(results, 'hernie-discale'))).toBe(
      '2 signes concordants + 2 signes d’alerte = 4',
    )
    const mixed = matchDifferentials(fixtureKb(), { 'apres-effort': 'present', douleur: 'present' })
    expect(explainScore(byId(mixed, 'carence-magnesium'))).toBe('1 signe concordant − 1 signe contraire = 0')
    expect(explainScore(byId(mixed, 'piegeage-nerveux'))).toBe('1 signe concordant + 1 signe d’alerte = 2')
    expect(explainScore(byId(mixed, 'tics'))).toBe('0 signe concordant = 0')
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
    expect(medecin?.referral).toBe('medecin')

    const neuro = redFlagAlert(kb, { fievre: 'present', picotements: 'present' })
    expect(neuro?.findings.map((f) => f.id)).toEqual(['picotements', 'fievre'])
    expect(neuro?.advice).toEqual(['Lésion nerveuse possible.', 'Consulter un médecin.'])
    expect(neuro?.referral).toBe('neurologue')
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
  it('gives the benign causes and their self-care advice after an intense effort', () => {
    const r = reassurance(fixtureKb(), { 'apres-effort': 'present' })
    expect(r?.causes.map((c) => c.id)).toEqual(['carence-magnesium', 'deshydratation'])
    expect(r?.advice.map((a) => a.id)).toEqual(['boire', 'magnesium'])
  })

  it('is null with nothing marked or nothing matching', () => {
    expect(reassurance(fixtureKb(), {})).toBeNull()
    expect(reassurance(fixtureKb(), { 'apres-effort': 'absent' })).toBeNull()
  })

  it('is null when a red flag is present, even one that points nowhere', () => {
    const kb = fixtureKb()
    kb.findings.push({ ...kb.findings[3]!, id: 'alerte-seule' })
    expect(reassurance(kb, { 'apres-effort': 'present', 'alerte-seule': 'present' })).toBeNull()
  })

  it('is null when a condition that is not benign matches', () => {
    const kb = fixtureKb()
    kb.causes.push(condition('hypothermie', { name: 'Hypothermie', seriousness: 'a-evaluer', contexts: ['stress'] }))
    expect(reassurance(kb, { stress: 'present' })).toBeNull()
    expect(reassurance(fixtureKb(), { stress: 'present' })?.advice.map((a) => a.id)).toEqual(['detente'])
  })
})
