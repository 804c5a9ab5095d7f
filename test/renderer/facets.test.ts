import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { facetCounts, passes, type FacetSpec } from '../../renderer/src/lib/facets'
import { conditionsOf, type Condition } from '../../shared/kb/types'
import { readKb } from '../kb/kb-files'

const entries = conditionsOf(readKb())
const specs: FacetSpec[] = [
  { id: 'category', valuesOf: (c) => [c.category] },
  { id: 'seriousness', valuesOf: (c) => [c.seriousness] },
  { id: 'scope', valuesOf: (c) => [c.scope] },
  { id: 'contexts', valuesOf: (c) => c.contexts },
]

/** The definition, spelled out: for each facet, filter by every other facet, then count its values. */
function naive(list: readonly Condition[], selected: Record<string, string[]>) {
  return new Map(
    specs.map((spec) => {
      const others = list.filter((c) => specs.every((s) => s === spec || passes(s, selected[s.id], c)))
      const own = new Map<string, number>()
      for (const c of others) for (const v of new Set(spec.valuesOf(c))) own.set(v, (own.get(v) ?? 0) + 1)
      return [spec.id, own] as const
    }),
  )
}

const valuesOf = (id: string) => [...new Set(entries.flatMap((c) => specs.find((s) => s.id === id)!.valuesOf(c)))]

describe('facetCounts', () => {
  it('counts each option over the entries every other facet lets through', () => {
    fc.assert(
      fc.property(
        fc.subarray([...entries]),
        fc.record(Object.fromEntries(specs.map((s) => [s.id, fc.subarray(valuesOf(s.id))]))) as fc.Arbitrary<Record<string, string[]>>,
        (list, selected) => {
          expect(facetCounts(list, specs, selected)).toEqual(naive(list, selected))
        },
      ),
    )
  })

  it('with nothing ticked, counts every entry under each of its values', () => {
    const counts = facetCounts(entries, specs, {})
    const total = [...(counts.get('category')?.values() ?? [])].reduce((a, b) => a + b, 0)
    expect(total).toBe(entries.length)
  })
})
