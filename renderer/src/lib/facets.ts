// Counts for the tables' faceted filters, in one pass over the entries the
// search matched: each option counts the entries that pass every other
// facet's filter (a facet never narrows its own options, so ticking a second
// category still shows what it would add). TanStack's faceted row models did
// the same with one filtered copy of the rows per facet, at every keystroke.
import type { ConditionSummary } from '../../../shared/kb/types'

export interface FacetSpec {
  id: string
  /** The entry's values for this facet (one for a closed vocabulary, several for contexts). */
  valuesOf: (c: ConditionSummary) => readonly string[]
}

/** Facet id → option value → how many entries. */
export type FacetCounts = ReadonlyMap<string, ReadonlyMap<string, number>>

/** Whether an entry passes a facet's filter: no option ticked, or one of its values is ticked. */
export function passes(spec: FacetSpec, selected: readonly string[] | undefined, c: ConditionSummary): boolean {
  return !selected || selected.length === 0 || spec.valuesOf(c).some((v) => selected.includes(v))
}

export function facetCounts(
  entries: readonly ConditionSummary[],
  specs: readonly FacetSpec[],
  selected: Readonly<Record<string, readonly string[]>>,
): FacetCounts {
  const counts = specs.map(() => new Map<string, number>())
  // Only the facets with a ticked option can turn an entry away; the others are skipped in the test below.
  const active = specs.flatMap((spec, i) => {
    const ticked = selected[spec.id]
    return ticked && ticked.length > 0 ? [{ spec, i, ticked }] : []
  })
  const add = (i: number, c: ConditionSummary) => {
    const own = counts[i] as Map<string, number>
    const values = (specs[i] as FacetSpec).valuesOf(c)
    for (let k = 0; k < values.length; k++) {
      const v = values[k] as string
      // A value listed twice on one entry counts once.
      if (values.indexOf(v) === k) own.set(v, (own.get(v) ?? 0) + 1)
    }
  }
  for (const c of entries) {
    let failed = -1
    let failures = 0
    for (const { spec, i, ticked } of active) {
      if (spec.valuesOf(c).some((v) => ticked.includes(v))) continue
      failures += 1
      failed = i
      if (failures > 1) break
    }
    if (failures === 0) for (let i = 0; i < specs.length; i++) add(i, c)
    else if (failures === 1) add(failed, c)
  }
  return new Map(specs.map((spec, i) => [spec.id, counts[i] as Map<string, number>]))
}
