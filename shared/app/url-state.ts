// The app's URL state: the view, its search, filters and table arrangement
// live in the URL hash, so Back and Forward work. Nothing of the patient does:
// the findings belong to the consultation (shared/consultation/desk.ts), which
// no URL, history entry or setting ever carries. A pasted hash cannot mark a finding.
// Pure: the renderer reads and writes location.hash with it
// (renderer/src/app/useUrlState.ts).
//
// Format (URLSearchParams, keys in this order, defaults left out):
//   #view=differentials&sort=-seriousness&hide=icd10,scope&q=scl%C3%A9rose&f.category=effort&f.category=metabolique
// An entry's detail is not in the hash: it is a dialog over the view.
// Equal states encode to the same string (filter keys sorted), so the UI can
// compare hashes to avoid pushing duplicate history entries.
import { FIRST_VIEW, isViewId, type ViewId } from './views'

/** How a table is arranged: its sort column (descending or not) and its hidden columns. */
export interface Arrangement {
  sort: { id: string; desc: boolean } | null
  hidden: string[]
}

export function defaultArrangement(): Arrangement {
  return { sort: null, hidden: [] }
}

export interface ViewState {
  view: ViewId
  /** The view's table: sort and hidden columns (kept in the hash and the settings, like the filters). */
  arrangement: Arrangement
  query: string
  /** Column id → selected values. Empty lists are left out. */
  filters: Record<string, string[]>
}

export function defaultViewState(): ViewState {
  return { view: FIRST_VIEW, arrangement: defaultArrangement(), query: '', filters: {} }
}

const FILTER_PREFIX = 'f.'
/** Column ids: letters and digits (name, icd10…). */
const COLUMN = /^[A-Za-z][A-Za-z0-9]*$/

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The hash for a state, with its leading '#'. Column ids that are not column-shaped are left out. */
export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams()
  params.set('view', state.view)
  const { sort, hidden } = state.arrangement
  if (sort && COLUMN.test(sort.id)) params.set('sort', `${sort.desc ? '-' : ''}${sort.id}`)
  const hide = [...new Set(hidden.filter((id) => COLUMN.test(id)))].sort(byCodeUnit)
  if (hide.length > 0) params.set('hide', hide.join(','))
  if (state.query !== '') params.set('q', state.query)
  for (const key of Object.keys(state.filters).sort(byCodeUnit)) {
    if (key === '') continue
    for (const value of state.filters[key] ?? []) params.append(FILTER_PREFIX + key, value)
  }
  return `#${params.toString()}`
}

/** The comma-separated ids of every `key=` of the hash, not only the first. */
const listParam = (params: URLSearchParams, key: string): string[] => params.getAll(key).join(',').split(',')

/**
 * The state a hash stands for. Total: any input (a leading '#' or not, junk,
 * unknown views, malformed escapes, non-strings) gives a valid state, never
 * throws. Unknown parameters (findings included) are dropped; repeated filter
 * values are kept once.
 */
export function decodeViewState(hash: unknown): ViewState {
  const state = defaultViewState()
  if (typeof hash !== 'string') return state
  const params = new URLSearchParams(hash.replace(/^#/, ''))

  const view = params.get('view')
  if (isViewId(view)) state.view = view
  state.query = params.get('q') ?? ''
  const sort = /^(-?)([A-Za-z][A-Za-z0-9]*)$/u.exec(params.get('sort') ?? '')
  if (sort) state.arrangement.sort = { id: sort[2] as string, desc: sort[1] === '-' }
  state.arrangement.hidden = [...new Set(listParam(params, 'hide').filter((id) => COLUMN.test(id)))].sort(byCodeUnit)

  const filters = new Map<string, string[]>()
  for (const [key, value] of params) {
    if (key.startsWith(FILTER_PREFIX) && key.length > FILTER_PREFIX.length) {
      const name = key.slice(FILTER_PREFIX.length)
      const values = filters.get(name) ?? []
      if (!values.includes(value)) values.push(value)
      filters.set(name, values)
    }
  }
  // Object.fromEntries defines own properties, so a key like "__proto__" is plain data.
  state.filters = Object.fromEntries(filters)
  return state
}
