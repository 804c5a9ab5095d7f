// Freshness without a network: a pack says
// until when its editor vouches it current; past that day Mollet keeps using
// it and says, with its revision, that it may be out of date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildPack } from '../../electron/main/pack/build'
import { createContentStore } from '../../electron/main/knowledge/content'
import { bundledKnowledge } from '../../electron/main/knowledge/store'
import { MANIFEST_FILE } from '../../electron/main/pack/manifest'
import { packWorkHere } from '../../electron/main/pack/verify-thread'
import { verifyPack } from '../../electron/main/pack/verify'
import { outdatedText } from '../../shared/pack/describe'
import { run } from '../../scripts/pack'
import { RESOURCES, SIGNING_DAY, content, manifestOf, pack, resigned, selfTrust, testKey, trustIn, type TestKey } from './helpers'

let key: TestKey
let valid: Uint8Array
let work: string

beforeAll(async () => {
  key = testKey()
  valid = await pack(key)
  work = await mkdtemp(join(tmpdir(), 'mollet-fraicheur-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

function problemsOf(bytes: Uint8Array) {
  const verdict = verifyPack(bytes, trustIn(key.trusted), 'essai.mollet')
  return verdict.ok ? [] : verdict.problems
}

describe('the manifest says until when the pack is current', () => {
  it('a year after the signing day unless the editor says otherwise', async () => {
    expect(manifestOf(valid)).toMatchObject({ signed: '2027-06-01', currentUntil: '2028-05-31' })
    const files = await content({ revision: '2026-12-15', edition: '2' })
    const chosen = buildPack(files, key.privateKey, selfTrust(key), { now: SIGNING_DAY, currentUntil: '2027-09-30' })
    expect(chosen.manifest.currentUntil).toBe('2027-09-30')
    expect(verifyPack(chosen.bytes, trustIn(key.trusted), 'essai.mollet').ok).toBe(true)
  })

  it('not before the signing day, not more than three years after it, and signed', () => {
    expect(problemsOf(resigned(valid, key, (m) => Object.assign(m, { currentUntil: '2027-05-31' })))).toEqual([
      {
        file: MANIFEST_FILE,
        entry: null,
        field: 'currentUntil',
        message: 'Date de fin de validité (2027-05-31) antérieure au jour de la signature (2027-06-01)\u00a0: paquet refusé.',
      },
    ])
    expect(problemsOf(resigned(valid, key, (m) => Object.assign(m, { currentUntil: '2099-01-01' })))[0]?.message).toMatch(
      /^Date de fin de validité trop lointaine \(2099-01-01\)/u,
    )
    expect(problemsOf(resigned(valid, key, (m) => Object.assign(m, { currentUntil: '2028-02-30' }))).map((p) => p.field)).toEqual([
      'currentUntil',
    ])
    expect(problemsOf(resigned(valid, key, (m) => delete m.currentUntil)).map((p) => p.field)).toEqual(['currentUntil'])
  })

  it('build --until: a real date, said back; a wrong one is exit 2', async () => {
    const dir = join(work, 'contenu')
    await cp(join(RESOURCES, 'knowledge'), join(dir, 'knowledge'), { recursive: true })
    await cp(join(RESOURCES, 'source'), join(dir, 'source'), { recursive: true })
    const keys = join(work, 'cles')
    const io = { out: '', err: '' }
    const cli = async (...argv: string[]) => {
      io.out = ''
      io.err = ''
      return run(argv, { out: (t) => (io.out += t), err: (t) => (io.err += t) })
    }
    expect(await cli('keygen', '--out', keys)).toBe(0)
    expect(await cli('keygen', '--out', keys, '--name', 'racine')).toBe(0)
    const trust = join(work, 'confiance.json')
    expect(await cli('trust-init', '--root', join(keys, 'racine.key'), '--add', join(keys, 'editeur.pub'), '--out', trust)).toBe(0)
    const out = join(work, 'contenu.mollet')
    const key = ['--key', join(keys, 'editeur.key'), '--trust', trust]
    expect(await cli('build', dir, ...key, '--out', out, '--until', '2026-13-01')).toBe(2)
    expect(io.err).toContain('Date non valide pour --until\u00a0: 2026-13-01')
    const until = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10)
    expect(await cli('build', dir, ...key, '--out', out, '--until', until)).toBe(0)
    expect(io.out).toMatch(/\n {2}à jour jusqu’au (1er|\d{1,2})\u00a0\S+ \d{4} selon son éditeur\n/u)
    expect(await cli('verify', out, '--keys', keys)).toBe(0)
    expect(io.out).toContain('à jour jusqu’au')
  })
})

describe('past that day', () => {
  it('Mollet keeps using the pack and says it may be out of date, with its revision', async () => {
    const userData = await mkdtemp(join(work, 'profil-'))
    let today = new Date('2027-07-01T09:00:00Z')
    const store = () =>
      createContentStore({
        bundled: bundledKnowledge(RESOURCES),
        userDataDir: userData,
        rootKeys: async () => [key.trusted],
        shippedTrust: async () => [],
        thread: packWorkHere,
        now: () => today,
      })
    const first = store()
    const preview = await first.previewPack(valid, 'contenu-2.mollet')
    if (preview.status !== 'ready') throw new Error('refused')
    const installed = await first.apply(preview.token, false)
    expect(installed).toMatchObject({ currentUntil: '2028-05-31', outdated: false })
    expect(outdatedText(installed)).toBeNull()

    today = new Date('2028-06-01T09:00:00Z')
    const later = store()
    const info = await later.info()
    expect(info).toMatchObject({ origin: 'pack', currentUntil: '2028-05-31', outdated: true, notice: null })
    expect((await later.current()).kb.meta?.edition).toBe('2')
    expect(outdatedText(info)).toBe(
      'Ce contenu (édition 2, révisée le 15\u00a0décembre 2026) n’est garanti à jour que jusqu’au 31\u00a0mai 2028 par son éditeur\u00a0: Mollet continue de l’utiliser, mais il peut être dépassé. Demandez à son éditeur un paquet plus récent.',
    )
  })

  it('the bundled content has no such day', async () => {
    const userData = await mkdtemp(join(work, 'profil-'))
    const info = await createContentStore({
      bundled: bundledKnowledge(RESOURCES),
      userDataDir: userData,
      rootKeys: async () => [],
      shippedTrust: async () => [],
      thread: packWorkHere,
      now: () => new Date('2099-01-01T00:00:00Z'),
    }).info()
    expect(info).toMatchObject({ origin: 'bundled', currentUntil: null, outdated: false })
  })
})
