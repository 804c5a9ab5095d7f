// Trust files (shared/pack/trust.ts) and who may sign a pack (pack/trust.ts):
// each rule on its own, then fast-check over random sequences of trust
// versions — rotations, revocations, expiries, replays, skipped versions,
// changes of root, forged signatures — against a reference model written here
// with sets instead of signatures.
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decideTrust, trustFileProblem, type TrustQuestion } from '../../electron/main/pack/trust'
import { canonicalJson, trustFileSchema, type TrustVersion } from '../../shared/pack/trust'
import { readTrustedKeys } from '../../electron/main/pack/keys'
import { shippedTrust } from '../../electron/main/pack/trust-file'
import { RESOURCES, testKey, trustFile, trustVersion, type TestKey } from './helpers'
import { join } from 'node:path'

let root: TestKey
let root2: TestKey
let a: TestKey
let b: TestKey

beforeAll(() => {
  root = testKey('racine')
  root2 = testKey('racine-2')
  a = testKey('editeur-a')
  b = testKey('editeur-b')
})

function ask(q: Partial<TrustQuestion> & Pick<TrustQuestion, 'candidate'>, signer: TestKey = a) {
  return decideTrust({
    roots: [root.trusted],
    shipped: [],
    stored: [],
    key: signer.trusted.fingerprint,
    signed: '2027-01-01',
    today: '2027-01-02',
    purpose: 'install',
    ...q,
  })
}

function reason(decision: ReturnType<typeof decideTrust>): string {
  if (decision.ok) throw new Error('accepted')
  return decision.reason
}

