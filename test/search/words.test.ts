// The words clinicians type (shared/search/words.ts and the entries' search
// vocabulary): CIM-10 codes with or without their dot, every search term of
// the knowledge base, singular and plural alike, the subject's own words left
// out, and what Mollet says of cramps.
import { describe, expect, it } from 'vitest'
import { conditionMatches, searchEntries } from '../../shared/search/conditions'
import { searchNotes, searchTerms } from '../../shared/search/words'
import { conditionsOf } from '../../shared/kb/types'
import { readKb } from '../kb/kb-files'

const conditions = conditionsOf(readKb())
const found = (query: string): string[] => searchEntries(conditions, query, (c) => c).matches.map((c) => c.id)

describe('the words clinicians type', () => {
  it('every CIM-10 code finds its entry, with and without its dot, in any case', () => {
    const coded = conditions.filter((c) => c.icd10 !== null)
    expect(coded.length).toBeGreaterThan(15)
    for (const c of coded) {
      const code = c.icd10!.code
      for (const typed of [code, code.replace('.', ''), code.toLowerCase()]) expect(found(typed), typed).toContain(c.id)
    }
    expect(found('G35')).toEqual(['sclerose-en-plaques'])
    expect(found('e834')).toContain('carence-magnesium')
  })

  it('every search term of the knowledge base finds its entry, singular or plural, accents and case aside', () => {
    for (const c of conditions) {
      expect(c.searchTerms?.length ?? 0, c.id).toBeGreaterThan(0)
      for (const term of c.searchTerms ?? []) {
        expect(conditionMatches(c, term), `${c.id}: ${term}`).toBe(true)
        expect(conditionMatches(c, term.toUpperCase()), `${c.id}: ${term}`).toBe(true)
      }
    }
  })

  it('finds what the issue’s clinicians typed and found nothing for', () => {
    expect(found('sciatique')).toEqual(expect.arrayContaining(['hernie-discale-lombaire', 'compression-nerveuse']))
    expect(found('sciatiques')).toEqual(found('sciatique'))
    expect(found('Mg')).toContain('carence-magnesium')
    expect(found('anxiété')).toContain('stress-eleve')
    expect(found('anxiete')).toEqual(found('ANXIÉTÉ'))
    expect(found('diurétiques')).toEqual(['effets-secondaires-medicaments'])
    expect(found('SEP')).toContain('sclerose-en-plaques')
  })

  it('reads the subject’s own words as no filter, and says so', () => {
    expect(searchTerms('fasciculations du mollet')).toEqual(['du'])
    expect(found('fasciculations')).toHaveLength(conditions.length)
    expect(found('fasciculation sciatique')).toEqual(found('sciatique'))
    expect(found('R25.3')).toHaveLength(conditions.length)
    expect(searchNotes('fasciculations')).toHaveLength(1)
    expect(searchNotes('fasciculations')[0]).toContain('«\u00a0fasciculations\u00a0»')
    expect(searchNotes('hernie')).toEqual([])
  })

  it('says that the article sends cramps elsewhere; nothing is found for them', () => {
    expect(found('crampes')).toEqual([])
    const [note] = searchNotes('Crampe')
    expect(note).toContain('En savoir plus sur le sujet\u00a0: crampes')
    expect(note).toContain('Mollet ne les couvre pas')
  })
})
