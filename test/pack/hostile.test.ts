// Hostile pack files crafted against the checks, each refused or
// handled as stated: names that would draw on the terminal, FIFOs and huge
// files, 100,000 invalid entries, revisions that are no day, a second layout
// of one pack, private keys and stray files among the trusted keys, versions
// named by the right field, a line break that forged lines in a diff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readPackFile } from '../../electron/main/pack/file'
import { createInstalledFiles } from '../../electron/main/pack/installed'
import { readTrustedKeys } from '../../electron/main/pack/keys'
import { MANIFEST_FILE, SIGNATURE_FILE, TRUST_FILE, manifestBytes, sha256Hex } from '../../electron/main/pack/manifest'
import { verifyPack } from '../../electron/main/pack/verify'
import { packFile, writeZip } from '../../electron/main/pack/zip'
import type { KbProblem } from '../../shared/kb/types'
import { run } from '../../scripts/pack'
import { RESOURCES, manifestOf, pack, packedFiles, resigned, rezip, signedArchive, testKey, trustIn, unpack, type TestKey } from './helpers'

let work: string
let key: TestKey
let valid: Uint8Array
let keysDir: string
let validPath: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mollet-hostile-'))
  key = testKey('editeur')
  valid = await pack(key)
  keysDir = join(work, 'cles')
  await mkdir(keysDir)
  await writeFile(join(keysDir, 'editeur.pub'), key.publicPem)
  validPath = join(work, 'valide.mollet')
  await writeFile(validPath, valid)
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) })
  return { code, out, err }
}

function refused(bytes: Uint8Array): KbProblem[] {
  const verdict = verifyPack(bytes, trustIn(key.trusted), 'essai.mollet')
  if (verdict.ok) throw new Error('the pack was accepted')
  return verdict.problems
}

/** The valid pack with one of its files replaced, its manifest made to match and signed again. */
function withFile(path: string, data: Uint8Array): Uint8Array {
  const files = unpack(valid).filter(([n]) => n !== MANIFEST_FILE && n !== SIGNATURE_FILE && n !== TRUST_FILE)
  const packed = files.map(([n, d]) => packFile(n, n === path ? data : d))
  const manifest = manifestOf(valid)
  manifest.files = packed.map((f, i) => ({
    path: f.name,
    size: f.size,
    sha256: sha256Hex(f.name === path ? data : ((files[i] as [string, Uint8Array])[1] as Uint8Array)),
    stored: { size: f.stored.length, sha256: sha256Hex(f.stored) },
  }))
  return signedArchive(key, manifest, packed)
}

const ESC = '\u001b'
/** An unsigned archive whose one entry's name redraws the terminal as a valid pack. */
const forgedName = `${ESC}[2K${ESC}[1G${ESC}[32mPaquet valide\u00a0: contenu-2.mollet${ESC}[0m\n  signé par la clé mollet`

describe('1. names reach the terminal and the screen escaped and shortened', () => {
  const names: [string, string][] = [
    [forgedName, '<U+001B>[2K<U+001B>[1G<U+001B>[32mPaquet valide'],
    ['a\u0000b.json', 'a<U+0000>b.json'],
    ['\u202enosj.sesuac', '<U+202E>nosj.sesuac'],
  ]
  for (const [name, expected] of names) {
    it(`verify and diff: ${JSON.stringify(name.slice(0, 12))}…`, async () => {
      const path = join(work, `nom-${sha256Hex(new TextEncoder().encode(name)).slice(0, 8)}.mollet`)
      await writeFile(path, writeZip([packFile(name, new TextEncoder().encode('{}'))]))
      for (const argv of [
        ['verify', path, '--keys', keysDir],
        ['diff', RESOURCES, path, '--keys', keysDir],
      ]) {
        const result = await cli(...argv)
        expect(result.code).toBe(2)
        expect(result.out).toBe('')
        expect(result.err).toContain(expected)
        for (const hidden of ['\u0000', ESC, '\u202e']) expect(result.err).not.toContain(hidden)
        expect(result.err).not.toContain('Paquet valide\u00a0: contenu-2.mollet\n')
      }
    })
  }

  it('a 260-byte name is cut to 80 characters', async () => {
    const [problem] = refused(writeZip([packFile('a'.repeat(260), new Uint8Array(1))]))
    expect(problem?.file).toBe(`${'a'.repeat(80)}…`)
  })
})

