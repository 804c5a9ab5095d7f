// IPC fuzzing: every method of the contract (METHODS, so new methods are
// covered without touching this file) gets thousands of random and malformed
// calls through the real dispatcher and the real handlers. Each call must
// answer, within a time limit, either {ok: true, value} with a value the IPC
// can clone, or {ok: false, error} with a known code and a French message that
// leaks neither internals nor the arguments (they may hold a patient's name).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { METHODS, type IpcErrorCode, type Method } from '../../shared/ipc/contract'
import { argsValidators } from '../../shared/ipc/validators'
import { createDispatcher, type Dispatch, type SenderInfo } from '../../electron/main/ipc/dispatcher'
import { createHandlers } from '../../electron/main/handlers'
import { devRenderThread } from '../../scripts/dev-render-thread'
import { APP_ENTRY, APP_ORIGIN } from '../../electron/main/security'

/** Every IpcErrorCode; the `satisfies` fails to compile if a code is added to the contract and not here. */
const ERROR_CODES = new Set(
  Object.keys({
    'forbidden-sender': true,
    'unknown-method': true,
    'invalid-arguments': true,
    failed: true,
    internal: true,
  } satisfies Record<IpcErrorCode, true>),
)

/** Runs per method: malformed calls, schema-shaped calls (time-boxed: they run the handlers for real). */
const MALFORMED_RUNS = 1500
const SHAPED_RUNS = 300
const SHAPED_MIN_RUNS = 10
const SHAPED_BUDGET_MS = Math.round(Math.min(4000, 12_000 / METHODS.length))
const CALL_TIMEOUT_MS = 5000

const app: SenderInfo = { url: APP_ENTRY, isMainFrame: true }
/** Planted in arguments (as a patient's name would be): must never come back in an error message or a log. */
const PATIENT = 'Mme Canari Dupont-7Q9X'
const resourcesDir = resolve(import.meta.dirname, '../../resources')
let userDataDir = ''
let dispatch: Dispatch
const logged: string[] = []
const runs = new Map<string, number>()

beforeAll(() => {
  userDataDir = mkdtempSync(join(tmpdir(), 'mollet-fuzz-'))
  // The desktop port is the only stub: no dialog (saving is cancelled), a clipboard that keeps nothing.
  const desktop = { chooseSavePath: async () => null, chooseOpenPath: async () => null, writeClipboard: () => undefined }
  const deps = { resourcesDir, userDataDir, desktop, renderPdf: devRenderThread() }
  dispatch = createDispatcher(createHandlers(deps), APP_ORIGIN)
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...parts: unknown[]) => {
      logged.push(parts.map((p) => (typeof p === 'string' ? p : safeStringify(p))).join(' '))
    })
  }
})

afterAll(() => {
  vi.restoreAllMocks()
  rmSync(userDataDir, { recursive: true, force: true })
  console.log(`IPC fuzz: ${[...runs].map(([k, n]) => `${k} ${n}`).join(', ')} calls`)
})

function safeStringify(value: unknown): string {
  try {
    const short = (_key: string, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…` : v)
    return JSON.stringify(value, short) ?? String(value)
  } catch {
    return '[unserialisable]'
  }
}

/** A short description of a call for failure messages (arguments can be megabytes). */
function describeCall(method: unknown, args: unknown): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : safeStringify(value)).slice(0, 200)
  return `${text(method)}(${text(args)})`
}

async function withTimeout<T>(promise: Promise<T>, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer after ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

const ENGLISH_OR_INTERNAL =
  /\b(the|is|not|error|failed|cannot|undefined|null|NaN|invalid|unexpected|expected|received)\b|TypeError|RangeError|\bat .+:\d+|node_modules|\/work\/|\\u/i

/** Calls `method` and checks the answer; returns the answer for extra checks. */
async function call(method: unknown, args: unknown, sender: SenderInfo = app) {
  const before = logged.length
  const result: unknown = await withTimeout(dispatch(method, args, sender), describeCall(method, args))
  const key = typeof method === 'string' && (METHODS as readonly string[]).includes(method) ? method : '<other>'
  runs.set(key, (runs.get(key) ?? 0) + 1)
  const label = describeCall(method, args)

  expect(result, label).toBeTypeOf('object')
  const r = result as { ok: unknown; value?: unknown; error?: { code: unknown; message: unknown } }
  if (r.ok === true) {
    expect(Object.keys(r).sort(), label).toEqual(['ok', 'value'])
    expect(() => structuredClone(r.value), `${label}: the IPC could not send this value`).not.toThrow()
  } else {
    expect(r.ok, label).toBe(false)
    expect(Object.keys(r).sort(), label).toEqual(['error', 'ok'])
    expect(ERROR_CODES.has(r.error!.code as string), `${label}: code ${String(r.error!.code)}`).toBe(true)
    const message = r.error!.message
    expect(message, label).toBeTypeOf('string')
    expect((message as string).trim().length, label).toBeGreaterThan(0)
    expect(message, `${label}: message is not plain French`).not.toMatch(ENGLISH_OR_INTERNAL)
  }
  const leaked =
    (r.ok !== true && String(r.error?.message).includes(PATIENT)) || logged.slice(before).some((line) => line.includes(PATIENT))
  expect(leaked, `${label}: the patient's name came back in an error message or a log`).toBe(false)
  return r
}

// ---------------------------------------------------------------- arbitraries

const hostile = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('[{"__proto__": {"polluted": true}}]'),
  { constructor: { prototype: { polluted: true } } },
  [{ constructor: { prototype: { polluted: true } } }],
  Object.create(null),
  [Object.create(null)],
  { length: 1, 0: 'x' },
  // biome-ignore lint/suspicious/noThenProperty: a thenable argument is one of the attacks tried
  { toString: 'x', valueOf: 'y', then: 'z' },
  // biome-ignore lint/suspicious/noThenProperty: as above
  [{ then: 1 }],
  [NaN],
  [Infinity, -Infinity, -0],
  [Number.MAX_SAFE_INTEGER + 2],
  [10n ** 30n],
  [new Uint8Array(16)],
  [new Float64Array([NaN, 1e308])],
  [new ArrayBuffer(8)],
  [new DataView(new ArrayBuffer(4))],
  [new Date(Number.NaN)],
  [new Map([['a', 1]])],
  [new Set([1])],
  [/re/g],
  ['\u0000'],
  ['\uD800'],
  ['../../../../etc/passwd'],
  ['C:\\Windows\\system32'],
  ['<script>alert(1)</script>'],
  [undefined],
  [null, null, null],
  new Array(3),
  undefined,
  null,
  'loadKnowledgeBase',
  42,
  true,
)

/** Deep nesting: arrays or objects nested `depth` levels. */
const deep = fc.tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean()).map(([depth, asObject]) => {
  let value: unknown = 'fond'
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value]
  return [value]
})

