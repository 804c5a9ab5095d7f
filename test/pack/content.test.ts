// The content store: a pack previewed, installed, kept across a restart
// (verified again), refused when it no longer verifies; going back to the
// previous and the original content; the handlers and the handout switch at
// once. Keys and packs are made in the test.
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlers } from '../../electron/main/handlers'
import { ContentChangeError, createContentStore, type ContentStore } from '../../electron/main/knowledge/content'
import { bundledKnowledge } from '../../electron/main/knowledge/store'
import { CONTENT_DIR, STATE_FILE } from '../../electron/main/pack/installed'
import { packWorkHere } from '../../electron/main/pack/verify-thread'
import { standardSelection } from '../../shared/handout/selection'
import type { ContentChangePreview } from '../../shared/pack/types'
import { RESOURCES, pack, testKey, type TestKey } from './helpers'

let key: TestKey
let newer: Uint8Array
let older: Uint8Array
let newest: Uint8Array
const dirs: string[] = []

beforeAll(async () => {
  key = testKey()
  newer = await pack(key, {
    revision: '2026-12-15',
    edition: '2',
    rename: { deshydratation: 'Déshydratation (manque d’eau)' },
    add: [{ from: 'stress-eleve', id: 'stress-aigu', name: 'Stress aigu' }],
  })
  older = await pack(key, { revision: '2026-10-01', edition: '0' })
  newest = await pack(key, { revision: '2027-01-10', edition: '3' })
})

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function userData(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mollet-content-'))
  dirs.push(dir)
  return dir
}

function store(dir: string, trusted = [key.trusted]): ContentStore {
  return createContentStore({
    bundled: bundledKnowledge(RESOURCES),
    userDataDir: dir,
    rootKeys: async () => trusted,
    shippedTrust: async () => [],
    thread: packWorkHere,
  })
}

function ready(preview: ContentChangePreview): Extract<ContentChangePreview, { status: 'ready' }> {
  if (preview.status !== 'ready') throw new Error(`not ready: ${JSON.stringify(preview)}`)
  return preview
}