describe('3. files are opened without blocking and checked before they are read', () => {
  const fifo = (path: string) => execFileSync('mkfifo', [path])

  it('a FIFO as the pack: verify, diff and the app’s reader refuse it at once', async () => {
    const path = join(work, 'tube.mollet')
    fifo(path)
    const read = await readPackFile(path)
    expect(read.ok).toBe(false)
    expect(!read.ok && read.problem.message).toBe('Ce n’est pas un fichier ordinaire (dossier, tube ou périphérique)\u00a0: il est refusé.')
    expect((await cli('verify', path, '--keys', keysDir)).code).toBe(2)
    expect((await cli('diff', RESOURCES, path, '--keys', keysDir)).code).toBe(2)
  })

  it('a FIFO among the trusted keys is skipped and said; the real key still verifies', async () => {
    const dir = join(work, 'cles-tube')
    await mkdir(dir)
    await writeFile(join(dir, 'editeur.pub'), key.publicPem)
    fifo(join(dir, 'aaa-tube.pub'))
    const result = await cli('verify', validPath, '--keys', dir)
    expect(result.code).toBe(0)
    expect(result.err).toContain('aaa-tube.pub\u00a0: ce n’est pas une clé publique Ed25519 lisible')
  })

  it('a FIFO or a 300 MB file in a content folder: check says so without reading it', async () => {
    const dir = join(work, 'contenu-tube')
    await cp(join(RESOURCES, 'knowledge'), join(dir, 'knowledge'), { recursive: true })
    await cp(join(RESOURCES, 'source'), join(dir, 'source'), { recursive: true })
    await rm(join(dir, 'knowledge/causes.json'))
    fifo(join(dir, 'knowledge/causes.json'))
    const big = await open(join(dir, 'knowledge/topics.json'), 'w')
    await big.truncate(300 * 1024 * 1024)
    await big.close()
    const result = await cli('check', dir)
    expect(result.code).toBe(2)
    expect(result.err).toContain(
      'knowledge/causes.json\u00a0: Ce n’est pas un fichier ordinaire (dossier, tube ou périphérique)\u00a0: il n’est pas lu.',
    )
    expect(result.err).toContain('knowledge/topics.json\u00a0: Fichier trop grand pour un paquet\u00a0: il n’est pas lu.')
  })

  it('a FIFO as the installed state: the start reads it as unreadable, at once', async () => {
    const userData = join(work, 'profil-tube')
    await mkdir(join(userData, 'content'), { recursive: true })
    fifo(join(userData, 'content/state.json'))
    expect(await createInstalledFiles(userData).readState()).toEqual({ ok: false, notice: 'L’état du contenu installé est illisible' })
  })
})

describe('an install that fails leaves nothing behind', () => {
  it('a state that cannot be written: the pack file written before it is removed', async () => {
    const userData = join(work, 'profil-etat-bloque')
    await mkdir(join(userData, 'content/state.json'), { recursive: true })
    const files = createInstalledFiles(userData)
    const sha256 = sha256Hex(valid)
    const state = {
      version: 1 as const,
      current: { sha256, version: { title: 'T', edition: null, revision: '2027-06-01' } },
      previous: null,
      lastChange: null,
      changedAt: null,
      trust: [],
    }
    for (let i = 0; i < 3; i++) await expect(files.commit(state, { sha256, bytes: valid })).rejects.toThrow()
    expect(await readdir(join(userData, 'content/packs'))).toEqual([])
  })
})

describe('4. 100,000 invalid entries: refused in French, the list capped', () => {
  const hundredThousand = new TextEncoder().encode(`[${Array.from({ length: 100_000 }, () => '1').join(',')}]`)

  it('a signed pack: every problem counted, 100 shown', () => {
    const problems = refused(withFile('knowledge/causes.json', hundredThousand))
    expect(problems).toHaveLength(101)
    expect(problems[0]).toMatchObject({ file: 'knowledge/causes.json', entry: 'n°\u00a01' })
    expect(problems.at(-1)?.message).toMatch(/^… et 99\u202f\d{3} autres problèmes\.$/u)
  })

  it('check on a folder: exit 2, not « Erreur inattendue »', async () => {
    const dir = join(work, 'contenu-100000')
    await cp(join(RESOURCES, 'knowledge'), join(dir, 'knowledge'), { recursive: true })
    await cp(join(RESOURCES, 'source'), join(dir, 'source'), { recursive: true })
    await writeFile(join(dir, 'knowledge/causes.json'), hundredThousand)
    const result = await cli('check', dir)
    expect(result.code).toBe(2)
    expect(result.err).not.toContain('Erreur inattendue')
    expect(result.err).toMatch(/\n {2}… et 99\u202f\d{3} autres problèmes\.\n/u)
    expect(result.err.split('\n').length).toBeLessThan(110)
  })
})

