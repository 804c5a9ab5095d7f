import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { VIEW_IDS as VIEWS } from '../../shared/app/views'
import { decodeViewState, defaultViewState, encodeViewState, defaultArrangement, type ViewState } from '../../shared/app/url-state'

const kbId = fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('-'))

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
    findings: fc.dictionary(kbId, fc.constantFrom('present' as const, 'absent' as const)),
  })
  .map(
    (s): ViewState => ({
      view: s.view,
      arrangement: { sort: s.sort, hidden: [...s.hidden].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) },
      query: s.query,
      filters: s.filters,
      findings: s.findings,
    }),
  )

function isValidState(s: ViewState): boolean {
  const idOk = (id: string): boolean => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)
  return (
    (VIEWS as readonly string[]).includes(s.view) &&
    typeof s.query === 'string' &&
    Object.entries(s.filters).every(
      ([k, v]) => k.length > 0 && Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'),
    ) &&
    Object.entries(s.findings).every(([k, v]) => idOk(k) && (v === 'present' || v === 'absent'))
  )
}

describe('encodeViewState / decodeViewState', () => {
  it('decodes an empty hash to the default state', () => {
    expect(decodeViewState('')).toEqual(defaultViewState())
    expect(decodeViewState('#')).toEqual({ view: 'causes', arrangement: { sort: null, hidden: [] }, query: '', filters: {}, findings: {} })
  })

  it('writes a readable hash, defaults left out', () => {
    expect(encodeViewState(defaultViewState())).toBe('#view=causes')
    expect(
      encodeViewState({
        view: 'differentials',
        arrangement: defaultArrangement(),
        query: 'sclérose en',
        filters: { seriousness: ['grave'], category: ['effort', 'metabolique'] },
        findings: { picotements: 'present', douleur: 'present', fievre: 'absent' },
      }),
    ).toBe(
      '#view=differentials&q=scl%C3%A9rose+en&f.category=effort&f.category=metabolique&f.seriousness=grave' +
        '&present=douleur%2Cpicotements&absent=fievre',
    )
  })

  it('reads a hash as a browser hands it back (percent-encoded, # or not)', () => {
    const state = decodeViewState('#view=differentials&q=h%C3%A9morragie%20c&present=douleur,picotements')
    expect(state).toEqual({
      view: 'differentials',
      arrangement: defaultArrangement(),
      query: 'hémorragie c',
      filters: {},
      findings: { douleur: 'present', picotements: 'present' },
    })
    expect(decodeViewState('view=handout')).toEqual({ ...defaultViewState(), view: 'handout' })
  })

  it('gives equal states the same hash whatever the key order', () => {
    const a: ViewState = {
      view: 'causes',
      arrangement: { sort: null, hidden: ['scope', 'icd10'] },
      query: '',
      filters: { b: ['1'], a: ['2'] },
      findings: { y: 'absent', x: 'present', z: 'present' },
    }
    const b: ViewState = {
      view: 'causes',
      arrangement: { sort: null, hidden: ['icd10', 'scope'] },
      query: '',
      filters: { a: ['2'], b: ['1'] },
      findings: { z: 'present', y: 'absent', x: 'present' },
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
    expect(decodeViewState('#present=douleur,,DOULEUR,a--b,fievre&absent=fievre,froid')).toEqual({
      ...defaultViewState(),
      findings: { douleur: 'present', fievre: 'present', froid: 'absent' },
    })
    expect(decodeViewState('#f.=x&f.category=effort&f.category=effort&f.category=&zzz=1')).toEqual({
      ...defaultViewState(),
      filters: { category: ['effort', ''] },
    })
  })

  it('reads every repeated present / absent / hide key; present wins wherever it comes', () => {
    // A pasted hash that says fever is present after saying it is absent: never read as no red flag.
    expect(decodeViewState('#present=stress&absent=douleur,fievre&absent=froid&present=fievre&hide=scope&hide=icd10')).toEqual({
      ...defaultViewState(),
      arrangement: { sort: null, hidden: ['icd10', 'scope'] },
      findings: { stress: 'present', fievre: 'present', douleur: 'absent', froid: 'absent' },
    })
  })

  it('keeps "__proto__" as plain data', () => {
    const state = decodeViewState('#f.__proto__=x&present=constructor')
    expect(Object.keys(state.filters)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(state.filters)).toBe(Object.prototype)
    expect(state.findings).toEqual({ constructor: 'present' })
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