describe('the content store', () => {
  it('starts on the bundled content, which needs no signature', async () => {
    const info = await store(await userData()).info()
    expect(info).toMatchObject({
      origin: 'bundled',
      version: { title: 'Contractions musculaires au mollet', edition: '1', revision: '2026-11-25' },
      editor: 'Équipe Mollet',
      source: { title: 'Contractions musculaires au mollet', file: 'source/contractions-musculaires-au-mollet.txt' },
      signature: { kind: 'bundled' },
      packId: null,
      lastChange: null,
      previous: null,
      notice: null,
    })
  })

  it('previews, installs, and keeps a newer pack across a restart, verified again', async () => {
    const dir = await userData()
    const s = store(dir)
    const preview = ready(await s.previewPack(newer, 'contenu-2.mollet'))
    expect(preview.older).toBeNull()
    expect(preview.signature).toEqual({ kind: 'signed', keyName: 'essai', fingerprint: key.trusted.fingerprint })
    expect(preview.diff.added.map((e) => e.id)).toEqual(['stress-aigu'])
    expect(preview.diff.changed).toEqual([expect.objectContaining({ id: 'deshydratation', fields: ['name'] })])
    // Nothing installed by a preview.
    expect((await s.current()).kb.meta?.edition).toBe('1')

    const info = await s.apply(preview.token, false)
    expect(info).toMatchObject({
      origin: 'pack',
      version: { edition: '2', revision: '2026-12-15' },
      signature: { kind: 'signed', keyName: 'essai' },
    })
    expect(info.lastChange?.counts).toEqual({ added: 1, removed: 0, changed: 1 })
    expect(info.previous).toEqual({
      origin: 'bundled',
      version: { title: 'Contractions musculaires au mollet', edition: '1', revision: '2026-11-25' },
    })
    expect((await s.current()).kb.causes.find((c) => c.id === 'deshydratation')?.name).toBe('Déshydratation (manque d’eau)')

    const again = store(dir)
    expect((await again.info()).version?.edition).toBe('2')
    expect((await again.current()).kb.causes.map((c) => c.id)).toContain('stress-aigu')
    expect(await readdir(join(dir, CONTENT_DIR, 'packs'))).toHaveLength(1)
  })

  it('an app update bringing a newer bundled content: it wins over the older pack, said once', async () => {
    const dir = await userData()
    const s = store(dir)
    await s.apply(ready(await s.previewPack(older, 'contenu-0.mollet')).token, true)
    expect((await s.info()).version?.revision).toBe('2026-10-01')

    // At the next start, the bundled content (2026-11-25) is newer than the pack (2026-10-01).
    const updated = store(dir)
    const info = await updated.info()
    expect(info.origin).toBe('bundled')
    expect(info.notice).toBe(
      'Cette version de Mollet apporte un contenu plus récent (édition 1, révisé le 25\u00a0novembre 2026) que le paquet installé (édition 0, révisé le 1er\u00a0octobre 2026)\u00a0: Mollet utilise désormais le contenu fourni avec l’application. Le paquet reste le contenu précédent.',
    )
    expect(info.previous).toEqual({
      origin: 'pack',
      version: { title: 'Contractions musculaires au mollet', edition: '0', revision: '2026-10-01' },
    })

    const later = store(dir)
    expect((await later.info()).origin).toBe('bundled')
    expect((await later.info()).notice).toBeNull()
  })

  it('a pack that no longer verifies at start: the bundled content, and why', async () => {
    const dir = await userData()
    const s = store(dir)
    await s.apply(ready(await s.previewPack(newer, 'contenu-2.mollet')).token, false)

    const withoutKey = store(dir, [])
    expect((await withoutKey.current()).kb.meta?.edition).toBe('1')
    const notice = (await withoutKey.info()).notice
    expect(notice).toMatch(
      /^Le contenu mis à jour \(édition 2, révisé le 15\u00a0décembre 2026\) ne se vérifie plus\u00a0: le fichier de confiance de ce paquet ne part d’aucune clé racine/u,
    )
    expect(notice).toMatch(/Mollet utilise le contenu d’origine\.$/u)

    const [name] = await readdir(join(dir, CONTENT_DIR, 'packs'))
    const path = join(dir, CONTENT_DIR, 'packs', name as string)
    const bytes = await readFile(path)
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] as number) ^ 1
    await writeFile(path, bytes)
    const tampered = store(dir)
    expect((await tampered.info()).origin).toBe('bundled')
    expect((await tampered.info()).notice).toMatch(/ne se vérifie plus/u)
  })

  it('an unreadable state file: the bundled content, and a notice', async () => {
    const dir = await userData()
    const s = store(dir)
    await s.apply(ready(await s.previewPack(newer, 'contenu-2.mollet')).token, false)
    await writeFile(join(dir, CONTENT_DIR, STATE_FILE), '{"version": 1, "current": ')
    const info = await store(dir).info()
    expect(info.origin).toBe('bundled')
    expect(info.notice).toBe(
      'L’état du contenu installé est illisible\u00a0: Mollet utilise le contenu d’origine. Vous pouvez installer de nouveau un paquet de contenu.',
    )
  })

  it('a planted state.json whose texts would reorder the screen is unreadable, never shown', async () => {
    const dir = await userData()
    const s = store(dir)
    await s.apply(ready(await s.previewPack(newer, 'contenu-2.mollet')).token, false)
    const path = join(dir, CONTENT_DIR, STATE_FILE)
    const state = JSON.parse(await readFile(path, 'utf8')) as { lastChange: { added: { label: string }[] } }
    ;(state.lastChange.added[0] as { label: string }).label = 'Stress aigu\u202e\u001b[2J'
    await writeFile(path, JSON.stringify(state))
    const info = await store(dir).info()
    expect(info.origin).toBe('bundled')
    expect(info.lastChange).toBeNull()
    expect(info.notice).toMatch(/^L’état du contenu installé est illisible/u)
  })

  it('a revision not newer installs only when the clinician confirms going back', async () => {
    const dir = await userData()
    const s = store(dir)
    const preview = ready(await s.previewPack(older, 'ancien.mollet'))
    expect(preview.older).toBe(
      'Ce paquet n’est pas plus récent que le contenu actuel (révisé le 1er\u00a0octobre 2026, contre le 25\u00a0novembre 2026)\u00a0: il ne s’installe que si vous confirmez revenir en arrière.',
    )
    await expect(s.apply(preview.token, false)).rejects.toThrow(ContentChangeError)
    expect((await s.info()).origin).toBe('bundled')
    expect((await s.apply(preview.token, true)).version?.edition).toBe('0')
  })

  it('the pack already installed is refused; a stale preview too', async () => {
    const dir = await userData()
    const s = store(dir)
    const first = ready(await s.previewPack(newer, 'contenu-2.mollet'))
    const second = ready(await s.previewPack(newest, 'contenu-3.mollet'))
    await expect(s.apply(first.token, false)).rejects.toThrow('Ce changement de contenu n’est plus proposé\u00a0: recommencez.')
    await s.apply(second.token, false)
    expect(await s.previewPack(newest, 'contenu-3.mollet')).toMatchObject({ status: 'refused', title: 'Ce paquet est déjà installé.' })
  })

  it('goes back to the previous content and to the original, each previewed first', async () => {
    const dir = await userData()
    const s = store(dir)
    await s.apply(ready(await s.previewPack(newer, 'contenu-2.mollet')).token, false)
    await s.apply(ready(await s.previewPack(newest, 'contenu-3.mollet')).token, false)
    expect((await s.info()).previous?.version).toMatchObject({ edition: '2' })

    const back = ready(await s.previewRevert('previous'))
    expect(back.kind).toBe('previous')
    expect(back.diff.from.edition).toBe('3')
    expect(back.diff.to.edition).toBe('2')
    expect((await s.apply(back.token, true)).version?.edition).toBe('2')
    expect((await s.info()).previous?.version).toMatchObject({ edition: '3' })

    const original = ready(await s.previewRevert('original'))
    expect(original.diff.removed.map((e) => e.id)).toEqual(['stress-aigu'])
    const info = await s.apply(original.token, true)
    expect(info).toMatchObject({ origin: 'bundled', signature: { kind: 'bundled' }, version: { edition: '1' } })
    expect(await s.previewRevert('original')).toMatchObject({ status: 'refused', title: 'Mollet utilise déjà le contenu d’origine.' })
    // Only the packs the state names are kept: the previous one (edition 2).
    expect(await readdir(join(dir, CONTENT_DIR, 'packs'))).toHaveLength(1)
    expect((await store(dir).info()).origin).toBe('bundled')
  })

  it('nothing to go back to', async () => {
    expect(await store(await userData()).previewRevert('previous')).toEqual({
      status: 'refused',
      title: 'Il n’y a pas de contenu précédent auquel revenir.',
      problems: [],
    })
  })

  it('a folder that cannot be written: a French message, the current content kept', async () => {
    const root = await userData()
    const file = join(root, 'un-fichier')
    await writeFile(file, 'pas un dossier')
    const s = store(join(file, 'userData'))
    const preview = ready(await s.previewPack(newer, 'contenu-2.mollet'))
    await expect(s.apply(preview.token, false)).rejects.toThrow(
      'Le contenu n’a pas pu être enregistré\u00a0: le dossier de Mollet n’est pas accessible en écriture. Le contenu actuel est conservé.',
    )
    expect((await s.info()).origin).toBe('bundled')
  })

  it.each(['content', 'content/packs'])('%s planted as a symbolic link: nothing written or deleted through it', async (link) => {
    const root = await userData()
    const elsewhere = join(root, 'ailleurs')
    await mkdir(elsewhere)
    const victim = `${'a'.repeat(64)}.mollet`
    await writeFile(join(elsewhere, victim), 'à garder')
    await mkdir(join(root, 'userData', link), { recursive: true })
    await rm(join(root, 'userData', link), { recursive: true })
    await symlink(elsewhere, join(root, 'userData', link))
    const s = store(join(root, 'userData'))
    const preview = ready(await s.previewPack(newer, 'contenu-2.mollet'))
    await expect(s.apply(preview.token, false)).rejects.toThrow('Le contenu n’a pas pu être enregistré')
    expect(await readdir(elsewhere)).toEqual([victim])
    expect((await s.info()).origin).toBe('bundled')
  })
})