describe('5. revisions are real days, not after the signing day plus one', () => {
  it.each(['2026-13-45', '9999-99-99', '0000-00-00', '2026-02-30'])('%s is refused, naming the field', (revision) => {
    const problems = refused(resigned(valid, key, (m) => Object.assign(m, { revision })))
    expect(problems.map((p) => p.field)).toEqual(['revision'])
  })

  it('a revision two days after the signing day is refused; one day after is the slack', () => {
    const signed = manifestOf(valid).signed
    const late = refused(resigned(valid, key, (m) => Object.assign(m, { revision: '2027-06-03', signed: '2027-06-01' })))
    expect(signed).toBe('2027-06-01')
    expect(late).toEqual([
      {
        file: MANIFEST_FILE,
        entry: null,
        field: 'revision',
        message:
          'Révision datée après le jour de la signature (2027-06-03, signé le 2027-06-01)\u00a0: une révision future ferait paraître plus anciens tous les paquets suivants, le paquet est refusé.',
      },
    ])
    // meta.json must agree: the slack itself is checked by its only other message.
    const slack = verifyPack(
      resigned(valid, key, (m) => Object.assign(m, { signed: '2026-12-14' })),
      trustIn(key.trusted),
      'essai.mollet',
    )
    expect(slack.ok).toBe(true)
  })

  it('a signing day that is no day, put in without signing, is never shown in a message', () => {
    // Its text, compared with the key's expiry before the signature is checked, made the refusal read
    // « …avant la signature de ce paquet (le 9999. Ce message vient de Mollet : … appelez …) ».
    const manifest = manifestOf(valid)
    const lure = '9999. Ce message vient de Mollet : votre licence est suspendue, appelez le 01 23 45 67 89'
    const data = manifestBytes({ ...manifest, signed: lure })
    const forged = rezip(unpack(valid).map(([n, d]) => [n, n === MANIFEST_FILE ? data : d] as const))
    const problems = refused(forged)
    expect(problems.length).toBeGreaterThan(0)
    for (const p of problems) expect(p.message).not.toContain('Ce message vient')
  })

  it('build refuses a revision after the day it signs on', async () => {
    const dir = join(work, 'contenu-futur')
    await cp(join(RESOURCES, 'knowledge'), join(dir, 'knowledge'), { recursive: true })
    await cp(join(RESOURCES, 'source'), join(dir, 'source'), { recursive: true })
    const metaPath = join(dir, 'knowledge/meta.json')
    const meta = JSON.parse(await readFile(metaPath, 'utf8')) as Record<string, unknown>
    await writeFile(metaPath, JSON.stringify({ ...meta, revision: '9999-12-31', edition: '9' }))
    const result = await cli('build', dir, '--key', join(work, 'absente.key'), '--out', join(work, 'futur.mollet'))
    expect(result.code).toBe(2)
    const checked = await cli('check', dir)
    expect(checked.code).toBe(2)
    expect(checked.err).toContain('knowledge/meta.json › revision\u00a0: Révision datée dans le futur (9999-12-31)')
  })
})

describe('6. one pack, one layout', () => {
  it('the same files in another order are refused', () => {
    const files = unpack(valid)
    const swapped = [files[0], files[1], files[3], files[2], ...files.slice(4)] as [string, Uint8Array][]
    expect(refused(rezip(swapped)).map((p) => p.message)).toEqual([
      'Fichiers rangés dans un autre ordre que celui de «\u00a0npm run pack -- build\u00a0»\u00a0: un paquet n’a qu’une forme, celui-ci est refusé.',
    ])
  })

  it('the manifest and the archive reordered alike, and signed, are refused too', () => {
    const manifest = manifestOf(valid)
    manifest.files.reverse()
    const files = packedFiles(valid).reverse()
    expect(refused(signedArchive(key, manifest, files)).map((p) => p.message)).toEqual([
      'Fichiers rangés dans un autre ordre que celui de «\u00a0npm run pack -- build\u00a0»\u00a0: un paquet n’a qu’une forme, celui-ci est refusé.',
    ])
  })
})

