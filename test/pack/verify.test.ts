// A knowledge pack's manifest, signature and verification, with keys made
// here: a valid pack verifies; each way a pack can be wrong is refused whole
// with its own French message.
import { beforeAll, describe, expect, it } from 'vitest'
import { createPublicKey, verify } from 'node:crypto'
import { buildPack, checkContent, PackContentError } from '../../electron/main/pack/build'
import { PACK_LIMITS } from '../../electron/main/pack/limits'
import { MANIFEST_FILE, SIGNATURE_FILE, TRUST_FILE, sha256Hex } from '../../electron/main/pack/manifest'
import { verifyPack } from '../../electron/main/pack/verify'
import { listZip, packFile } from '../../electron/main/pack/zip'
import type { KbProblem } from '../../shared/kb/types'
import { trustFileText } from '../../shared/pack/trust'
import {
  centralRecord,
  content,
  manifestOf,
  pack,
  packedFiles,
  readJsonFile,
  resigned,
  rezip,
  selfTrust,
  signedArchive,
  testKey,
  trustFile,
  trustIn,
  trustVersion,
  unpack,
  writeJsonFile,
  type TestKey,
  SIGNING_DAY,
} from './helpers'

let key: TestKey
let valid: Uint8Array

beforeAll(async () => {
  key = testKey()
  valid = await pack(key)
})

const encoder = new TextEncoder()

function refused(bytes: Uint8Array, trust = trustIn(key.trusted)): KbProblem[] {
  const verdict = verifyPack(bytes, trust, 'essai.mollet')
  if (verdict.ok) throw new Error('the pack was accepted')
  return verdict.problems
}

function messages(bytes: Uint8Array): string[] {
  return refused(bytes).map((p) => p.message)
}

describe('a valid pack', () => {
  it('verifies, names its signer and holds the content as the loader would give it', () => {
    const verdict = verifyPack(valid, trustIn(testKey('autre').trusted, key.trusted), 'essai.mollet')
    expect(verdict.ok).toBe(true)
    if (!verdict.ok) return
    expect(verdict.pack.signer).toEqual({ name: 'essai', fingerprint: key.trusted.fingerprint })
    expect(verdict.pack.manifest).toMatchObject({
      edition: '2',
      revision: '2026-12-15',
      editor: 'Équipe Mollet',
      schemaVersion: 1,
      language: 'fr',
    })
    expect(verdict.pack.snapshot.problems).toEqual([])
    expect(verdict.pack.snapshot.kb.causes).toHaveLength(13)
    expect(verdict.pack.snapshot.kb.article.startsWith('Contractions musculaires au mollet')).toBe(true)
    expect(verdict.pack.sha256).toBe(sha256Hex(valid))
  })

  it('has a manifest listing every file with its size and SHA-256, signed with Ed25519 over its exact bytes', () => {
    const files = new Map(unpack(valid))
    const manifest = manifestOf(valid)
    expect(manifest.files.map((f) => f.path)).toEqual([
      'knowledge/meta.json',
      'knowledge/causes.json',
      'knowledge/differentials.json',
      'knowledge/findings.json',
      'knowledge/advice.json',
      'knowledge/groups.json',
      'knowledge/topics.json',
      'knowledge/handout.json',
      'source/contractions-musculaires-au-mollet.txt',
    ])
    for (const f of manifest.files) {
      expect(f.size).toBe(files.get(f.path)?.length)
      expect(f.sha256).toBe(sha256Hex(files.get(f.path) as Uint8Array))
    }
    const signature = files.get(SIGNATURE_FILE) as Uint8Array
    expect(signature).toHaveLength(64)
    expect(verify(null, files.get(MANIFEST_FILE) as Uint8Array, createPublicKey(key.publicPem), signature)).toBe(true)
    expect(manifest.key).toBe(key.trusted.fingerprint)
  })

  it('is built the same twice (no date, no randomness but the signature’s own)', async () => {
    const files = await content({ revision: '2026-12-15', edition: '2' })
    const a = buildPack(files, key.privateKey, selfTrust(key), { now: SIGNING_DAY }).bytes
    const b = buildPack(files, key.privateKey, selfTrust(key), { now: SIGNING_DAY }).bytes
    expect(sha256Hex(a)).toBe(sha256Hex(b))
  })
})