/** Huge strings, alone or inside an object. */
const huge = fc
  .tuple(fc.integer({ min: 10_000, max: 2_000_000 }), fc.constantFrom('a', 'é', '\u202f', '𝄞', '\u0000'), fc.boolean())
  .map(([length, unit, wrapped]) => {
    const s = unit.repeat(Math.ceil(length / unit.length))
    return wrapped ? [{ name: s, text: s, title: s }] : [s]
  })

const anything = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
})

const withPatient = fc
  .tuple(fc.array(anything, { minLength: 1, maxLength: 5 }), fc.nat())
  .map(([args, pick]) => mutate(args, PATIENT, pick))

const malformed = fc.oneof(
  { weight: 4, arbitrary: fc.array(anything, { maxLength: 5 }) },
  { weight: 1, arbitrary: withPatient },
  { weight: 2, arbitrary: anything },
  { weight: 2, arbitrary: hostile },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: huge },
)

type JsonSchema = Record<string, unknown>

/**
 * Values shaped like a JSON Schema (the zod validators, via z.toJSONSchema), so
 * fuzzing reaches past the validators into the handlers. Unsupported keywords
 * fall back to anything.
 */
function fromSchema(schema: JsonSchema | boolean | undefined): fc.Arbitrary<unknown> {
  if (schema === undefined || schema === true) return anything
  if (schema === false) return fc.constant(undefined)
  if ('const' in schema) return fc.constant(schema.const)
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]))
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined
  if (alternatives) return fc.oneof(...alternatives.map(fromSchema))
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => fromSchema({ ...schema, type })))
  switch (schema.type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return fc.integer({ min: Math.max(Number(schema.minimum ?? -1e6), -1e6), max: Math.min(Number(schema.maximum ?? 1e6), 1e6) })
    case 'number':
      return fc.double({ min: Number(schema.minimum ?? -1e6), max: Number(schema.maximum ?? 1e6), noNaN: true })
    case 'string': {
      const minLength = Number(schema.minLength ?? 0)
      const maxLength = Math.min(Number(schema.maxLength ?? 200), minLength + 400)
      if (typeof schema.pattern === 'string')
        return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= maxLength)
      const text = fc.string({ unit: 'grapheme', minLength, maxLength })
      const fits = PATIENT.length >= minLength && PATIENT.length <= maxLength
      return fits ? fc.oneof({ weight: 9, arbitrary: text }, { weight: 1, arbitrary: fc.constant(PATIENT) }) : text
    }
    case 'array': {
      const prefix = (schema.prefixItems as JsonSchema[] | undefined) ?? []
      if (prefix.length > 0 || schema.items === false) return fc.tuple(...prefix.map(fromSchema))
      const minLength = Number(schema.minItems ?? 0)
      return fc.array(fromSchema(schema.items as JsonSchema), {
        minLength,
        maxLength: Math.min(Number(schema.maxItems ?? 6), minLength + 6),
      })
    }
    case 'object': {
      const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {}
      const required = (schema.required as string[] | undefined) ?? []
      const model = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, fromSchema(v)]))
      return fc.record(model, { requiredKeys: required.filter((k) => k in properties) })
    }
    default:
      return anything
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** Replaces one leaf of `value` (chosen by `pick`) with `other`: near-valid input. */
function mutate(value: unknown, other: unknown, pick: number): unknown {
  const paths: (string | number)[][] = []
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path)
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, [...path, i])
      })
    } else if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k])
  }
  walk(value, [])
  const path = paths[pick % paths.length]!
  if (path.length === 0) return other
  const copy = structuredClone(value) as Record<string | number, unknown>
  let parent = copy
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>
  parent[path.at(-1)!] = other
  return copy
}

