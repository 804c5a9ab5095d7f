// The trust state in the app: stored in state.json with the installed pack,
// so that the pack installed, the previous one and every pack offered are
// judged by the newest trust version accepted — at start as at install. A
// key revoked by a newer version is refused in French, even for a pack
// installed before; a pack signed under an older version by a key still
// valid is fine; a far-future revision signed with a leaked key holds back no
// genuine pack once the root has revoked that key.
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildPack } from '../../electron/main/pack/build'
import { createContentStore, type ContentStore } from '../../electron/main/knowledge/content'
import { bundledKnowledge } from '../../electron/main/knowledge/store'
import { CONTENT_DIR, STATE_FILE } from '../../electron/main/pack/installed'
import { packWorkHere } from '../../electron/main/pack/verify-thread'
import { verifyPack } from '../../electron/main/pack/verify'
import type { ContentChangePreview } from '../../shared/pack/types'
import { RESOURCES, content, pack, testKey, trustFile, trustIn, trustVersion, type TestKey } from './helpers'

let root: TestKey
let a: TestKey
let b: TestKey
const dirs: string[] = []

beforeAll(() => {
  root = testKey('racine')
  a = testKey('editeur-a')
  b = testKey('editeur-b')
})

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function store(roots: () => TestKey[] = () => [root]): Promise<{ dir: string; open: () => ContentStore }> {
  const dir = await mkdtemp(join(tmpdir(), 'mollet-trust-'))
  dirs.push(dir)
  const open = () =>
    createContentStore({
      bundled: bundledKnowledge(RESOURCES),
      userDataDir: dir,
      rootKeys: async () => roots().map((k) => k.trusted),
      shippedTrust: async () => [],
      thread: packWorkHere,
    })
  return { dir, open }
}

/** The trust versions state.json keeps, per root lineage, as their root's name and number. */
async function storedVersions(dir: string, named = false): Promise<(number | string)[][]> {
  const state = JSON.parse(await readFile(join(dir, CONTENT_DIR, STATE_FILE), 'utf8')) as {
    version: number
    trust: { signed: { version: number; root: { name: string } } }[][]
  }
  expect(state.version).toBe(2)
  return state.trust.map((chain) => chain.map((v) => (named ? `${v.signed.root.name} ${v.signed.version}` : v.signed.version)))
}

function ready(preview: ContentChangePreview): Extract<ContentChangePreview, { status: 'ready' }> {
  if (preview.status !== 'ready') throw new Error(`not ready: ${JSON.stringify(preview)}`)
  return preview
}

function refusal(preview: ContentChangePreview): string {
  if (preview.status !== 'refused') throw new Error(`not refused: ${preview.status}`)
  return preview.problems.map((p) => p.message).join('\n')
}

const v1 = () => trustVersion({ root, editors: [{ key: a }] })
/** Editor b comes in; a is revoked (leaked). */
const v2 = () => trustVersion({ version: 2, root, editors: [{ key: b }], revoked: [a] })

