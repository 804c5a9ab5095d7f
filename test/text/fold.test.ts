import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { foldForSearch, foldWhole, matchesQuery, queryTerms } from '../../shared/text/fold'

describe('foldForSearch', () => {
  it('drops case and accents', () => {
    expect(foldForSearch('Sclérose latérale amyotrophique')).toBe('sclerose laterale amyotrophique')
    expect(foldForSearch('Hémorragie cérébrale')).toBe('hemorragie cerebrale')
    expect(foldForSearch('Épilepsies, Hypoglycémie, Maladie de Creutzfeldt-Jakob')).toBe(
      'epilepsies, hypoglycemie, maladie de creutzfeldt-jakob',
    )
    expect(foldForSearch('ÇA Ï Ô')).toBe('ca i o')
  })

  it('spells out the œ and æ ligatures, in either case', () => {
    expect(foldForSearch('cœur')).toBe('coeur')
    expect(foldForSearch('ŒDÈME')).toBe('oedeme')
    expect(foldForSearch('Lætitia')).toBe('laetitia')
    expect(foldForSearch('Æ')).toBe('ae')
  })

  it('collapses whitespace, no-break spaces included, and trims', () => {
    expect(foldForSearch('  jambes \u00a0 sans\u202frepos\n\t')).toBe('jambes sans repos')
  })

  it('reads the typographic apostrophe as the plain one', () => {
    expect(foldForSearch('l’alcool')).toBe("l'alcool")
  })

  it('folds character by character exactly as the whole string is folded (fast-check)', () => {
    // French text, Latin letters typed with their accents apart, Greek, any Unicode, and spaces of every kind.
    const french = fc.constantFrom(..."aàâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔŒÆ’'«»—–…-.,;:!?()°0123456789 \u00a0\u202f\u2009\t\n".split(''))
    const other = fc.constantFrom('e\u0301', 'ΣΑΣ', 'σ', 'İ', 'ß', 'ǅ', 'ﬁ', '\u200b', '😀', '\ud800', 'Ω', 'ſ', '\u0130')
    const text = fc
      .array(fc.oneof(french, french, other, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 })
      .map((p) => p.join(''))
    fc.assert(
      fc.property(text, (s) => {
        expect(foldForSearch(s)).toBe(foldWhole(s))
      }),
      { numRuns: 2000 },
    )
    for (let cp = 0; cp < 0x2070; cp++) expect(foldForSearch(String.fromCharCode(cp))).toBe(foldWhole(String.fromCharCode(cp)))
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = foldForSearch(s)
        expect(foldForSearch(once)).toBe(once)
      }),
    )
  })
})

describe('queryTerms', () => {
  it('splits the folded query on whitespace', () => {
    expect(queryTerms('  Sclérose   EN\u00a0plaques ')).toEqual(['sclerose', 'en', 'plaques'])
    expect(queryTerms('   ')).toEqual([])
  })
})

describe('matchesQuery', () => {
  it('finds accented text from unaccented queries and the reverse', () => {
    expect(matchesQuery(['sclérose en plaques'], 'sclerose')).toBe(true)
    expect(matchesQuery(['Hémorragie cérébrale'], 'hemorragie')).toBe(true)
    expect(matchesQuery(['Maladie du cœur'], 'coeur')).toBe(true)
    expect(matchesQuery(['Maladie du coeur'], 'CŒUR')).toBe(true)
    expect(matchesQuery(['Hypoglycemie'], 'hypoglycémie')).toBe(true)
  })

  it('needs every term, each in some haystack', () => {
    const haystacks = ['Sclérose en plaques', 'G35', 'Neurologique']
    expect(matchesQuery(haystacks, 'plaques sclerose')).toBe(true)
    expect(matchesQuery(haystacks, 'sclérose neuro')).toBe(true)
    expect(matchesQuery(haystacks, 'g35 plaques')).toBe(true)
    expect(matchesQuery(haystacks, 'sclérose latérale')).toBe(false)
    expect(matchesQuery(haystacks, 'parkinson')).toBe(false)
  })

  it('does not join haystacks into one string', () => {
    expect(matchesQuery(['jambes', 'sans repos'], 'jambes sans')).toBe(true)
    expect(matchesQuery(['jambes', 'sans repos'], 'jambessans')).toBe(false)
    expect(matchesQuery(['jambes', 'sans repos'], 'es sa')).toBe(true)
  })

  it('matches everything with an empty or blank query, nothing with no haystack', () => {
    expect(matchesQuery(['Déshydratation'], '')).toBe(true)
    expect(matchesQuery(['Déshydratation'], ' \u00a0 ')).toBe(true)
    expect(matchesQuery([], 'deshydratation')).toBe(false)
  })

  it('finds any slice of the folded text it searches', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), fc.nat(), (s, a, b) => {
        const folded = foldForSearch(s)
        const i = a % (folded.length + 1)
        const j = b % (folded.length + 1)
        const term = folded.slice(Math.min(i, j), Math.max(i, j))
        expect(matchesQuery([s], term)).toBe(true)
      }),
    )
  })
})