describe('refused, each with its own French message', () => {
  it('one byte changed in a file, as stored in the archive', () => {
    const listing = listZip(valid, 'essai.mollet')
    if (!listing.ok) throw new Error('unreadable')
    const causes = listing.entries.find((e) => e.name === 'knowledge/causes.json')!
    const bytes = valid.slice()
    const at = causes.dataStart + (causes.compressedSize >> 1)
    bytes[at] = (bytes[at] as number) ^ 0x20
    expect(refused(bytes)).toEqual([
      {
        file: 'knowledge/causes.json',
        entry: null,
        field: null,
        message: 'Empreinte SHA-256 différente de celle du manifeste\u00a0: fichier modifié après la signature.',
      },
    ])
  })

  it('one byte changed in a file, and the archive made again around it', () => {
    const files = unpack(valid).map(([n, d]) => {
      if (n !== 'knowledge/causes.json') return [n, d] as const
      const changed = d.slice()
      changed[100] = (changed[100] as number) ^ 0x20
      return [n, changed] as const
    })
    expect(messages(rezip(files))).toEqual([
      expect.stringMatching(/différente de celle du manifeste\u00a0: fichier modifié après la signature\.$/u),
    ])
  })

  it('a file missing', () => {
    const files = unpack(valid).filter(([n]) => n !== 'knowledge/topics.json')
    expect(refused(rezip(files))).toEqual([
      expect.objectContaining({ file: 'knowledge/topics.json', message: expect.stringContaining('absent du paquet') }),
    ])
  })

  it('a file added', () => {
    const files = [...unpack(valid), ['knowledge/extra.json', encoder.encode('[]')] as const]
    expect(refused(rezip(files))).toEqual([
      expect.objectContaining({
        file: 'knowledge/extra.json',
        message: 'Fichier absent du manifeste\u00a0: ajouté après la signature, paquet refusé.',
      }),
    ])
  })

  it('a file added to the manifest and signed, that is not part of the content', () => {
    const extra = packFile('source/zz-autre.txt', encoder.encode('texte'))
    const manifest = manifestOf(valid)
    manifest.files.push({
      path: extra.name,
      size: extra.size,
      sha256: sha256Hex(encoder.encode('texte')),
      stored: { size: extra.stored.length, sha256: sha256Hex(extra.stored) },
    })
    expect(refused(signedArchive(key, manifest, [...packedFiles(valid), extra]))).toEqual([
      {
        file: 'source/zz-autre.txt',
        entry: null,
        field: null,
        message: 'Fichier inattendu\u00a0: un paquet ne contient que la base de connaissances et l’article source.',
      },
    ])
  })

  it('under a trust file whose root Mollet does not ship', () => {
    const [p] = refused(valid, trustIn(testKey('autre').trusted))
    expect(p?.file).toBe(TRUST_FILE)
    expect(p?.message).toBe(
      'Le fichier de confiance de ce paquet ne part d’aucune clé racine de Mollet (celles livrées avec l’application ou du dossier système)\u00a0: paquet refusé.',
    )
  })

  it('with no root key at all', () => {
    expect(refused(valid, trustIn())[0]?.message).toMatch(/^Le fichier de confiance de ce paquet ne part d’aucune clé racine/u)
  })

  it('without its trust file, or with one the manifest does not name', async () => {
    expect(messages(rezip(unpack(valid).filter(([n]) => n !== TRUST_FILE)))).toEqual([
      'Paquet sans fichier de confiance (trust.json manque)\u00a0: il est refusé.',
    ])
    // Another trust file under the same root, listing the same key: valid on its own, but not the one signed for.
    const other = new TextEncoder().encode(trustFileText(trustFile(trustVersion({ root: key, editors: [{ key, expires: '2099-01-01' }] }))))
    const swapped = rezip(unpack(valid).map(([n, d]) => [n, n === TRUST_FILE ? other : d] as const))
    expect(messages(swapped)).toEqual(['Ce n’est pas le fichier de confiance que nomme le manifeste signé\u00a0: paquet refusé.'])
  })

  it('no signature', () => {
    expect(messages(rezip(unpack(valid).filter(([n]) => n !== SIGNATURE_FILE)))).toEqual([
      'Paquet non signé (manifest.sig manque)\u00a0: il est refusé.',
    ])
  })

  it('a signature that is not one', () => {
    const files = unpack(valid).map(([n, d]) => [n, n === SIGNATURE_FILE ? d.subarray(0, 32) : d] as const)
    expect(messages(rezip(files))).toEqual(['Signature illisible (64 octets attendus)\u00a0: paquet refusé.'])
  })

  it('a manifest changed after it was signed', () => {
    const files = unpack(valid).map(
      ([n, d]) => [n, n === MANIFEST_FILE ? encoder.encode(new TextDecoder().decode(d).replace('"2"', '"3"')) : d] as const,
    )
    expect(messages(rezip(files))).toEqual([
      'La signature ne correspond pas au manifeste\u00a0: le paquet a été modifié après sa signature, il est refusé.',
    ])
  })

  it('a manifest signed by another key than the one it names', () => {
    const other = testKey('autre')
    const bytes = resigned(valid, other, () => {})
    expect(messages(bytes)).toEqual([
      'La signature ne correspond pas au manifeste\u00a0: le paquet a été modifié après sa signature, il est refusé.',
    ])
  })

  it('a manifest that is not JSON', () => {
    const bytes = resigned(valid, key, () => {}, encoder.encode('{"format": "mollet-pack", '))
    expect(refused(bytes)).toEqual([
      {
        file: MANIFEST_FILE,
        entry: null,
        field: null,
        message: 'Le manifeste n’est pas du JSON valide\u00a0: paquet abîmé ou qui n’est pas un paquet Mollet.',
      },
    ])
  })

  it('no manifest', () => {
    expect(messages(rezip(unpack(valid).filter(([n]) => n !== MANIFEST_FILE)))).toEqual([
      'Ce fichier n’est pas un paquet Mollet\u00a0: manifest.json manque.',
    ])
  })

  it('a newer schema version: « mettez Mollet à jour »', () => {
    const bytes = resigned(valid, key, (m) => {
      m.schemaVersion = 2
      m.newField = 'inconnu de cette version'
    })
    expect(refused(bytes)).toEqual([
      {
        file: MANIFEST_FILE,
        entry: null,
        field: 'schemaVersion',
        message:
          'Ce paquet est écrit pour une version plus récente de Mollet (schéma 2, celle-ci lit le schéma 1)\u00a0: mettez Mollet à jour pour l’installer.',
      },
    ])
  })

  it('a manifest with a field of the wrong kind, named', () => {
    const bytes = resigned(valid, key, (m) => {
      m.revision = '15/12/2026'
    })
    expect(refused(bytes)).toEqual([
      expect.objectContaining({ file: MANIFEST_FILE, field: 'revision', message: expect.stringContaining('AAAA-MM-JJ') }),
    ])
  })

  it('a manifest that disagrees with meta.json', () => {
    const bytes = resigned(valid, key, (m) => {
      m.edition = '3'
    })
    expect(refused(bytes)).toEqual([
      { file: 'knowledge/meta.json', entry: null, field: 'edition', message: 'Diffère de ce que dit le manifeste signé.' },
    ])
  })

  it('content the loader would leave out in part: refused whole, every problem listed', async () => {
    const files = await content({ revision: '2026-12-15', edition: '2' })
    const causes = JSON.parse(new TextDecoder().decode(files.get('knowledge/causes.json'))) as Record<string, unknown>[]
    ;(causes[0] as { provenance: { quote: string }[] }).provenance[0]!.quote = 'Une citation inventée'
    ;(causes[1] as Record<string, unknown>).seriousness = 'terrible'
    writeJsonFile(files, 'knowledge/causes.json', causes)
    const { problems } = checkContent(files, SIGNING_DAY)
    expect(problems.map((p) => [p.file, p.entry, p.field])).toEqual(
      expect.arrayContaining([
        ['knowledge/causes.json', causes[0]?.id, 'provenance.0.quote'],
        ['knowledge/causes.json', causes[1]?.id, 'seriousness'],
      ]),
    )
    expect(() => buildPack(files, key.privateKey, selfTrust(key), { now: SIGNING_DAY })).toThrow(PackContentError)
  })

  it('a red flag the handout’s font cannot print: refused, the characters named', async () => {
    // Installed, it would stop every handout from printing: they all carry the red flags.
    const files = await content({ revision: '2026-12-15', edition: '2' })
    const findings = readJsonFile<{ id: string; label: string; redFlag: boolean }[]>(files, 'knowledge/findings.json')
    const flag = findings.find((f) => f.redFlag)!
    flag.label = `${flag.label} ≥ 38\u00a0°C 🌡`
    writeJsonFile(files, 'knowledge/findings.json', findings)
    expect(checkContent(files, SIGNING_DAY).problems).toEqual(
      expect.arrayContaining([
        {
          file: 'knowledge/findings.json',
          entry: flag.id,
          field: 'label',
          message:
            'Caractères que la police des fiches ne peut pas imprimer\u00a0: «\u00a0≥\u00a0» (U+2265), «\u00a0🌡\u00a0» (U+1F321). Remplacez-les.',
        },
      ]),
    )
    expect(() => buildPack(files, key.privateKey, selfTrust(key), { now: SIGNING_DAY })).toThrow(PackContentError)
  })

  it('a pack without edition or editor cannot be built', async () => {
    const files = await content()
    const meta = JSON.parse(new TextDecoder().decode(files.get('knowledge/meta.json'))) as Record<string, unknown>
    delete meta.edition
    delete meta.editor
    writeJsonFile(files, 'knowledge/meta.json', meta)
    expect(checkContent(files, SIGNING_DAY).problems).toEqual([
      { file: 'knowledge/meta.json', entry: null, field: 'edition', message: 'Champ obligatoire dans un paquet\u00a0: il manque.' },
      { file: 'knowledge/meta.json', entry: null, field: 'editor', message: 'Champ obligatoire dans un paquet\u00a0: il manque.' },
    ])
  })
})

