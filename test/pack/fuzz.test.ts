// Property-based: a valid pack with random bytes flipped, cut or added; its
// manifest mutated (signed again, so that only the checks behind the
// signature catch it, or not signed again); its entries dropped, doubled,
// renamed, replaced or added. Every result is refused, with French messages
// naming a file, and nothing throws.
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MANIFEST_FILE, SIGNATURE_FILE, manifestBytes, type Manifest } from '../../electron/main/pack/manifest'
import { verifyPack } from '../../electron/main/pack/verify'
import type { KbProblem } from '../../shared/kb/types'
import { manifestOf, pack, resigned, rezip, testKey, trustIn, unpack, type TestKey } from './helpers'

let key: TestKey
let valid: Uint8Array
let files: [string, Uint8Array][]

beforeAll(async () => {
  key = testKey()
  valid = await pack(key)
  files = unpack(valid)
})

const FRENCH = /\b(le|la|les|un|une|du|des|de|d’un|ne|n’est|pas|paquet|fichier|archive|refusé|refusée)\b/iu
const NOT_FRENCH = /\b(undefined|NaN|Error|Invalid|expected|received|object Object)\b/u

function expectRefused(bytes: Uint8Array): KbProblem[] {
  const verdict = verifyPack(bytes, trustIn(key.trusted), 'essai.mollet')
  expect(verdict.ok).toBe(false)
  if (verdict.ok) return []
  expect(verdict.problems.length).toBeGreaterThan(0)
  for (const p of verdict.problems) {
    expect(typeof p.file).toBe('string')
    expect(p.file.length).toBeGreaterThan(0)
    expect(p.message).toMatch(FRENCH)
    expect(p.message).not.toMatch(NOT_FRENCH)
    // French typography: no plain space before « : ».
    expect(p.message).not.toMatch(/ :/u)
  }
  return verdict.problems
}

const RUNS = 150

