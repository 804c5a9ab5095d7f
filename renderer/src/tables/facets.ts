// Counts for the tables' faceted filters, in one pass over the entries the
// search matched: each option counts the entries that pass every other
// facet's filter (a facet never narrows its own options, so ticking a second
// category still shows what it would add). The same pass keeps the entries
// that pass every facet: the rows the table shows. TanStack's faceted row
// models did the same with one filtered copy of the rows per facet, at every
// keystroke.
import type { ConditionSummary } from '@shared/kb/types'
import type { Positions } from '@shared/search/conditions'

export interface FacetSpec {
  id: string
  /** The entry's values for this facet (one for a closed vocabulary, several for contexts). */
  valuesOf: (c: ConditionSummary) => readonly string[]
}

/** Facet id → option value → how many entries. */
export type FacetCounts = ReadonlyMap<string, ReadonlyMap<string, number>>

/**
 * The list's values for each facet as small integers, read once per list: a
 * keystroke then counts with array reads, without calling `valuesOf` (which
 * makes an array) for every entry.
 */
export interface FacetIndex {
  ids: readonly string[]
  /** Per facet, its distinct values: a value's code is its position here. */
  values: readonly (readonly string[])[]
  /** Per facet, entry i's codes are codes[starts[i]] … codes[starts[i + 1] − 1], each once. */
  starts: readonly Uint32Array[]
  codes: readonly Uint32Array[]
}

export function indexFacets(entries: readonly ConditionSummary[], specs: readonly FacetSpec[]): FacetIndex {
  const seen = specs.map(() => new Map<string, number>())
  const starts = specs.map(() => new Uint32Array(entries.length + 1))
  const lists = specs.map((): number[] => [])
  // One pass over the entries for every facet: at 100,000 entries, each pass costs its cache misses.
  for (let i = 0; i < entries.length; i++) {
    const c = entries[i] as ConditionSummary
    for (let f = 0; f < specs.length; f++) {
      const own = (specs[f] as FacetSpec).valuesOf(c)
      const codes = seen[f] as Map<string, number>
      const list = lists[f] as number[]
      ;(starts[f] as Uint32Array)[i] = list.length
      for (let k = 0; k < own.length; k++) {
        const v = own[k] as string
        // A value listed twice on one entry counts once.
        if (own.indexOf(v) !== k) continue
        let code = codes.get(v)
        if (code === undefined) {
          code = codes.size
          codes.set(v, code)
        }
        list.push(code)
      }
    }
  }
  specs.forEach((_, f) => {
    ;(starts[f] as Uint32Array)[entries.length] = (lists[f] as number[]).length
  })
  return {
    ids: specs.map((spec) => spec.id),
    values: seen.map((codes) => [...codes.keys()]),
    starts,
    codes: lists.map((list) => Uint32Array.from(list)),
  }
}

export interface FacetPass {
  counts: FacetCounts
  /** The positions of `pool` that pass every facet, in its order (`pool` itself when no option is ticked). */
  kept: Positions
}

/** What an entry passes: every facet, or all but one (the facet's number), or NONE: two or more fail it. */
const ALL = -1
const NONE = -2

/**
 * The counts over `pool` (positions in the indexed list, e.g. the search's
 * matches) with the options `selected` (facet id → ticked values) ticked, and
 * the positions every facet lets through.
 */
export function facetCounts(index: FacetIndex, pool: Positions, selected: Readonly<Record<string, readonly string[]>>): FacetPass {
  const { ids, values, starts, codes } = index
  const tallies = values.map((v) => new Uint32Array(v.length))
  // Only the facets with a ticked option can turn an entry away: one flag per code of theirs.
  const active: { f: number; ticked: Uint8Array }[] = []
  ids.forEach((id, f) => {
    const wanted = selected[id]
    if (!wanted || wanted.length === 0) return
    const ticked = new Uint8Array((values[f] as string[]).length)
    ;(values[f] as string[]).forEach((v, code) => {
      if (wanted.includes(v)) ticked[code] = 1
    })
    active.push({ f, ticked })
  })
  // Per position of the pool, what it passes: failing one facet only, it still counts for that one.
  const filtering = active.length > 0
  const fails = filtering ? new Int8Array(pool.length) : null
  const kept = new Int32Array(filtering ? pool.length : 0)
  let keptCount = 0
  if (fails) {
    for (let p = 0; p < pool.length; p++) {
      const i = pool[p] as number
      let failed = ALL
      for (let a = 0; a < active.length && failed !== NONE; a++) {
        const { f, ticked } = active[a] as { f: number; ticked: Uint8Array }
        const start = starts[f] as Uint32Array
        const code = codes[f] as Uint32Array
        let hit = false
        for (let k = start[i] as number; k < (start[i + 1] as number) && !hit; k++) hit = ticked[code[k] as number] === 1
        if (!hit) failed = failed === ALL ? f : NONE
      }
      fails[p] = failed
      if (failed === ALL) kept[keptCount++] = i
    }
  }
  // One facet at a time: a tight loop over typed arrays.
  ids.forEach((_, f) => {
    const own = tallies[f] as Uint32Array
    const start = starts[f] as Uint32Array
    const code = codes[f] as Uint32Array
    for (let p = 0; p < pool.length; p++) {
      if (fails && fails[p] !== ALL && fails[p] !== f) continue
      const i = pool[p] as number
      for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
        const c = code[k] as number
        own[c] = (own[c] as number) + 1
      }
    }
  })
  const counts = new Map(
    ids.map((id, f) => {
      const own = new Map<string, number>()
      ;(tallies[f] as Uint32Array).forEach((n, code) => {
        if (n > 0) own.set((values[f] as string[])[code] as string, n)
      })
      return [id, own] as const
    }),
  )
  // With nothing ticked every entry passes: `pool` is the answer, not a copy of it.
  return { counts, kept: filtering ? kept.slice(0, keptCount) : pool }
}