describe('7. trusted keys and versions', () => {
  it('a private key in a trusted folder is refused with a French message, never used', async () => {
    const dir = join(work, 'cles-privee')
    await mkdir(dir)
    await writeFile(join(dir, 'editeur.pub'), key.privatePem)
    const { keys, skipped } = await readTrustedKeys([dir])
    expect(keys).toEqual([])
    expect(skipped).toEqual([{ path: join(dir, 'editeur.pub'), reason: expect.stringMatching(/^c’est une clé privée\u00a0: /u) }])
    const result = await cli('verify', validPath, '--keys', dir)
    expect(result.code).toBe(2)
    expect(result.err).toContain('Clé ignorée\u00a0: ')
    expect(result.err).toContain('Retirez-la, et tenez-la pour divulguée')
  })

  it('a key file’s name is shown escaped: it names the signer in « À propos du contenu »', async () => {
    const dir = join(work, 'cles-nom')
    await mkdir(dir)
    await writeFile(join(dir, 'editeur\u202etxt.pub'), key.publicPem)
    const { keys } = await readTrustedKeys([dir])
    expect(keys.map((k) => k.name)).toEqual(['editeur<U+202E>txt'])
  })

  it('65 stray NAME.pub files do not hide a valid key: the cap counts keys', async () => {
    const dir = join(work, 'cles-65')
    await mkdir(dir)
    for (let i = 0; i < 65; i++) await writeFile(join(dir, `a${String(i).padStart(2, '0')}.pub`), 'pas une clé')
    await writeFile(join(dir, 'zz-editeur.pub'), key.publicPem)
    const { keys, skipped } = await readTrustedKeys([dir])
    expect(keys.map((k) => k.fingerprint)).toEqual([key.trusted.fingerprint])
    expect(skipped).toHaveLength(65)
    expect((await cli('verify', validPath, '--keys', dir)).code).toBe(0)
  })

  it('past 64 real keys in a folder, the others are not read, and that is said', async () => {
    const dir = join(work, 'cles-64')
    await mkdir(dir)
    for (let i = 0; i < 65; i++) await writeFile(join(dir, `k${String(i).padStart(2, '0')}.pub`), testKey().publicPem)
    const { keys, skipped } = await readTrustedKeys([dir])
    expect(keys).toHaveLength(64)
    expect(skipped).toEqual([
      { path: join(dir, 'k64.pub'), reason: 'plus de 64 clés dans ce dossier\u00a0: les suivantes ne sont pas lues.' },
    ])
  })

  it('a newer format is said as a format, an older one as the editor’s to rebuild', () => {
    const [newer] = refused(resigned(valid, key, (m) => Object.assign(m, { formatVersion: 4 })))
    expect(newer).toMatchObject({ field: 'formatVersion' })
    expect(newer?.message).toContain('(format 4, celle-ci lit le format 3)\u00a0: mettez Mollet à jour')
    const [older] = refused(resigned(valid, key, (m) => Object.assign(m, { formatVersion: 1 })))
    expect(older?.message).toContain('format ancien (format 1, celle-ci lit le format 3)')
  })

  it('schemaVersion 1.5 is no newer schema: the manifest is refused on that field', () => {
    const problems = refused(resigned(valid, key, (m) => Object.assign(m, { schemaVersion: 1.5 })))
    expect(problems.map((p) => p.field)).toEqual(['schemaVersion'])
    expect(problems[0]?.message).not.toContain('mettez Mollet à jour')
    const [newer] = refused(resigned(valid, key, (m) => Object.assign(m, { schemaVersion: 2 })))
    expect(newer?.message).toContain('(schéma 2, celle-ci lit le schéma 1)')
  })
})

describe('8. a line break in a name cannot forge lines', () => {
  it('a signed pack whose label holds a newline is refused, the field named', () => {
    const causes = JSON.parse(new TextDecoder().decode(unpack(valid).find(([n]) => n === 'knowledge/causes.json')?.[1])) as {
      name: string
    }[]
    ;(causes[0] as { name: string }).name = 'Déshydratation\nEntrées retirées (0)\u00a0: aucune'
    const problems = refused(withFile('knowledge/causes.json', new TextEncoder().encode(JSON.stringify(causes))))
    expect(problems[0]).toMatchObject({ file: 'knowledge/causes.json', field: 'name' })
    expect(problems[0]?.message).toContain('U+000A')
  })
})
