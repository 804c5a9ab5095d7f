// The conditions table's filtered row model (renderer/src/tables/keptRows.ts), in the table the app makes.
import { describe, expect, it, vi } from 'vitest'
import { renderToString } from 'react-dom/server'
import fc from 'fast-check'
import { createSortedRowModel, useTable, type SortingState } from '@tanstack/react-table'
import { conditionColumns, conditionFeatures } from '../../renderer/src/tables/conditionColumns'
import { indexKnowledgeBase } from '../../renderer/src/lib/kbIndex'
import { keptRows } from '../../renderer/src/tables/keptRows'
import { readKb } from '../kb/kb-files'

// The article plays no part in the tables.
const index = indexKnowledgeBase({ ...readKb(), article: '' })
const entries = index.kb.causes
const columns = conditionColumns(index)

type ConditionTable = ReturnType<typeof useTable<typeof conditionFeatures, (typeof entries)[number]>>

/** Positions as the search and the facets give them. */
const at = (positions: readonly number[]) => Int32Array.from(positions)

/** Renders the table once (on the server: no DOM needed) and hands it to `got`. */
function Probe({ kept, sorting, got }: { kept: readonly number[] | undefined; sorting: SortingState; got: (t: ConditionTable) => void }) {
  got(
    useTable({
      features: conditionFeatures,
      columns,
      data: entries,
      getRowId: (c) => c.id,
      meta: { kept: kept && at(kept) },
      state: { sorting },
    }),
  )
  return null
}

function tableOf(kept: readonly number[] | undefined, sorting: SortingState = []): ConditionTable {
  let made: ConditionTable | undefined
  renderToString(<Probe kept={kept} sorting={sorting} got={(t) => (made = t)} />)
  if (!made) throw new Error('no table')
  return made
}

/** TanStack's own sorted row model, given only the kept entries (the same slots otherwise, so typed as the app's). */
const stockFeatures = { ...conditionFeatures, sortedRowModel: createSortedRowModel() } as unknown as typeof conditionFeatures

function StockProbe({ data, sorting, got }: { data: typeof entries; sorting: SortingState; got: (ids: string[]) => void }) {
  const table = useTable({ features: stockFeatures, columns, data, getRowId: (c) => c.id, state: { sorting } })
  got(table.getRowModel().rows.map((r) => r.id))
  return null
}

function stockOrder(kept: readonly number[], sorting: SortingState): string[] {
  let ids: string[] = []
  renderToString(<StockProbe data={kept.map((i) => entries[i]!)} sorting={sorting} got={(got) => (ids = got)} />)
  return ids
}

