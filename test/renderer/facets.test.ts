import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { facetCounts, indexFacets, type FacetSpec } from '../../renderer/src/tables/facets'
import { conditionsOf, type Condition } from '../../shared/kb/types'
import { readKb } from '../kb/kb-files'

const entries = conditionsOf(readKb())
const specs: FacetSpec[] = [
  { id: 'category', valuesOf: (c) => [c.category] },
  { id: 'seriousness', valuesOf: (c) => [c.seriousness] },
  { id: 'scope', valuesOf: (c) => [c.scope] },
  { id: 'contexts', valuesOf: (c) => c.contexts },
]
const index = indexFacets(entries, specs)

/** Whether an entry passes a facet's filter: no option ticked, or one of its values is ticked. */
function passes(spec: FacetSpec, selected: readonly string[] | undefined, c: Condition): boolean {
  return !selected || selected.length === 0 || spec.valuesOf(c).some((v) => selected.includes(v))
}

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
const positions = entries.map((_, i) => i)

describe('facetCounts', () => {
  it('counts each option over the entries every other facet lets through, and keeps those every facet lets through', () => {
    fc.assert(
      fc.property(
        fc.subarray(positions),
        fc.record(Object.fromEntries(specs.map((s) => [s.id, fc.subarray([...valuesOf(s.id), 'nexistepas'])]))) as fc.Arbitrary<
          Record<string, string[]>
        >,
        (pool, selected) => {
          const list = pool.map((i) => entries[i]!)
          const { counts, kept } = facetCounts(index, Int32Array.from(pool), selected)
          expect(counts).toEqual(naive(list, selected))
          expect(Array.from(kept)).toEqual(pool.filter((i) => specs.every((s) => passes(s, selected[s.id], entries[i]!))))
        },
      ),
    )
  })

  it('with nothing ticked, counts every entry under each of its values and keeps the pool as it is', () => {
    const all = Int32Array.from(positions)
    const { counts, kept } = facetCounts(index, all, {})
    const total = [...(counts.get('category')?.values() ?? [])].reduce((a, b) => a + b, 0)
    expect(total).toBe(entries.length)
    expect(kept).toBe(all)
  })

  it('counts a value listed twice on one entry once', () => {
    const c = entries.find((e) => e.contexts.length > 0)!
    const twice = indexFacets([{ ...c, contexts: [c.contexts[0]!, c.contexts[0]!] }], specs)
    expect(facetCounts(twice, Int32Array.of(0), {}).counts.get('contexts')).toEqual(new Map([[c.contexts[0]!, 1]]))
  })
})
