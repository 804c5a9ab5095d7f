// Counts for the tables' faceted filters, in one pass over the entries the
// search matched: each option counts the entries that pass every other
// facet's filter (a facet never narrows its own options, so ticking a second
// category still shows what it would add). TanStack's faceted row models did
// the same with one filtered copy of the rows per facet, at every keystroke.
import type { Condition } from '../../../shared/kb/types'

export interface FacetSpec {
  id: string
  /** The entry's values for this facet (one for a closed vocabulary, several for contexts). */
  valuesOf: (c: Condition) => readonly string[]
}

/** Facet id → option value → how many entries. */
export type FacetCounts = ReadonlyMap<string, ReadonlyMap<string, number>>

/** Whether an entry passes a facet's filter: no option ticked, or one of its values is ticked. */
export function passes(spec: FacetSpec, selected: readonly string[] | undefined, c: Condition): boolean {
  return !selected || selected.length === 0 || spec.valuesOf(c).some((v) => selected.includes(v))
}

export function facetCounts(
  entries: readonly Condition[],
  specs: readonly FacetSpec[],
  selected: Readonly<Record<string, readonly string[]>>,
): FacetCounts {
  const counts = new Map(specs.map((spec) => [spec.id, new Map<string, number>()]))
  const add = (spec: FacetSpec, c: Condition) => {
    const own = counts.get(spec.id) as Map<string, number>
    for (const v of new Set(spec.valuesOf(c))) own.set(v, (own.get(v) ?? 0) + 1)
  }
  for (const c of entries) {
    let failed: FacetSpec | null = null
    let failures = 0
    for (const spec of specs) {
      if (passes(spec, selected[spec.id], c)) continue
      failures += 1
      failed = spec
      if (failures > 1) break
    }
    if (failures === 0) for (const spec of specs) add(spec, c)
    else if (failures === 1 && failed) add(failed, c)
  }
  return counts
}