describe('the archive, before anything in it is trusted', () => {
  const named = (name: string) => {
    const files = unpack(valid)
    return rezip([...files, [name, encoder.encode('x')] as const])
  }

  it.each([
    ['../../etc/passwd', 'Chemin qui remonte d’un dossier (../)\u00a0: il sort du paquet, refusé.'],
    ['knowledge/../../x.json', 'Chemin qui remonte d’un dossier (../)\u00a0: il sort du paquet, refusé.'],
    ['/etc/passwd', 'Chemin absolu\u00a0: il sort du paquet, refusé.'],
    ['C:/Windows/x.json', 'Chemin avec une lettre de lecteur (C:…)\u00a0: il sort du paquet, refusé.'],
    ['knowledge\\causes.json', 'Barre oblique inverse (\\) dans un chemin\u00a0: refusée, un paquet n’utilise que «\u00a0/\u00a0».'],
    ['knowledge/', 'Entrée de dossier\u00a0: un paquet ne contient que des fichiers.'],
    ['.cache/x', expect.stringMatching(/^Nom de fichier non admis/u)],
  ])('a path like %s', (name, message) => {
    expect(refused(named(name))).toEqual([{ file: name, entry: null, field: null, message }])
  })

  it('a symbolic link', () => {
    const bytes = rezip(unpack(valid))
    const at = centralRecord(bytes, 'source/contractions-musculaires-au-mollet.txt')
    new DataView(bytes.buffer).setUint32(at + 38, (0o120777 << 16) >>> 0, true)
    new DataView(bytes.buffer).setUint16(at + 4, (3 << 8) | 20, true)
    expect(messages(bytes)).toEqual(['Lien symbolique\u00a0: refusé, un paquet ne contient que des fichiers.'])
  })

  it('a name twice', () => {
    const files = unpack(valid)
    const bytes = rezip([...files, ['knowledge/advicf.json', files[6]![1]] as const])
    // The added entry's name, in its local header and in the central directory: knowledge/advice.json twice.
    const text = new TextDecoder('latin1').decode(bytes)
    let from = 0
    for (;;) {
      const at = text.indexOf('knowledge/advicf.json', from)
      if (at < 0) break
      bytes[at + 'knowledge/advic'.length] = 'e'.charCodeAt(0)
      from = at + 1
    }
    expect(refused(bytes)).toEqual([
      {
        file: 'knowledge/advice.json',
        entry: null,
        field: null,
        message: 'Nom en double dans l’archive\u00a0: refusé (lequel serait le bon\u202f?).',
      },
    ])
  })

  it('an archive over the size cap, refused before it is read', () => {
    const big = new Uint8Array(PACK_LIMITS.archiveBytes + 1)
    expect(messages(big)).toEqual(['Le paquet dépasse la taille admise (8\u00a0Mo)\u00a0: il est refusé.'])
  })

  it('a file that declares more than the per-file cap (zip bomb)', () => {
    const zeros = new Uint8Array(PACK_LIMITS.entryBytes + 1)
    expect(messages(rezip([...unpack(valid), ['source/bombe.txt', zeros] as const]))).toEqual([
      'Fichier trop grand une fois décompressé (16\u00a0Mo au plus)\u00a0: refusé.',
    ])
  })

  it('files that together declare more than the total cap (zip bomb)', () => {
    const zeros = new Uint8Array(12 * 1024 * 1024)
    const bytes = rezip([...unpack(valid), ['source/a.txt', zeros], ['source/b.txt', zeros], ['source/c.txt', zeros]] as const)
    expect(bytes.length).toBeLessThan(100_000)
    expect(messages(bytes)).toEqual(['Le paquet dépasse 32\u00a0Mo une fois décompressé\u00a0: il est refusé (archive piégée\u202f?).'])
  })

  it('a file that expands past its declared size is stopped there (zip bomb that lies)', () => {
    // Signed, so that it is inflated: 8 MB of zeros declared as 1,000 bytes.
    const packed = packFile('knowledge/causes.json', new Uint8Array(8 * 1024 * 1024))
    const manifest = manifestOf(valid)
    const causes = manifest.files.find((f) => f.path === 'knowledge/causes.json')!
    causes.size = 1000
    causes.stored = { size: packed.stored.length, sha256: sha256Hex(packed.stored) }
    const files = packedFiles(valid).map((f) => (f.name === 'knowledge/causes.json' ? { ...packed, size: 1000 } : f))
    expect(refused(signedArchive(key, manifest, files))).toEqual([
      {
        file: 'knowledge/causes.json',
        entry: null,
        field: null,
        message: 'Le fichier décompressé dépasse la taille annoncée\u00a0: archive piégée, refusée.',
      },
    ])
  })

  it('not a zip at all', () => {
    expect(messages(encoder.encode('Ceci n’est pas un paquet.'))).toEqual([
      'Ce fichier n’est pas un paquet Mollet (archive zip illisible).',
    ])
    expect(messages(new Uint8Array(0))).toEqual(['Ce fichier n’est pas un paquet Mollet (archive zip illisible).'])
  })

  it('bytes hidden between the entries', () => {
    const bytes = valid
    const padded = new Uint8Array(bytes.length + 1)
    padded.set(bytes.subarray(0, 10))
    padded.set(bytes.subarray(10), 11)
    expect(messages(padded).length).toBeGreaterThan(0)
  })
})