describe('a valid pack, mutated at random', () => {
  it('random bytes flipped anywhere: refused', () => {
    const flips = fc.array(fc.tuple(fc.nat({ max: 1 << 30 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 })
    fc.assert(
      fc.property(flips, (changes) => {
        const bytes = valid.slice()
        for (const [at, xor] of changes) {
          const i = at % bytes.length
          bytes[i] = (bytes[i] as number) ^ xor
        }
        // Flips that cancel out leave the pack as it was.
        if (bytes.every((b, i) => b === valid[i])) return
        expectRefused(bytes)
      }),
      { numRuns: RUNS },
    )
  })

  it('cut short or with bytes added: refused', () => {
    fc.assert(
      fc.property(fc.nat(), fc.uint8Array({ minLength: 0, maxLength: 64 }), fc.boolean(), (cut, extra, atEnd) => {
        const keep = cut % valid.length
        const bytes = atEnd
          ? new Uint8Array([...valid.subarray(0, keep), ...extra])
          : new Uint8Array([...extra, ...valid.subarray(extra.length === 0 ? 1 : 0)])
        if (bytes.length === valid.length && bytes.every((b, i) => b === valid[i])) return
        expectRefused(bytes)
      }),
      { numRuns: RUNS },
    )
  })

  /** A manifest field whose every change must be refused (the pack's id may be anything valid: not here). */
  const fieldPaths = (m: Manifest): string[][] => [
    ['format'],
    ['formatVersion'],
    ['schemaVersion'],
    ['title'],
    ['language'],
    ['edition'],
    ['revision'],
    ['editor'],
    ['key'],
    ...m.files.flatMap((_f, i) => [
      ['files', String(i), 'path'],
      ['files', String(i), 'size'],
      ['files', String(i), 'sha256'],
      ['files', String(i), 'stored', 'size'],
      ['files', String(i), 'stored', 'sha256'],
    ]),
  ]
  const anyValue = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    fc.stringMatching(/^[0-9a-f]{64}$/u),
    fc.constantFrom('2026-12-16', 'knowledge/causes.json', 'source/x.txt', '../x', 'fr', 'en', 'mollet-pack'),
  )

  it('a manifest field changed, signed again: refused', () => {
    const paths = fieldPaths(manifestOf(valid))
    fc.assert(
      fc.property(fc.nat(), anyValue, fc.boolean(), (pick, value, signAgain) => {
        const path = paths[pick % paths.length] as string[]
        let changed = false
        const edit = (m: Record<string, unknown>) => {
          let node = m as Record<string, unknown>
          for (const step of path.slice(0, -1)) node = node[step] as Record<string, unknown>
          const last = path[path.length - 1] as string
          changed = JSON.stringify(node[last]) !== JSON.stringify(value)
          if (value === undefined) delete node[last]
          else node[last] = value
        }
        const bytes = signAgain
          ? resigned(valid, key, edit)
          : (() => {
              const m = manifestOf(valid) as unknown as Record<string, unknown>
              edit(m)
              return rezip(files.map(([n, d]) => [n, n === MANIFEST_FILE ? manifestBytes(m as unknown as Manifest) : d] as const))
            })()
        if (!changed) return
        expectRefused(bytes)
      }),
      { numRuns: RUNS },
    )
  })

  it('a manifest field added or removed: refused', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), anyValue, fc.boolean(), (name, value, remove) => {
        const bytes = resigned(valid, key, (m) => {
          if (remove) delete m[Object.keys(m).filter((k) => k !== 'id')[name.length % 10] as string]
          else if (!(name in m)) m[name] = value ?? 0
          else m[`${name}_`] = value ?? 0
        })
        expectRefused(bytes)
      }),
      { numRuns: RUNS },
    )
  })

  it('entries dropped, doubled, renamed, replaced or added: refused', () => {
    const names = files.map(([n]) => n)
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('double' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('rename' as const),
        at: fc.nat(),
        name: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom(...names)),
      }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), data: fc.uint8Array({ maxLength: 300 }) }),
      fc.record({
        kind: fc.constant('add' as const),
        name: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('knowledge/x.json', 'source/y.txt', '../z', 'a\\b')),
        data: fc.uint8Array({ maxLength: 100 }),
      }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
    )
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const entries: [string, Uint8Array][] = files.map(([n, d]) => [n, d])
        for (const m of mutations) {
          if (entries.length === 0) break
          const i = 'at' in m ? m.at % entries.length : 0
          const [name, data] = entries[i] as [string, Uint8Array]
          if (m.kind === 'drop') entries.splice(i, 1)
          else if (m.kind === 'double') entries.push([name, data])
          else if (m.kind === 'rename') entries[i] = [m.name, data]
          else if (m.kind === 'replace') entries[i] = [name, m.data]
          else if (m.kind === 'add') entries.push([m.name, m.data])
          else {
            const j = m.other % entries.length
            // Two files' contents swapped under their names.
            const other = entries[j] as [string, Uint8Array]
            entries[i] = [name, other[1]]
            entries[j] = [other[0], data]
          }
        }
        const same =
          entries.length === files.length &&
          entries.every(
            ([n, d], i) => n === files[i]?.[0] && d.length === files[i]?.[1].length && d.every((b, k) => b === files[i]?.[1][k]),
          )
        if (same) return
        // The order of the entries is free: only what they hold counts.
        const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        const reference = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        if (
          sorted.length === reference.length &&
          sorted.every(([n, d], i) => n === reference[i]?.[0] && Buffer.compare(d, reference[i]?.[1] as Uint8Array) === 0)
        )
          return
        let bytes: Uint8Array
        try {
          bytes = rezip(entries)
        } catch {
          return // A name the zip cannot hold at all (over 65,535 bytes): nothing to verify.
        }
        expectRefused(bytes)
      }),
      { numRuns: RUNS },
    )
  })

  it('the signature alone replaced by random bytes: refused', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 128 }), (signature) => {
        const bytes = rezip(files.map(([n, d]) => [n, n === SIGNATURE_FILE ? signature : d] as const))
        expectRefused(bytes)
      }),
      { numRuns: RUNS },
    )
  })
})
