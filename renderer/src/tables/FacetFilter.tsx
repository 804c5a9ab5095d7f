// A faceted filter: one checkbox per option with how many entries have it,
// given the other active filters and the search.
import { memo } from 'react'
import type { Column } from '@tanstack/react-table'
import type { ConditionSummary } from '@shared/kb/types'
import type { ConditionFeatures, FacetOption } from './conditionColumns'

type FacetColumn = Column<ConditionFeatures, ConditionSummary, unknown>

export interface FacetFilterProps {
  column: FacetColumn
  label: string
  options: FacetOption[]
  /** Option value → entries it would show (renderer/src/tables/facets.ts). */
  counts: ReadonlyMap<string, number> | undefined
}

export function FacetFilter({ column, label, options, counts }: FacetFilterProps) {
  const selected = (column.getFilterValue() as string[] | undefined) ?? []
  return (
    <fieldset className="facet" data-facet={column.id}>
      <legend>{label}</legend>
      {options.map((option) => {
        const n = counts?.get(option.value) ?? 0
        const checked = selected.includes(option.value)
        return (
          <label key={option.value} className={`facet-option${n === 0 && !checked ? ' facet-empty' : ''}`}>
            <FacetBox column={column} value={option.value} checked={checked} />
            <span className="facet-label">{option.label}</span>
            <span className="facet-count">{n}</span>
          </label>
        )
      })}
    </fieldset>
  )
}

/** The checkbox alone: a keystroke changes the counts beside it, seldom whether it is ticked. */
const FacetBox = memo(function FacetBox({ column, value, checked }: { column: FacetColumn; value: string; checked: boolean }) {
  const toggle = (on: boolean) =>
    column.setFilterValue((old: string[] | undefined) => {
      const rest = (old ?? []).filter((v) => v !== value)
      return on ? [...rest, value] : rest
    })
  return <input type="checkbox" checked={checked} onChange={(e) => toggle(e.target.checked)} />
})