describe('the kept row model', () => {
  it('shows the rows at the kept positions, in their order', () => {
    const kept = [0, 2, 5, entries.length - 1]
    const model = tableOf(kept).getRowModel()
    expect(model.rows.map((r) => r.original)).toEqual(kept.map((i) => entries[i]))
    expect(model.flatRows).toEqual(model.rows)
    expect(model.rowsById[entries[2]!.id]?.original).toBe(entries[2])
    expect(model.rowsById[entries[1]!.id]).toBeUndefined()
  })

  it('takes its rows from the core row model, which a new set of positions does not rebuild', () => {
    const table = tableOf([1, 3])
    const core = table.getCoreRowModel()
    expect(table.getRowModel().rows).toEqual([core.rows[1], core.rows[3]])
    table.setOptions((o) => ({ ...o, meta: { kept: Int32Array.of(3) } }))
    expect(table.getRowModel().rows).toEqual([core.rows[3]])
    expect(table.getCoreRowModel()).toBe(core)
  })

  it('sorts the kept rows, and only them', () => {
    const kept = entries.map((_, i) => i).filter((i) => i % 3 === 0)
    const names = tableOf(kept, [{ id: 'name', desc: true }])
      .getRowModel()
      .rows.map((r) => r.original.name)
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })
    expect(names).toEqual(kept.map((i) => entries[i]!.name).sort((a, b) => collator.compare(b, a)))
  })

  it('is the whole list with every position, or with none given', () => {
    const core = tableOf(undefined).getCoreRowModel()
    expect(keptRows(core, undefined)).toBe(core)
    expect(keptRows(core, at(entries.map((_, i) => i)))).toBe(core)
    expect(keptRows(core, at([])).rows).toEqual([])
  })

  it('orders the kept rows as TanStack’s sorted row model orders them, for any sort and any kept rows', () => {
    const sortable = ['name', 'category', 'seriousness', 'scope', 'referral', 'icd10']
    fc.assert(
      fc.property(fc.subarray(entries.map((_, i) => i)), fc.constantFrom(...sortable), fc.boolean(), (kept, id, desc) => {
        const sorting = [{ id, desc }]
        expect(
          tableOf(kept, sorting)
            .getRowModel()
            .rows.map((r) => r.id),
        ).toEqual(stockOrder(kept, sorting))
      }),
      { numRuns: 60 },
    )
  })

  /** How many comparisons the name column's collator makes while `work` runs. */
  function comparisons(work: () => void): number {
    const compare = Object.getOwnPropertyDescriptor(Intl.Collator.prototype, 'compare')?.get
    let compared = 0
    const spy = vi.spyOn(Intl.Collator.prototype, 'compare', 'get').mockImplementation(function (this: Intl.Collator) {
      compared += 1
      return compare?.call(this) as Intl.Collator['compare']
    })
    try {
      work()
    } finally {
      spy.mockRestore()
    }
    return compared
  }

  it('sorts a few kept rows alone: a sort asked for during a narrow search does not sort the whole list', () => {
    const table = tableOf([3, 7], [{ id: 'name', desc: false }])
    // Sorting n rows takes at least n − 1 comparisons: the whole list would take more than this.
    expect(comparisons(() => table.getRowModel())).toBeLessThan(entries.length - 1)
    expect(table.getRowModel().rows.map((r) => r.original)).toEqual(
      [entries[3]!, entries[7]!].sort((a, b) => new Intl.Collator('fr', { sensitivity: 'base', numeric: true }).compare(a.name, b.name)),
    )
  })

  it('a search typed on after a sort picks from the sorted matches; other rows coming in sort again', () => {
    const table = tableOf([1, 4, 7, 10, 12], [{ id: 'name', desc: false }])
    expect(comparisons(() => table.getRowModel())).toBeLessThan(entries.length - 1)
    table.setOptions((o) => ({ ...o, meta: { kept: at([4, 10]) } }))
    expect(comparisons(() => table.getRowModel())).toBe(0)
    table.setOptions((o) => ({ ...o, meta: { kept: at([4, 5]) } }))
    expect(comparisons(() => table.getRowModel())).toBeGreaterThan(0)
  })

  it('orders any sequence of kept rows, one table, as TanStack’s sorted row model orders each', () => {
    const positions = entries.map((_, i) => i)
    fc.assert(
      fc.property(
        fc.constantFrom('name', 'category', 'seriousness', 'icd10'),
        fc.boolean(),
        fc.array(fc.oneof(fc.subarray(positions, { maxLength: 6 }), fc.subarray(positions)), { minLength: 1, maxLength: 6 }),
        (id, desc, steps) => {
          const sorting = [{ id, desc }]
          const table = tableOf(steps[0], sorting)
          for (const kept of steps) {
            table.setOptions((o) => ({ ...o, meta: { kept: at(kept) } }))
            expect(table.getRowModel().rows.map((r) => r.id)).toEqual(stockOrder(kept, sorting))
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('once the whole list is sorted, a new set of kept rows is picked from it, not sorted again', () => {
    const table = tableOf(undefined, [{ id: 'name', desc: false }])
    expect(comparisons(() => table.getRowModel())).toBeGreaterThanOrEqual(entries.length - 1)
    table.setOptions((o) => ({ ...o, meta: { kept: at([1, 2]) } }))
    expect(comparisons(() => table.getRowModel())).toBe(0)
    table.setOptions((o) => ({ ...o, meta: { kept: at(entries.map((_, i) => i).filter((i) => i % 2 === 0)) } }))
    expect(comparisons(() => table.getRowModel())).toBe(0)
    // Another sort does sort (the count above is not blind).
    table.setOptions((o) => ({ ...o, state: { ...o.state, sorting: [{ id: 'name', desc: true }] } }))
    expect(comparisons(() => table.getRowModel())).toBeGreaterThan(0)
  })
})
