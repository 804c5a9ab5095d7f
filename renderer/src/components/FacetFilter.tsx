// A faceted filter: one checkbox per option with how many entries have it,
// given the other active filters and the search.
import type { Column } from '@tanstack/react-table'
import type { ConditionSummary } from '../../../shared/kb/types'
import type { ConditionFeatures, FacetOption } from './conditionColumns'

export interface FacetFilterProps {
  column: Column<ConditionFeatures, ConditionSummary, unknown>
  label: string
  options: FacetOption[]
  /** Option value → entries it would show (renderer/src/lib/facets.ts). */
  counts: ReadonlyMap<string, number> | undefined
}

export function FacetFilter({ column, label, options, counts }: FacetFilterProps) {
  const selected = (column.getFilterValue() as string[] | undefined) ?? []
  const toggle = (value: string, on: boolean) =>
    column.setFilterValue((old: string[] | undefined) => {
      const rest = (old ?? []).filter((v) => v !== value)
      return on ? [...rest, value] : rest
    })
  return (
    <fieldset className="facet" data-facet={column.id}>
      <legend>{label}</legend>
      {options.map((option) => {
        const n = counts?.get(option.value) ?? 0
        const checked = selected.includes(option.value)
        return (
          <label key={option.value} className={`facet-option${n === 0 && !checked ? ' facet-empty' : ''}`}>
            <input type="checkbox" checked={checked} onChange={(e) => toggle(option.value, e.target.checked)} />
            <span className="facet-label">{option.label}</span>
            <span className="facet-count">{n}</span>
          </label>
        )
      })}
    </fieldset>
  )
}
