import { describe, expect, it } from 'vitest'
import { countSyllables, kandelMoles, sentencesOf, wordsOf } from '../../shared/text/readability'

describe('countSyllables (French, spoken)', () => {
  it.each<[string, number]>([
    ['le', 1],
    ['eau', 1],
    ['boire', 1],
    ['muscle', 1],
    ['fièvre', 1],
    ['que', 1],
    ['mollet', 2],
    ['toujours', 2],
    ['calcium', 2],
    ['magnésium', 3],
    ['contractions', 3],
    ['réaction', 3],
    ['médecin', 3],
    ['déshydratation', 5],
    ['Hypoglycémie', 5],
    ['2026', 1],
  ])('%s → %i', (word, n) => {
    expect(countSyllables(word)).toBe(n)
  })
})

describe('words and sentences', () => {
  it('splits words at apostrophes and hyphens', () => {
    expect(wordsOf('L’eau, c’est-à-dire 12 verres.')).toEqual(['L', 'eau', 'c', 'est', 'à', 'dire', '12', 'verres'])
  })
  it('splits sentences after . ! ? … and keeps an unpunctuated block as one', () => {
    expect(sentencesOf('Buvez. Reposez-vous ! Pourquoi ? Ainsi… Fin')).toHaveLength(5)
    expect(sentencesOf('Douleur au mollet')).toEqual(['Douleur au mollet'])
  })
})

describe('kandelMoles', () => {
  it('applies 207 − 1.015 × words/sentence − 73.6 × syllables/word', () => {
    // le(1) mollet(2) bouge(1) · buvez(2) de(1) l(1) eau(1): 2 sentences, 7 words, 9 syllables.
    const r = kandelMoles(['Le mollet bouge.', 'Buvez de l’eau.'])
    expect(r).not.toBeNull()
    const { sentences, words, syllables, score } = r!
    expect([sentences, words, syllables]).toEqual([2, 7, 9])
    expect(score).toBeCloseTo(207 - 1.015 * (7 / 2) - 73.6 * (9 / 7), 1)
  })
  it('scores short plain sentences higher than long learned ones', () => {
    const easy = kandelMoles(['Buvez de l’eau. Reposez le muscle. Cela passe vite.'])!
    const hard = kandelMoles([
      'Les contractions musculaires involontaires consécutives à une hypoglycémie nécessitent une investigation neurologique approfondie et circonstanciée.',
    ])!
    expect(easy.score).toBeGreaterThan(80)
    expect(hard.score).toBeLessThan(30)
  })
  it('returns null for a text without words', () => {
    expect(kandelMoles(['', ' … '])).toBeNull()
  })
})