describe('a trust file', () => {
  it('has one byte form for what is signed: keys sorted, no spaces', () => {
    expect(canonicalJson({ b: [1, { d: 'é', c: true }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":true,"d":"é"}]}')
    const v1 = trustVersion({ root, editors: [{ key: a }] })
    expect(trustFileSchema.safeParse(trustFile(v1)).success).toBe(true)
    expect(trustFileSchema.safeParse({ ...trustFile(v1), extra: 1 }).success).toBe(false)
  })

  it('holds together only when each version follows the one before', () => {
    const v1 = trustVersion({ root, editors: [{ key: a }] })
    expect(trustFileProblem([v1, trustVersion({ version: 2, root, editors: [{ key: b }] })])).toBeNull()
    expect(trustFileProblem([trustVersion({ root, signers: [a] })])).toBe(
      'la première version du fichier de confiance n’est pas signée par sa clé racine',
    )
    expect(trustFileProblem([v1, v1])).toBe('les versions du fichier de confiance ne se suivent pas')
    expect(trustFileProblem([v1, trustVersion({ version: 2, root, signers: [b] })])).toMatch(
      /n’est pas signée par la clé racine en vigueur/u,
    )
  })
})

describe('the trust file Mollet ships', () => {
  it('holds together, starts from the root Mollet ships, and lists the Mollet editors’ key', async () => {
    const versions = await shippedTrust(RESOURCES)
    expect(versions.length).toBeGreaterThan(0)
    const { keys } = await readTrustedKeys([join(RESOURCES, 'keys')])
    expect(keys.map((k) => k.name)).toEqual(['mollet-racine'])
    const decision = decideTrust({
      roots: keys,
      shipped: versions,
      stored: [],
      candidate: versions,
      key: '0'.repeat(64),
      signed: '2027-01-01',
      today: '2027-01-02',
      purpose: 'install',
    })
    // A pack carrying the shipped file: its versions, from the shipped root, name the editors.
    expect(reason(decision)).toMatch(/n’est pas une clé d’éditeur de la version \d+ du fichier de confiance/u)
    expect(versions.at(-1)?.signed.editors.map((e) => e.name)).toContain('mollet')
  })

  it('is none when missing (the stored versions alone count)', async () => {
    expect(await shippedTrust(join(RESOURCES, 'no-such-folder'))).toEqual([])
  })
})

describe('who may sign a pack', () => {
  it('a key listed by a version a shipped root signed', () => {
    const decision = ask({ candidate: [trustVersion({ root, editors: [{ key: a }] })] })
    expect(decision).toMatchObject({ ok: true, version: 1, keysChanged: false, editor: { name: 'editeur-a' } })
  })

  it('not when the root is not shipped, nor when the first version is not signed by its root', () => {
    expect(reason(ask({ candidate: [trustVersion({ root: root2, editors: [{ key: a }] })] }))).toMatch(
      /^Le fichier de confiance de ce paquet ne part d’aucune clé racine de Mollet/u,
    )
    expect(reason(ask({ candidate: [trustVersion({ root, editors: [{ key: a }], signers: [a] })] }))).toMatch(
      /ne part d’aucune clé racine/u,
    )
  })

  it('a newer version only when the current root signs it; versions may be skipped while the root stays', () => {
    const v1 = trustVersion({ root, editors: [{ key: a }] })
    const v3 = trustVersion({ version: 3, root, editors: [{ key: a }, { key: b }] })
    expect(ask({ stored: [[v1]], candidate: [v1, v3] }, b)).toMatchObject({ ok: true, version: 3 })
    const forged = trustVersion({ version: 2, root, editors: [{ key: b }], signers: [root2] })
    expect(reason(ask({ stored: [[v1]], candidate: [v1, forged] }, b))).toBe(
      'Fichier de confiance refusé\u00a0: la version 2 du fichier de confiance n’est pas signée par la clé racine en vigueur («\u00a0racine\u00a0», version 1).',
    )
  })

  it('a change of root: exactly the next version, signed by the old root and the new one', () => {
    const v1 = trustVersion({ root, editors: [{ key: a }] })
    const both = trustVersion({ version: 2, root: root2, editors: [{ key: b }], signers: [root, root2] })
    expect(ask({ stored: [[v1]], candidate: [v1, both] }, b)).toMatchObject({ ok: true, version: 2 })
    // Then the new root alone signs the next one.
    const v3 = trustVersion({ version: 3, root: root2, editors: [{ key: a }] })
    expect(ask({ stored: [[v1]], candidate: [v1, both, v3] })).toMatchObject({ ok: true, version: 3 })
    const oldOnly = trustVersion({ version: 2, root: root2, editors: [{ key: b }], signers: [root] })
    expect(reason(ask({ stored: [[v1]], candidate: [v1, oldOnly] }, b))).toMatch(/n’est pas signée par sa nouvelle clé racine/u)
    const newOnly = trustVersion({ version: 2, root: root2, editors: [{ key: b }], signers: [root2] })
    expect(reason(ask({ stored: [[v1]], candidate: [v1, newOnly] }, b))).toMatch(/n’est pas signée par la clé racine en vigueur/u)
    const skipped = trustVersion({ version: 3, root: root2, editors: [{ key: b }], signers: [root, root2] })
    expect(reason(ask({ stored: [[v1]], candidate: [v1, skipped] }, b))).toMatch(
      /change de clé racine sans suivre immédiatement la version 1/u,
    )
  })

  it('a Mollet that ships only the new root starts from the version that brought it in', () => {
    const v1 = trustVersion({ root, editors: [{ key: a }] })
    const v2 = trustVersion({ version: 2, root: root2, editors: [{ key: a }], signers: [root, root2] })
    expect(ask({ roots: [root2.trusted], candidate: [v1, v2] })).toMatchObject({ ok: true, version: 2 })
  })

  it('each root lineage has its own chain: a pack is judged by its own, and accepting it keeps the others', () => {
    const roots = [root.trusted, root2.trusted]
    const c = testKey('editeur-c')
    // Mollet's lineage revoked a at version 2; an administrator's root lists its own editor, c.
    const ours = [
      trustVersion({ root, editors: [{ key: a }, { key: b }] }),
      trustVersion({ version: 2, root, editors: [{ key: b }], revoked: [a] }),
    ]
    const theirs1 = trustVersion({ root: root2, editors: [{ key: c }] })
    const theirs = ask({ roots, stored: [ours], candidate: [theirs1] }, c)
    expect(theirs).toMatchObject({ ok: true, version: 1 })
    if (!theirs.ok) return
    expect(theirs.lineages).toEqual([ours, [theirs1]])
    // Mollet's lineage still judges Mollet's packs.
    expect(reason(ask({ roots, stored: theirs.lineages, candidate: [ours[0] as TrustVersion] }))).toMatch(/est révoquée par la version 2/u)
    const newer = ask({ roots, stored: theirs.lineages, candidate: ours }, b)
    expect(newer).toMatchObject({ ok: true, version: 2 })
    expect(newer.ok && newer.lineages).toEqual([ours, [theirs1]])
    // A key one lineage revoked is held as leaked: no other root's lineage vouches for it again.
    const listsA = trustVersion({ version: 2, root: root2, editors: [{ key: a }, { key: c }] })
    expect(reason(ask({ roots, stored: theirs.lineages, candidate: [theirs1, listsA] }))).toMatch(
      /est révoquée par la version 2 du fichier de confiance de la clé racine «\u00a0racine\u00a0»/u,
    )
    // An administrator's newer version is stored in its chain, in its place.
    const theirs2 = trustVersion({ version: 2, root: root2, editors: [{ key: b }, { key: c }] })
    const next = ask({ roots, stored: theirs.lineages, candidate: [theirs1, theirs2] }, c)
    expect(next.ok && next.lineages).toEqual([ours, [theirs1, theirs2]])
    // A replay of the administrator's version 1 is judged by its stored version 2, not taken for a new lineage.
    expect(ask({ roots, stored: next.ok ? next.lineages : [], candidate: [theirs1] }, b)).toMatchObject({ ok: true, version: 2 })
  })

  it('a pack’s versions choose its lineage only by what they prove: a root field, versions of two roots, versions proving nothing', () => {
    const roots = [root.trusted, root2.trusted]
    const c = testKey('editeur-c')
    const m1 = trustVersion({ root, editors: [{ key: a }, { key: b }] })
    const m2 = trustVersion({ version: 2, root, editors: [{ key: a }, { key: b }] })
    const m3 = trustVersion({ version: 3, root, editors: [{ key: b }], revoked: [a] })
    const a1 = trustVersion({ root: root2, editors: [{ key: c }] })
    // The administrator's chain stored first, Mollet's second, Mollet's revocation of a not shipped.
    const stored = [[a1], [m1, m2, m3]]
    const q = { roots, shipped: [m1, m2], stored }
    // A version naming the administrator's root, signed by a, not by that root: it proves nothing.
    const forged = trustVersion({ version: 1, root: root2, editors: [], signers: [a] })
    expect(reason(ask({ ...q, candidate: [forged, m2] }))).toMatch(/est révoquée par la version 3/u)
    // Genuine versions of both roots: one lineage's file does not hold another's.
    expect(reason(ask({ ...q, candidate: [a1, m2] }))).toMatch(/mêle les versions de plusieurs clés racines/u)
    // Versions under a root this Mollet does not have prove nothing: with several lineages, none judges them.
    const junk = trustVersion({ root: testKey('racine-inconnue'), editors: [{ key: a }] })
    expect(reason(ask({ ...q, candidate: [junk] }))).toMatch(/ne part d’aucune clé racine/u)
    // A planted state.json listing a shorter copy of a lineage first does not hide its later revocation.
    expect(reason(ask({ stored: [[m1], [m1, m2, m3]], candidate: [m1] }))).toMatch(/est révoquée par la version 3/u)
    // With one lineage, they are judged by it: the shipped revocation holds whatever was stored before it.
    const alone = { shipped: [m1, m2, m3], stored: [[m1, m2]], candidate: [junk] }
    expect(ask(alone, b)).toMatchObject({ ok: true, version: 3 })
    expect(reason(ask(alone))).toMatch(/ne part d’aucune clé racine/u)
  })

  it('a pack carrying only the versions after a change of root is judged by the chain it extends', () => {
    const v1 = trustVersion({ root, editors: [{ key: a }] })
    const both = trustVersion({ version: 2, root: root2, editors: [{ key: b }], signers: [root, root2] })
    const v3 = trustVersion({ version: 3, root: root2, editors: [{ key: b }], revoked: [a] })
    const other = trustVersion({ root: testKey('racine-3'), editors: [{ key: a }] })
    const decision = ask({ stored: [[other], [v1]], candidate: [both, v3] }, b)
    expect(decision).toMatchObject({ ok: true, version: 3 })
    expect(decision.ok && decision.lineages).toEqual([[other], [v1, both, v3]])
  })

  it('an older version is a replay: the stored newest still judges the key', () => {
    const v1 = trustVersion({ root, editors: [{ key: a }, { key: b }] })
    const v2 = trustVersion({ version: 2, root, editors: [{ key: b }], revoked: [a] })
    expect(reason(ask({ stored: [[v1, v2]], candidate: [v1] }))).toMatch(
      /^La clé qui a signé ce paquet \(empreinte [0-9a-f]{4}(\u00a0[0-9a-f]{4}){3}\) est révoquée par la version 2 du fichier de confiance\u00a0: paquet refusé\.$/u,
    )
    // A pack signed under the older version by a key still valid: fine, and the stored versions stay.
    const decision = ask({ stored: [[v1, v2]], candidate: [v1] }, b)
    expect(decision).toMatchObject({ ok: true, version: 2 })
    expect(decision.ok && decision.chain).toHaveLength(2)
  })

  it('the same version with another content is refused', () => {
    const v1 = trustVersion({ root, editors: [{ key: a }] })
    const other = trustVersion({ root, editors: [{ key: a }, { key: b }] })
    expect(reason(ask({ stored: [[v1]], candidate: [other] }))).toBe(
      'Fichier de confiance refusé\u00a0: deux versions 1 différentes du fichier de confiance.',
    )
  })

  it('a key dropped from the editors is refused, and so is one never listed', () => {
    const v1 = trustVersion({ root, editors: [{ key: a }, { key: b }] })
    const v2 = trustVersion({ version: 2, root, editors: [{ key: b }] })
    expect(reason(ask({ stored: [[v1]], candidate: [v1, v2] }))).toMatch(
      /^La clé qui a signé ce paquet \(empreinte .+\) n’est pas une clé d’éditeur de la version 2 du fichier de confiance \(retirée, ou jamais admise\)\u00a0: paquet refusé\.$/u,
    )
    expect(reason(ask({ candidate: [trustVersion({ root, editors: [{ key: b }] })] }))).toMatch(/n’est pas une clé d’éditeur/u)
  })

  it('a revoked key is refused even when a version still lists it', () => {
    const v = trustVersion({ root, editors: [{ key: a }], revoked: [a] })
    expect(reason(ask({ candidate: [v] }))).toMatch(/est révoquée par la version 1/u)
  })

  it('an expired key: no install after its day, no pack signed after it; an installed pack stays usable', () => {
    const v1 = trustVersion({ root, editors: [{ key: a, expires: '2027-03-31' }] })
    expect(ask({ candidate: [v1], today: '2027-03-31' }).ok).toBe(true)
    expect(reason(ask({ candidate: [v1], today: '2027-04-01' }))).toBe(
      'La clé «\u00a0editeur-a\u00a0» a expiré le 31\u00a0mars 2027\u00a0: un paquet signé par elle ne s’installe plus. Demandez à son éditeur un paquet signé par sa nouvelle clé.',
    )
    expect(ask({ candidate: [v1], today: '2028-01-01', purpose: 'start' }).ok).toBe(true)
    expect(reason(ask({ candidate: [v1], signed: '2027-04-01', purpose: 'start' }))).toBe(
      'La clé «\u00a0editeur-a\u00a0» a expiré le 31\u00a0mars 2027, avant la signature de ce paquet (le 1er\u00a0avril 2027)\u00a0: paquet refusé.',
    )
  })

  it('a version that takes a key away from the editors resets the revision to exceed; adding one does not', () => {
    const v1 = trustVersion({ root, editors: [{ key: a }] })
    const added = trustVersion({ version: 2, root, editors: [{ key: a }, { key: b }] })
    expect(ask({ stored: [[v1]], candidate: [v1, added] }, b)).toMatchObject({ ok: true, keysChanged: false })
    const revoked = trustVersion({ version: 2, root, editors: [{ key: b }], revoked: [a] })
    expect(ask({ stored: [[v1]], candidate: [v1, revoked] }, b)).toMatchObject({ ok: true, keysChanged: true })
    // Nothing stored: nothing to reset.
    expect(ask({ candidate: [v1, revoked] }, b)).toMatchObject({ ok: true, keysChanged: false })
  })

  it('the trust file shipped with the app is the least Mollet knows: nothing stored or carried goes under it', () => {
    const v1 = trustVersion({ root, editors: [{ key: a }, { key: b }] })
    const v2 = trustVersion({ version: 2, root, editors: [{ key: b }], revoked: [a] })
    // An app update ships v2: a pack by the revoked key, carrying v1, is refused with nothing stored
    // (a first start, or state.json deleted) …
    expect(reason(ask({ shipped: [v1, v2], candidate: [v1] }))).toMatch(/est révoquée par la version 2/u)
    // … and with a stored chain that does not follow the shipped one (a planted state.json).
    const planted = trustVersion({ version: 2, root, editors: [{ key: a }] })
    expect(reason(ask({ shipped: [v1, v2], stored: [[v1, planted]], candidate: [v1] }))).toMatch(/est révoquée par la version 2/u)
    // The key still listed signs as before, and the shipped versions are stored with the pack's.
    const decision = ask({ shipped: [v1, v2], candidate: [v1] }, b)
    expect(decision).toMatchObject({ ok: true, version: 2, keysChanged: false })
    expect(decision.ok && decision.chain).toEqual([v1, v2])
    // A stored chain newer than the shipped one still counts on top of it.
    const v3 = trustVersion({ version: 3, root, editors: [{ key: a }, { key: b }] })
    expect(ask({ shipped: [v1], stored: [[v1, v2, v3]], candidate: [v1] })).toMatchObject({ ok: true, version: 3 })
    // A shipped file that does not start from a shipped root adds nothing.
    expect(ask({ shipped: [trustVersion({ root: root2, editors: [{ key: b }] })], candidate: [v1] })).toMatchObject({
      ok: true,
      version: 1,
    })
    // Another root's pack (an administrator's, in the system folder) has its own lineage: the
    // shipped file is not its floor, but the key it revoked stays revoked.
    const theirs = trustVersion({ root: root2, editors: [{ key: a }, { key: b }] })
    const both = { roots: [root.trusted, root2.trusted], shipped: [v1, v2], candidate: [theirs] }
    expect(ask(both, b)).toMatchObject({ ok: true, version: 1 })
    expect(reason(ask(both))).toMatch(/est révoquée par la version 2 du fichier de confiance de la clé racine/u)
  })

  it('stored versions that no shipped root starts are counted as none', () => {
    const foreign = trustVersion({ root: root2, editors: [{ key: b }] })
    const v1 = trustVersion({ root, editors: [{ key: a }] })
    const decision = ask({ stored: [[foreign]], candidate: [v1] })
    expect(decision).toMatchObject({ ok: true, version: 1 })
    expect(decision.ok && decision.chain.map((v) => v.signed.root.name)).toEqual(['racine'])
  })
})

// The reference model: versions as plain values; « signed by » is a set of roots.
const ROOTS = 3
const EDITORS = 4
const DAYS = ['2027-01-01', '2027-06-01', '2028-01-01'] as const

interface ModelVersion {
  v: number
  root: number
  /** Editor → the last day it may sign. */
  editors: Map<number, string>
  revoked: Set<number>
  signers: Set<number>
}

/** A trust file lists its editors and revoked keys in an order of its own: that order is part of what is signed. */
function sameContent(x: ModelVersion, y: ModelVersion): boolean {
  const listed = (m: ModelVersion) => JSON.stringify([m.v, m.root, [...m.editors], [...m.revoked]])
  return listed(x) === listed(y)
}

/** What the model accepts after `chain`; null: refused. Root 0 is the one Mollet ships. */
function modelFollow(chain: readonly ModelVersion[], versions: readonly ModelVersion[]): ModelVersion[] | null {
  const out = [...chain]
  for (const next of versions) {
    const head = out[out.length - 1]
    if (head === undefined) {
      if (next.root === 0 && next.signers.has(0)) out.push(next)
    } else if (next.v === head.v) {
      if (!sameContent(next, head)) return null
    } else if (next.v > head.v) {
      const rootChange = next.root !== head.root
      if (!next.signers.has(head.root)) return null
      if (rootChange && (next.v !== head.v + 1 || !next.signers.has(next.root))) return null
      out.push(next)
    }
  }
  return out
}

type ModelAnswer = { ok: false } | { ok: true; chain: ModelVersion[]; editor: number; keysChanged: boolean }

function modelDecide(
  stored: readonly ModelVersion[],
  candidate: readonly ModelVersion[],
  editor: number,
  signed: string,
  today: string,
  purpose: 'install' | 'start',
): ModelAnswer {
  const base = modelFollow([], stored) ?? []
  const chain = modelFollow(base, candidate)
  const head = chain?.[chain.length - 1]
  if (!chain || !head) return { ok: false }
  const expires = head.editors.get(editor)
  if (head.revoked.has(editor) || expires === undefined) return { ok: false }
  if (signed > expires || (purpose === 'install' && today > expires)) return { ok: false }
  const before = base[base.length - 1]
  const valid = (m: ModelVersion) => [...m.editors.keys()].filter((e) => !m.revoked.has(e))
  const keysChanged = before !== undefined && valid(before).some((e) => !valid(head).includes(e))
  return { ok: true, chain, editor, keysChanged }
}

const modelVersion = fc.record({
  v: fc.integer({ min: 1, max: 6 }),
  root: fc.integer({ min: 0, max: ROOTS - 1 }),
  editors: fc.array(fc.tuple(fc.integer({ min: 0, max: EDITORS - 1 }), fc.constantFrom(...DAYS)), { maxLength: 3 }),
  revoked: fc.uniqueArray(fc.integer({ min: 0, max: EDITORS - 1 }), { maxLength: 2 }),
  // Mostly the signatures a root would make; sometimes forged ones.
  signers: fc.oneof(
    { arbitrary: fc.constant('own' as const), weight: 3 },
    { arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: ROOTS - 1 }), { minLength: 1, maxLength: 2 }), weight: 2 },
  ),
})

/** An organisation's history: each step one change, signed as the CLI would sign it, or forged; sometimes a version skipped. */
const historyStep = fc.record({
  skip: fc.boolean(),
  op: fc.constantFrom('add', 'drop', 'revoke', 'root', 'forge', 'half-root'),
  editor: fc.integer({ min: 0, max: EDITORS - 1 }),
  expires: fc.constantFrom(...DAYS),
  other: fc.integer({ min: 1, max: ROOTS - 1 }),
})

function history(steps: readonly (typeof historyStep extends fc.Arbitrary<infer T> ? T : never)[]): ModelVersion[] {
  let head: ModelVersion = { v: 1, root: 0, editors: new Map([[0, '2028-01-01']]), revoked: new Set(), signers: new Set([0]) }
  const out = [head]
  for (const step of steps) {
    const next: ModelVersion = {
      v: head.v + (step.skip ? 2 : 1),
      root: head.root,
      editors: new Map(head.editors),
      revoked: new Set(head.revoked),
      signers: new Set([head.root]),
    }
    if (step.op === 'add') next.editors.set(step.editor, step.expires)
    if (step.op === 'drop') next.editors.delete(step.editor)
    if (step.op === 'revoke') {
      next.editors.delete(step.editor)
      next.revoked.add(step.editor)
    }
    if (step.op === 'root') {
      next.root = (head.root + step.other) % ROOTS
      next.signers = new Set([head.root, next.root])
    }
    if (step.op === 'forge') next.signers = new Set([(head.root + step.other) % ROOTS])
    // A new root that the old one signs for, but that does not sign itself.
    if (step.op === 'half-root') next.root = (head.root + step.other) % ROOTS
    out.push(next)
    // A forged or half-signed version is not what the organisation goes on from.
    if (step.op !== 'forge' && step.op !== 'half-root') head = next
  }
  return out
}

describe('fast-check: trust decisions against the reference model', () => {
  it('every sequence of packs is judged as the model judges it', () => {
    const roots = Array.from({ length: ROOTS }, (_, i) => testKey(`racine-${i}`))
    const editors = Array.from({ length: EDITORS }, (_, i) => testKey(`editeur-${i}`))
    const real = new Map<string, TrustVersion>()

    function realVersion(m: ModelVersion): TrustVersion {
      const id = JSON.stringify([m.v, m.root, [...m.editors], [...m.revoked], [...m.signers]])
      let version = real.get(id)
      if (!version) {
        version = trustVersion({
          version: m.v,
          root: roots[m.root] as TestKey,
          editors: [...m.editors].map(([e, expires]) => ({ key: editors[e] as TestKey, expires })),
          revoked: [...m.revoked].map((e) => editors[e] as TestKey),
          signers: [...m.signers].map((r) => roots[r] as TestKey),
        })
        real.set(id, version)
      }
      return version
    }

    fc.assert(
      fc.property(
        fc.array(historyStep, { maxLength: 8 }),
        fc.array(modelVersion, { maxLength: 3 }),
        fc.array(
          fc.record({
            picks: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
            editor: fc.integer({ min: 0, max: EDITORS - 1 }),
            signed: fc.constantFrom(...DAYS),
            today: fc.constantFrom(...DAYS),
            purpose: fc.constantFrom('install' as const, 'start' as const),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (steps, drawn, packs) => {
          // One editor once per version: a trust file lists a key once.
          const random: ModelVersion[] = drawn.map((d) => ({
            v: d.v,
            root: d.root,
            editors: new Map(d.editors),
            revoked: new Set(d.revoked),
            signers: new Set(d.signers === 'own' ? [d.root] : d.signers),
          }))
          const versions = [...history(steps), ...random]
          let storedModel: ModelVersion[] = []
          let storedReal: TrustVersion[] = []
          for (const p of packs) {
            // A pack carries some of the versions, oldest first (replays and gaps included).
            const carried = [...new Set(p.picks.map((i) => i % versions.length))]
              .map((i) => versions[i] as ModelVersion)
              .sort((x, y) => x.v - y.v)
            const expected = modelDecide(storedModel, carried, p.editor, p.signed, p.today, p.purpose)
            const got = decideTrust({
              roots: [(roots[0] as TestKey).trusted],
              shipped: [],
              stored: storedReal.length > 0 ? [storedReal] : [],
              candidate: carried.map(realVersion),
              key: (editors[p.editor] as TestKey).trusted.fingerprint,
              signed: p.signed,
              today: p.today,
              purpose: p.purpose,
            })
            expect(got.ok).toBe(expected.ok)
            if (got.ok && expected.ok) {
              expect(got.editor.name).toBe(`editeur-${expected.editor}`)
              expect(got.keysChanged).toBe(expected.keysChanged)
              expect(got.chain.map((v) => v.signed.version)).toEqual(expected.chain.map((m) => m.v))
              expect(got.version).toBe(expected.chain[expected.chain.length - 1]?.v)
              // What an install stores: never fewer versions than before.
              expect(got.chain.length).toBeGreaterThanOrEqual(storedReal.length)
              storedModel = expected.chain
              storedReal = got.chain
            } else if (!got.ok) {
              expect(got.reason).toMatch(/paquet refusé|refusé|ne s’installe plus/u)
            }
          }
        },
      ),
      { numRuns: 400 },
    )
  })
})

describe('fast-check: several root lineages', () => {
  it('an accepted pack loses no stored lineage’s versions, and no lineage’s newest version revokes its key', () => {
    const roots = [testKey('r0'), testKey('r1')]
    const editors = [testKey('e0'), testKey('e1'), testKey('e2')]
    const forger = testKey('forger')
    const made = new Map<string, TrustVersion>()
    const version = (v: number, r: number, listed: number[], revoked: number[], forged = false): TrustVersion => {
      const id = JSON.stringify([v, r, listed, revoked, forged])
      const known = made.get(id)
      if (known) return known
      const t = trustVersion({
        version: v,
        root: roots[r] as TestKey,
        editors: listed.map((e) => ({ key: editors[e] as TestKey })),
        revoked: revoked.map((e) => editors[e] as TestKey),
        signers: forged ? [forger] : undefined,
      })
      made.set(id, t)
      return t
    }
    // A lineage: versions 1…n under its root, each with editors and revocations drawn.
    const lineage = (r: number) =>
      fc.array(fc.tuple(fc.subarray([0, 1, 2]), fc.subarray([0, 1, 2])), { minLength: 1, maxLength: 4 }).map((steps) =>
        steps.map(([listed, revoked], i) =>
          version(
            i + 1,
            r,
            listed.filter((e) => !revoked.includes(e)),
            revoked,
          ),
        ),
      )
    fc.assert(
      fc.property(
        lineage(0),
        lineage(1),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        (mollet, admin, adminFirst, shippedCount, picks, editor) => {
          const stored = adminFirst ? [admin, mollet] : [mollet, admin]
          const shipped = mollet.slice(0, shippedCount)
          // Genuine versions of either lineage, or forged ones naming either root.
          const candidate = picks
            .map(([r, i, forged]) => {
              const g = (r === 0 ? mollet : admin)[i % (r === 0 ? mollet : admin).length] as TrustVersion
              return forged ? version(g.signed.version, r, [0, 1, 2], [], true) : g
            })
            .sort((x, y) => x.signed.version - y.signed.version)
          const key = (editors[editor] as TestKey).trusted.fingerprint
          const d = decideTrust({
            roots: roots.map((r) => r.trusted),
            shipped,
            stored,
            candidate,
            key,
            signed: '2027-01-01',
            today: '2027-01-02',
            purpose: 'install',
          })
          if (!d.ok) return
          for (const chain of stored) {
            expect(d.lineages.some((l) => chain.every((v, i) => canonicalJson(l[i]?.signed) === canonicalJson(v.signed)))).toBe(true)
          }
          // Each stored chain is its lineage whole (the shipped versions are a beginning of Mollet's).
          for (const chain of stored) expect(chain.at(-1)?.signed.revoked ?? []).not.toContain(key)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