describe('through the handlers', () => {
  it('the tables and the handout switch at once; a refused pack changes nothing', async () => {
    const dir = await userData()
    const packs = await userData()
    const good = join(packs, 'contenu-2.mollet')
    const bad = join(packs, 'modifie.mollet')
    await writeFile(good, newer)
    const tampered = newer.slice()
    tampered[tampered.length >> 1] = (tampered[tampered.length >> 1] as number) ^ 1
    await writeFile(bad, tampered)
    let next: string | null = null
    const titles: string[] = []
    const keys = await userData()
    await writeFile(join(keys, 'essai.pub'), key.publicPem)
    const handlers = createHandlers({
      resourcesDir: RESOURCES,
      userDataDir: dir,
      trustedKeyDirs: [keys],
      desktop: { chooseSavePath: async () => null, chooseOpenPath: async () => next, writeClipboard: () => undefined },
      renderPdf: async (doc) => {
        titles.push(`${doc.footer.edition}. ${doc.footer.revision}`)
        return { pdf: new Uint8Array([37]), unprintable: [] }
      },
    })
    const before = await handlers.loadKnowledgeBase()
    expect(await handlers.openContentPack()).toEqual({ status: 'cancelled' })

    next = bad
    const refused = await handlers.openContentPack()
    expect(refused).toMatchObject({ status: 'refused', title: 'Ce paquet est refusé\u00a0: le contenu actuel est conservé.' })
    expect(await handlers.loadKnowledgeBase()).toBe(before)

    next = good
    const preview = await handlers.openContentPack()
    if (preview.status !== 'ready') throw new Error('not ready')
    const applied = await handlers.applyContentChange(preview.token, false)
    expect(applied.info.version?.edition).toBe('2')
    // The same pack again, under a name that would reverse what follows it: named escaped.
    next = join(packs, '\u202elloM.mollet')
    await writeFile(next, newer)
    expect(await handlers.openContentPack()).toMatchObject({
      status: 'refused',
      problems: [{ file: '<U+202E>lloM.mollet', message: 'C’est le contenu que Mollet utilise déjà.' }],
    })
    const after = await handlers.loadKnowledgeBase()
    expect(after.kb.causes.map((c) => c.id)).toContain('stress-aigu')
    await handlers.renderHandout({ ...standardSelection(after.kb), patientName: '', note: '', largePrint: false, alerts: [] }, 'print')
    expect(titles).toEqual(['Édition 2. Contenu révisé le 15\u00a0décembre 2026'])
    await expect(Promise.resolve(handlers.applyContentChange(preview.token, false))).rejects.toThrow('n’est plus proposé')
  })
})
