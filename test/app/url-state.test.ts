import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { VIEW_IDS as VIEWS } from '../../shared/app/views'
import { decodeViewState, defaultViewState, encodeViewState, defaultArrangement, type ViewState } from '../../shared/app/url-state'

/** States in canonical form: what the UI can hold and the hash can carry. */
const viewState: fc.Arbitrary<ViewState> = fc
  .record({
    view: fc.constantFrom(...VIEWS),
    sort: fc.option(fc.record({ id: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/), desc: fc.boolean() }), { nil: null }),
    hidden: fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/), { maxLength: 4 }),
    query: fc.string({ unit: 'grapheme' }),
    filters: fc.dictionary(
      fc.string({ unit: 'grapheme', minLength: 1 }),
      fc.uniqueArray(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 4 }),
    ),
  })
  .map(
    (s): ViewState => ({
      view: s.view,
      arrangement: { sort: s.sort, hidden: [...s.hidden].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) },
      query: s.query,
      filters: s.filters,
    }),
  )

function isValidState(s: ViewState): boolean {
  return (
    (VIEWS as readonly string[]).includes(s.view) &&
    typeof s.query === 'string' &&
    Object.entries(s.filters).every(
      ([k, v]) => k.length > 0 && Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'),
    ) &&
    Object.keys(s).sort().join() === 'arrangement,filters,query,view'
  )
}

describe('encodeViewState / decodeViewState', () => {
  it('decodes an empty hash to the default state', () => {
    expect(decodeViewState('')).toEqual(defaultViewState())
    expect(decodeViewState('#')).toEqual({ view: 'causes', arrangement: { sort: null, hidden: [] }, query: '', filters: {} })
  })

  it('writes a readable hash, defaults left out', () => {
    expect(encodeViewState(defaultViewState())).toBe('#view=causes')
    expect(
      encodeViewState({
        view: 'differentials',
        arrangement: defaultArrangement(),
        query: 'sclérose en',
        filters: { seriousness: ['grave'], category: ['effort', 'metabolique'] },
      }),
    ).toBe('#view=differentials&q=scl%C3%A9rose+en&f.category=effort&f.category=metabolique&f.seriousness=grave')
  })

  it('reads a hash as a browser hands it back (percent-encoded, # or not)', () => {
    const state = decodeViewState('#view=differentials&q=h%C3%A9morragie%20c')
    expect(state).toEqual({
      view: 'differentials',
      arrangement: defaultArrangement(),
      query: 'hémorragie c',
      filters: {},
    })
    expect(decodeViewState('view=handout')).toEqual({ ...defaultViewState(), view: 'handout' })
  })

  it('gives equal states the same hash whatever the key order', () => {
    const a: ViewState = {
      view: 'causes',
      arrangement: { sort: null, hidden: ['scope', 'icd10'] },
      query: '',
      filters: { b: ['1'], a: ['2'] },
    }
    const b: ViewState = {
      view: 'causes',
      arrangement: { sort: null, hidden: ['icd10', 'scope'] },
      query: '',
      filters: { a: ['2'], b: ['1'] },
    }
    expect(encodeViewState(a)).toBe(encodeViewState(b))
  })

  it('round-trips every canonical state', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        expect(decodeViewState(encodeViewState(state))).toEqual(state)
      }),
      { numRuns: 500 },
    )
  })

  it('encodes to a hash the browser keeps as is (printable ASCII, no space)', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        expect(encodeViewState(state)).toMatch(/^#[!-~]*$/)
      }),
    )
  })

  it('carries the table’s sort and hidden columns, and drops ones that are not column-shaped', () => {
    const state = decodeViewState('#view=causes&sort=-seriousness&hide=scope,icd10,icd10,../x')
    expect(state.arrangement).toEqual({ sort: { id: 'seriousness', desc: true }, hidden: ['icd10', 'scope'] })
    expect(encodeViewState(state)).toBe('#view=causes&sort=-seriousness&hide=icd10%2Cscope')
    expect(decodeViewState('#sort=--name').arrangement.sort).toBeNull()
  })

  it('repairs what it cannot carry', () => {
    // The detail view of old links is gone: its hash opens the first view.
    expect(decodeViewState('#view=detail&entry=hernie-discale')).toEqual(defaultViewState())
    expect(decodeViewState('#view=admin&entry=x')).toEqual(defaultViewState())
    expect(decodeViewState('#f.=x&f.category=effort&f.category=effort&f.category=&zzz=1')).toEqual({
      ...defaultViewState(),
      filters: { category: ['effort', ''] },
    })
  })

  it('reads every repeated hide key', () => {
    expect(decodeViewState('#hide=scope&hide=icd10').arrangement.hidden).toEqual(['icd10', 'scope'])
  })

  it('carries nothing of the patient: findings in a pasted hash are dropped, never marked', () => {
    // The findings belong to the consultation: no URL, history entry or setting holds them.
    expect(decodeViewState('#view=orientation&present=douleur-mollet,fievre&absent=stress')).toEqual({
      ...defaultViewState(),
      view: 'orientation',
    })
  })

  it('keeps "__proto__" as plain data', () => {
    const state = decodeViewState('#f.__proto__=x')
    expect(Object.keys(state.filters)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(state.filters)).toBe(Object.prototype)
  })

  it('decodes garbage to a valid state without throwing', () => {
    const garbage = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom('#', '%', '=', '&', ',', '+', 'f.', 'view', 'detail', 'present', 'e', 'Z', '\uD800') }),
      fc.anything({ maxDepth: 2 }),
    )
    fc.assert(
      fc.property(garbage, (hash) => {
        const state = decodeViewState(hash)
        expect(isValidState(state)).toBe(true)
      }),
      { numRuns: 1000 },
    )
    expect(decodeViewState('#%E0%A4%A&q=%zz&view=%')).toEqual({ ...defaultViewState(), query: '%zz' })
    expect(decodeViewState(null)).toEqual(defaultViewState())
  })
})
