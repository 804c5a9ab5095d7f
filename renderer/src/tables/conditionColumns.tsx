// The columns of the conditions table (causes and differentials), their sort
// orders and their faceted filters.
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  type FilterFn,
  type Row,
  type SortFn,
} from '@tanstack/react-table'
import type { ConditionSummary } from '@shared/kb/types'
import { CATEGORIES, CONTEXT_GROUP, FIELD_LABELS, REFERRALS, SCOPES, SERIOUSNESS } from '@shared/kb/vocabulary'
import { findingLabel, type KbIndex } from '../lib/kbIndex'
import { createKeptRowModel, createKeptSortedRowModel, type KeptRowsMeta } from './keptRows'
import { SeriousnessBadge } from '../lib/SeriousnessBadge'

export interface FacetOption {
  value: string
  label: string
}

export interface ConditionColumnMeta {
  /** Present when the column has a faceted filter: its options, in display order, and an entry's values for it. */
  facet?: {
    label: string
    options: (entries: readonly ConditionSummary[]) => FacetOption[]
    valuesOf: (c: ConditionSummary) => readonly string[]
  }
}

// The search and the facets filter outside the table, in one pass (facets.ts); the table shows
// the rows they keep, in the order of the whole list sorted once per sort (keptRows.ts).
export const conditionFeatures = tableFeatures({
  columnFilteringFeature,
  filteredRowModel: createKeptRowModel(),
  rowSortingFeature,
  sortedRowModel: createKeptSortedRowModel(),
  columnVisibilityFeature,
  columnMeta: {} as ConditionColumnMeta,
  tableMeta: {} as KeptRowsMeta,
})

export type ConditionFeatures = typeof conditionFeatures
export type ConditionRow = Row<ConditionFeatures, ConditionSummary>

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

/** Sorts by the French collation of a label derived from the row. */
function byText(text: (c: ConditionSummary) => string): SortFn<ConditionFeatures, ConditionSummary> {
  return (a, b) => collator.compare(text(a.original), text(b.original))
}

/** Sorts by the order of a closed vocabulary (e.g. bénin < à évaluer < grave). */
function byRank(record: object, value: (c: ConditionSummary) => string): SortFn<ConditionFeatures, ConditionSummary> {
  const keys = Object.keys(record)
  return (a, b) => keys.indexOf(value(a.original)) - keys.indexOf(value(b.original))
}

/**
 * A facet's filter as TanStack's column filtering knows it: only so that unticking the last
 * option removes the filter. The rows are kept by facets.ts, with the search, outside the table.
 */
const facetFilter: FilterFn<ConditionFeatures, ConditionSummary> = () => true
facetFilter.autoRemove = (value) => !Array.isArray(value) || value.length === 0

/** Options of a closed vocabulary that occur in the entries, in vocabulary order. */
function vocabularyOptions(record: Record<string, string>, value: (c: ConditionSummary) => string) {
  return (entries: readonly ConditionSummary[]): FacetOption[] => {
    const present = new Set(entries.map(value))
    return Object.entries(record)
      .filter(([key]) => present.has(key))
      .map(([key, label]) => ({ value: key, label }))
  }
}

const helper = createColumnHelper<ConditionFeatures, ConditionSummary>()

export function conditionColumns(index: KbIndex) {
  const contextOptions = (entries: readonly ConditionSummary[]): FacetOption[] => {
    const present = new Set(entries.flatMap((c) => c.contexts))
    return index.kb.findings.filter((f) => f.group === CONTEXT_GROUP && present.has(f.id)).map((f) => ({ value: f.id, label: f.label }))
  }
  return helper.columns([
    helper.accessor('name', {
      header: FIELD_LABELS.name,
      enableHiding: false,
      sortFn: byText((c) => c.name),
      cell: ({ row }) => (
        <>
          <span className="entry-name">{row.original.name}</span>
          {row.original.aliases.length > 0 && <span className="entry-aliases">{row.original.aliases.join(' · ')}</span>}
        </>
      ),
    }),
    helper.accessor('category', {
      header: FIELD_LABELS.category,
      sortFn: byText((c) => CATEGORIES[c.category]),
      filterFn: facetFilter,
      meta: {
        facet: { label: FIELD_LABELS.category, options: vocabularyOptions(CATEGORIES, (c) => c.category), valuesOf: (c) => [c.category] },
      },
      cell: ({ row }) => CATEGORIES[row.original.category],
    }),
    helper.accessor('seriousness', {
      header: FIELD_LABELS.seriousness,
      sortFn: byRank(SERIOUSNESS, (c) => c.seriousness),
      filterFn: facetFilter,
      meta: {
        facet: {
          label: FIELD_LABELS.seriousness,
          options: vocabularyOptions(SERIOUSNESS, (c) => c.seriousness),
          valuesOf: (c) => [c.seriousness],
        },
      },
      cell: ({ row }) => <SeriousnessBadge value={row.original.seriousness} byGroup={row.original.seriousnessOf !== undefined} />,
    }),
    helper.accessor('scope', {
      header: FIELD_LABELS.scope,
      sortFn: byRank(SCOPES, (c) => c.scope),
      filterFn: facetFilter,
      meta: { facet: { label: FIELD_LABELS.scope, options: vocabularyOptions(SCOPES, (c) => c.scope), valuesOf: (c) => [c.scope] } },
      cell: ({ row }) => SCOPES[row.original.scope],
    }),
    helper.accessor('contexts', {
      header: FIELD_LABELS.contexts,
      enableSorting: false,
      filterFn: facetFilter,
      meta: { facet: { label: 'Contexte', options: contextOptions, valuesOf: (c) => c.contexts } },
      cell: ({ row }) =>
        row.original.contexts.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="inline-list">
            {row.original.contexts.map((id) => (
              <li key={id}>{findingLabel(index, id)}</li>
            ))}
          </ul>
        ),
    }),
    helper.accessor('referral', {
      header: FIELD_LABELS.referral,
      sortFn: byRank(REFERRALS, (c) => c.referral),
      cell: ({ row }) => REFERRALS[row.original.referral],
    }),
    helper.accessor((c) => c.icd10?.code ?? '', {
      id: 'icd10',
      header: FIELD_LABELS.icd10,
      sortFn: byText((c) => c.icd10?.code ?? '\uffff'),
      cell: ({ row }) =>
        row.original.icd10 ? (
          <code className="icd">{row.original.icd10.code}</code>
        ) : (
          <span className="muted">
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">aucun code</span>
          </span>
        ),
    }),
  ])
}
