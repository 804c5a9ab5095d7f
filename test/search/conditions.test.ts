import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { conditionMatches, prepareSearch, searchEntries, searchFields } from '../../shared/search/conditions'
import { foldForSearch } from '../../shared/text/fold'
import { conditionsOf } from '../../shared/kb/types'
import { readKb } from '../kb/kb-files'

const conditions = conditionsOf(readKb())
const itself = <T>(x: T): T => x

describe('the condition search', () => {
  it('finds an entry by its name, an alias or its category, accents and case ignored', () => {
    const withAlias = conditions.find((c) => c.aliases.length > 0)!
    expect(conditionMatches(withAlias, withAlias.name.toUpperCase())).toBe(true)
    expect(conditionMatches(withAlias, foldForSearch(withAlias.aliases[0]!))).toBe(true)
    expect(conditionMatches(conditions[0]!, 'zzz-nulle-part')).toBe(false)
    expect(conditionMatches(conditions[0]!, '   ')).toBe(true)
  })

  it('finds, for any query, exactly the entries whose text holds every term (the bits only skip)', () => {
    // Letters alone and pairs of letters (answered by the bits), digits (which share bits), what has no bit of its own.
    const pieces = fc.constantFrom('a', 'e', 'z', 'q', 'd', 'é', 'Œ', '0', '5', '7', "'", '’', '-', ' ', 'x', 'tion', 'mu', '3k')
    const words = conditions.flatMap((c) => searchFields(c).flatMap((f) => foldForSearch(f).split(' ')))
    const query = fc.oneof(
      fc.array(pieces, { maxLength: 6 }).map((p) => p.join('')),
      fc.tuple(fc.constantFrom(...words), fc.nat(8), fc.nat(8)).map(([w, a, b]) => w.slice(Math.min(a, b), Math.max(a, b) + 1)),
      fc.string({ maxLength: 6 }),
    )
    fc.assert(
      fc.property(query, (q) => {
        const found = searchEntries(conditions, q, itself).matches.map((c) => c.id)
        expect(found).toEqual(conditions.filter((c) => conditionMatches(c, q)).map((c) => c.id))
      }),
      { numRuns: 400 },
    )
  })

  it('never lets a term span two fields', () => {
    const c = conditions[0]!
    const [first, second] = searchFields(c).map(foldForSearch)
    const across = `${first!.slice(-2)}${second!.slice(0, 2)}`
    if (!searchFields(c).some((f) => foldForSearch(f).includes(across))) expect(conditionMatches(c, across)).toBe(false)
  })

  it('gives, typing on from a previous result, exactly what a fresh search gives', () => {
    const words = conditions.flatMap((c) => foldForSearch(c.name).split(' ')).filter((w) => w.length > 0)
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.nat(6), fc.constantFrom('', ' ', ' a', 'e', 'x'), (word, cut, extra) => {
        const before = word.slice(0, cut)
        const after = `${word}${extra}`
        const previous = searchEntries(conditions, before, itself)
        const typedOn = searchEntries(conditions, after, itself, previous)
        const fresh = searchEntries(conditions, after, itself)
        expect(typedOn.matches).toEqual(fresh.matches)
        expect(fresh.matches).toEqual(conditions.filter((c) => conditionMatches(c, after)))
      }),
    )
  })

  it('searches the whole list again when the query is not an extension, or the list changed', () => {
    const first = searchEntries(conditions, 'crampe', itself)
    const other = searchEntries(conditions, 'sclerose', itself, first)
    expect(other.matches).toEqual(conditions.filter((c) => conditionMatches(c, 'sclerose')))
    const shorter = [...conditions].reverse()
    expect(searchEntries(shorter, 'crampes', itself, first).matches).toEqual(shorter.filter((c) => conditionMatches(c, 'crampes')))
  })

  it('gives, after any run of queries each searched from the last result, what a fresh search gives', () => {
    const words = conditions.flatMap((c) => foldForSearch(c.name).split(' ')).filter((w) => w.length > 0)
    const edits = fc.oneof(
      fc.constantFrom(...words).map((w) => (q: string) => `${q}${w.slice(0, 3)}`),
      fc.constantFrom(' ', 'e', 'x', 'a').map((ch) => (q: string) => `${q}${ch}`),
      fc.constant((q: string) => q.slice(0, -1)),
      fc.constant(() => ''),
    )
    fc.assert(
      fc.property(fc.array(edits, { maxLength: 25 }), (steps) => {
        let query = ''
        let last = searchEntries(conditions, query, itself)
        for (const step of steps) {
          query = step(query)
          last = searchEntries(conditions, query, itself, last)
          const fresh = conditions.filter((c) => conditionMatches(c, query))
          expect(last.matches).toEqual(fresh)
          expect(Array.from(last.indices, (i) => conditions[i])).toEqual(fresh)
        }
      }),
    )
  })

  it('finds the result of an earlier query again as one erases back to it', () => {
    const c = searchEntries(conditions, 'c', itself)
    const cr = searchEntries(conditions, 'cr', itself, c)
    const cra = searchEntries(conditions, 'cra', itself, cr)
    expect(searchEntries(conditions, 'cr', itself, cra)).toBe(cr)
    expect(searchEntries(conditions, ' C ', itself, cra)).toBe(c)
    expect(searchEntries(conditions, 'cro', itself, cra).parent).toBe(cr)
  })

  it('folds a list ahead of its first search a slice at a time, and the search folds what is left', () => {
    const list = [...conditions]
    const slice = (n: number) => () => n-- > 0
    expect(prepareSearch(list, itself, slice(5))).toBe(false)
    expect(prepareSearch(list, itself, slice(5))).toBe(list.length <= 10)
    expect(searchEntries(list, 'crampe', itself).matches).toEqual(list.filter((c) => conditionMatches(c, 'crampe')))
    expect(prepareSearch(list, itself, () => false)).toBe(true)
    const other = [...conditions]
    let slices = 0
    while (!prepareSearch(other, itself, slice(4))) slices += 1
    expect(slices).toBe(Math.ceil(other.length / 4) - 1)
  })
})