describe('the stored trust state', () => {
  it('a pack signed by a revoked key is refused in French', async () => {
    const leaked = await pack(a, { revision: '2026-12-15', edition: '2' }, trustFile(v1(), v2()))
    const verdict = verifyPack(leaked, trustIn(root.trusted), 'fuite.mollet')
    expect(verdict.ok).toBe(false)
    if (verdict.ok) return
    expect(verdict.problems).toEqual([
      {
        file: 'trust.json',
        entry: null,
        field: null,
        message: expect.stringMatching(
          /^La clé qui a signé ce paquet \(empreinte .+\) est révoquée par la version 2 du fichier de confiance\u00a0: paquet refusé\.$/u,
        ),
      },
    ])
  })

  it('is stored with the pack; a revocation reaches the packs installed before, at install and at start', async () => {
    const { dir, open } = await store()
    const first = open()
    await first.apply(
      ready(await first.previewPack(await pack(a, { revision: '2026-12-15', edition: '2' }, trustFile(v1())), 'a.mollet')).token,
      false,
    )
    // A newer pack by b, under version 2, which revokes a.
    const byB = await pack(b, { revision: '2027-01-10', edition: '3' }, trustFile(v1(), v2()))
    await first.apply(ready(await first.previewPack(byB, 'b.mollet')).token, false)
    expect(await storedVersions(dir)).toEqual([[1, 2]])

    // After a restart: b's pack verifies against the stored versions; a's, the previous content, no longer does.
    const restarted = open()
    expect((await restarted.info()).version?.edition).toBe('3')
    expect((await restarted.info()).notice).toBeNull()
    expect(refusal(await restarted.previewRevert('previous'))).toMatch(/est révoquée par la version 2 du fichier de confiance/u)
    // A pack by a under version 1 — what a clinic might still be handed — is refused too: the stored version 2 judges it.
    const replayed = await pack(a, { revision: '2027-02-01', edition: '4' }, trustFile(v1()))
    expect(refusal(await restarted.previewPack(replayed, 'a-2.mollet'))).toMatch(/est révoquée par la version 2/u)
  })

  it('a pack signed under an older trust version by a key still valid installs', async () => {
    const { open } = await store()
    const s = open()
    const withB = trustVersion({ version: 2, root, editors: [{ key: a }, { key: b }] })
    await s.apply(
      ready(await s.previewPack(await pack(b, { revision: '2026-12-15', edition: '2' }, trustFile(v1(), withB)), 'b.mollet')).token,
      false,
    )
    const underV1 = await pack(a, { revision: '2027-01-10', edition: '3' }, trustFile(v1()))
    const preview = ready(await s.previewPack(underV1, 'a.mollet'))
    expect(preview.older).toBeNull()
    await s.apply(preview.token, false)
    expect((await open().info()).version?.edition).toBe('3')
  })

  it('a far-future revision signed with a leaked key holds back no genuine pack once the key is revoked', async () => {
    const { open } = await store()
    const s = open()
    // The leaked key signs « on » 2030-01-01, revision that day: every later genuine pack would look older.
    const files = await content({ revision: '2030-01-01', edition: '99' })
    const farFuture = buildPack(files, a.privateKey, trustFile(v1()), { now: new Date('2030-01-01T12:00:00Z') }).bytes
    await s.apply(ready(await s.previewPack(farFuture, 'fuite.mollet')).token, false)
    expect((await s.info()).version?.revision).toBe('2030-01-01')

    // A genuine pack under a version that only adds a key: still « older », needs confirming.
    const onlyAdds = trustVersion({ version: 2, root, editors: [{ key: a }, { key: b }] })
    const genuine = await pack(b, { revision: '2027-01-10', edition: '3' }, trustFile(v1(), onlyAdds))
    expect(ready(await s.previewPack(genuine, 'b.mollet')).older).toMatch(/n’est pas plus récent/u)

    // Under the version that revokes the leaked key, the revision to exceed starts again: no confirmation asked.
    const afterRevocation = await pack(b, { revision: '2027-01-10', edition: '3' }, trustFile(v1(), v2()))
    const preview = ready(await s.previewPack(afterRevocation, 'b.mollet'))
    expect(preview.older).toBeNull()
    await s.apply(preview.token, false)
    expect((await open().info()).version?.edition).toBe('3')
  })

  it('an administrator’s root beside Mollet’s: each lineage keeps its own chain, packs of both install and go back', async () => {
    const admin = testKey('racine-cabinet')
    const c = testKey('editeur-cabinet')
    const { dir, open } = await store(() => [root, admin])
    const s = open()
    const ours = await pack(
      b,
      { revision: '2026-12-15', edition: '2' },
      trustFile(v1(), trustVersion({ version: 2, root, editors: [{ key: b }] })),
    )
    await s.apply(ready(await s.previewPack(ours, 'mollet.mollet')).token, false)
    // The clinic's own pack, under its administrator's root: refused before, while one chain was kept.
    const theirs = await pack(c, { revision: '2027-01-10', edition: '3' }, trustFile(trustVersion({ root: admin, editors: [{ key: c }] })))
    await s.apply(ready(await s.previewPack(theirs, 'cabinet.mollet')).token, false)
    expect(await storedVersions(dir, true)).toEqual([['racine 1', 'racine 2'], ['racine-cabinet 1']])
    // After a restart both verify: the current one, and the previous one to go back to.
    const restarted = open()
    expect((await restarted.info()).notice).toBeNull()
    expect((await restarted.info()).version?.edition).toBe('3')
    await restarted.apply(ready(await restarted.previewRevert('previous')).token, true)
    expect((await open().info()).version?.edition).toBe('2')
    // Mollet's lineage still judges Mollet's packs: its revocation of a holds, the administrator's chain stays.
    const leaked = await pack(a, { revision: '2027-02-01', edition: '4' }, trustFile(v1()))
    const s2 = open()
    const revoking = await pack(
      b,
      { revision: '2027-01-20', edition: '3' },
      trustFile(v1(), trustVersion({ version: 3, root, editors: [{ key: b }], revoked: [a] })),
    )
    await s2.apply(ready(await s2.previewPack(revoking, 'revocation.mollet')).token, false)
    expect(refusal(await open().previewPack(leaked, 'fuite.mollet'))).toMatch(/est révoquée par la version 3/u)
    expect(await storedVersions(dir, true)).toEqual([['racine 1', 'racine 2', 'racine 3'], ['racine-cabinet 1']])
  })

  it('a revoked key does not install by naming another root in its trust file, and the other lineage’s chain stays', async () => {
    const admin = testKey('racine-cabinet')
    const c = testKey('editeur-cabinet')
    const m1 = trustVersion({ root, editors: [{ key: a }, { key: b }] })
    const m2 = trustVersion({ version: 2, root, editors: [{ key: a }, { key: b }] })
    const m3 = trustVersion({ version: 3, root, editors: [{ key: b }], revoked: [a] })
    const dir = await mkdtemp(join(tmpdir(), 'mollet-trust-'))
    dirs.push(dir)
    // This app ships Mollet's versions 1 and 2; version 3, revoking a, came with a pack.
    const open = () =>
      createContentStore({
        bundled: bundledKnowledge(RESOURCES),
        userDataDir: dir,
        rootKeys: async () => [root.trusted, admin.trusted],
        shippedTrust: async () => [m1, m2],
        thread: packWorkHere,
      })
    const s = open()
    const theirs = await pack(c, { revision: '2026-12-10', edition: '2' }, trustFile(trustVersion({ root: admin, editors: [{ key: c }] })))
    await s.apply(ready(await s.previewPack(theirs, 'cabinet.mollet')).token, false)
    await s.apply(
      ready(await s.previewPack(await pack(b, { revision: '2026-12-20', edition: '3' }, trustFile(m1, m2, m3)), 'mollet.mollet')).token,
      false,
    )
    // a's leaked key, with a version naming the clinic's root that this root never signed.
    const forged = trustVersion({ version: 1, root: admin, editors: [], signers: [a] })
    const evil = await pack(a, { revision: '2027-02-01', edition: '4' }, trustFile(forged, m2))
    expect(refusal(await open().previewPack(evil, 'fuite.mollet'))).toMatch(/est révoquée par la version 3/u)
    expect(await storedVersions(dir, true)).toEqual([['racine-cabinet 1'], ['racine 1', 'racine 2', 'racine 3']])
  })

  it('a state.json of version 1 (one chain) is read as version 2, its chain kept', async () => {
    const { dir, open } = await store()
    const s = open()
    const installed = await pack(a, { revision: '2026-12-15', edition: '2' }, trustFile(v1()))
    await s.apply(ready(await s.previewPack(installed, 'a.mollet')).token, false)
    // Written as Mollet wrote it before: one chain, version 1.
    const path = join(dir, CONTENT_DIR, STATE_FILE)
    const state = JSON.parse(await readFile(path, 'utf8')) as { version: number; trust: unknown[][] }
    await writeFile(path, JSON.stringify({ ...state, version: 1, trust: state.trust[0] }))
    const restarted = open()
    expect((await restarted.info()).notice).toBeNull()
    expect((await restarted.info()).version?.edition).toBe('2')
    // The next pack of its lineage continues that chain, written as version 2; its revocation then holds.
    const byB = await pack(b, { revision: '2027-01-10', edition: '3' }, trustFile(v1(), v2()))
    await restarted.apply(ready(await restarted.previewPack(byB, 'b.mollet')).token, false)
    expect(await storedVersions(dir)).toEqual([[1, 2]])
    const replayed = await pack(a, { revision: '2027-02-01', edition: '4' }, trustFile(v1()))
    expect(refusal(await open().previewPack(replayed, 'a-2.mollet'))).toMatch(/est révoquée par la version 2/u)
  })
})