function shaped(method: Method): fc.Arbitrary<unknown> {
  const valid = fromSchema(z.toJSONSchema(argsValidators[method], { unrepresentable: 'any', io: 'input' }) as JsonSchema)
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 2, arbitrary: fc.tuple(valid, anything, fc.nat()).map(([v, other, pick]) => mutate(v, other, pick)) },
  )
}

// ---------------------------------------------------------------- properties

describe.each(METHODS.map((m) => [m]))('IPC fuzz: %s', (method) => {
  it(`refuses ${MALFORMED_RUNS} malformed calls before the handler runs`, async () => {
    // Inputs the validator happens to accept are the shaped property's business (they run the handler).
    const rejected = malformed.filter((args) => !argsValidators[method].safeParse(args).success)
    await fc.assert(
      fc.asyncProperty(rejected, async (args) => {
        const r = await call(method, args)
        expect(r.error?.code).toBe('invalid-arguments')
      }),
      { numRuns: MALFORMED_RUNS },
    )
    expect(Object.prototype).not.toHaveProperty('polluted')
  }, 60_000)

  it(`answers ${SHAPED_MIN_RUNS} to ${SHAPED_RUNS} schema-shaped and near-valid calls (${SHAPED_BUDGET_MS} ms budget past the first ${SHAPED_MIN_RUNS}) with a typed result`, async () => {
    const property = fc.asyncProperty(shaped(method), async (args) => {
      const r = await call(method, args)
      // Anything the validator accepts, the handler must handle: no internal errors.
      if (r.ok !== true) expect(r.error?.code, 'schema-shaped call').not.toBe('internal')
    })
    // The first ones whatever the machine's load (a render can take a second on a busy machine); more as time allows.
    await fc.assert(property, { numRuns: SHAPED_MIN_RUNS })
    await fc.assert(property, { numRuns: SHAPED_RUNS - SHAPED_MIN_RUNS, plugins: [fc.interruptAfterTimeLimit(SHAPED_BUDGET_MS)] })
    expect(Object.prototype).not.toHaveProperty('polluted')
  }, 60_000)
})

describe('IPC fuzz: methods and senders', () => {
  it('refuses every method name outside the contract', async () => {
    const notAMethod = fc.oneof(
      anything,
      fc.string(),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        ...METHODS.map((m) => m.toUpperCase()),
        ...METHODS.map((m) => ` ${m}`),
      ),
    )
    await fc.assert(
      fc.asyncProperty(
        notAMethod.filter((m) => !(METHODS as readonly unknown[]).includes(m)),
        malformed,
        async (method, args) => {
          const r = await call(method, args)
          expect(r.error?.code).toBe('unknown-method')
        },
      ),
      { numRuns: 1000 },
    )
  }, 60_000)

  it('answers only the app’s main frame, for every method', async () => {
    const url = fc.oneof(
      fc.webUrl({ withFragments: true, withQueryParameters: true }),
      fc.string(),
      fc.domain().map((host) => `app://${host}/index.html`),
      fc.constantFrom(
        APP_ENTRY,
        'app://mollet',
        'app://mollet.evil/',
        'app://mollet@evil/',
        'app://evil@mollet/',
        'app://mollet:1/',
        'file:///index.html',
        'about:blank',
        'null',
        'APP://MOLLET/index.html',
      ),
    )
    const sender = fc.record({ url: fc.option(url, { nil: null }), isMainFrame: fc.boolean() })
    // Arguments the validator refuses: the sender check must come first, and trusted calls stay cheap.
    const calls = fc.constantFrom(...METHODS).chain((method) =>
      fc.tuple(
        fc.constant(method),
        malformed.filter((a) => !argsValidators[method].safeParse(a).success),
      ),
    )
    await fc.assert(
      fc.asyncProperty(calls, sender, async ([method, args], from) => {
        // The scheme is case-insensitive; Node keeps a custom scheme's host as written, so MOLLET is not
        // mollet; user info (evil@) is not part of the origin.
        const trusted =
          from.isMainFrame && from.url !== null && /^app:\/\/([^/?#@]*@)?mollet(?=[/?#]|$)/.test(from.url.replace(/^app:/i, 'app:'))
        const r = await call(method, args, from)
        expect(r.error?.code, `${from.url} main=${from.isMainFrame}`).toBe(trusted ? 'invalid-arguments' : 'forbidden-sender')
      }),
      { numRuns: 1500 },
    )
  }, 60_000)
})
