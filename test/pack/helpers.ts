// Keys, contents and packs for the pack tests: every key is generated here,
// none is read from the repo; contents are the real resources/ with edits.
import { createPrivateKey, sign, type KeyObject } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generateEditorKey, type TrustedKey } from '../../electron/main/pack/keys'
import { buildPack, readContentFolder, type ContentFiles } from '../../electron/main/pack/build'
import type { Condition, KnowledgeMeta } from '../../shared/kb/types'
import { extractEntry, listZip, packFile, writeZip, type PackedFile } from '../../electron/main/pack/zip'
import { MANIFEST_FILE, SIGNATURE_FILE, manifestBytes, type Manifest } from '../../electron/main/pack/manifest'

export const RESOURCES = join(import.meta.dirname, '../../resources')

export interface TestKey {
  name: string
  privateKey: KeyObject
  privatePem: string
  publicPem: string
  trusted: TrustedKey
}

export function testKey(name = 'essai'): TestKey {
  const { privatePem, publicPem, fingerprint } = generateEditorKey()
  return { name, privateKey: createPrivateKey(privatePem), privatePem, publicPem, trusted: { name, fingerprint, pem: publicPem } }
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export function readJsonFile<T>(files: ContentFiles, path: string): T {
  return JSON.parse(decoder.decode(files.get(path))) as T
}

export function writeJsonFile(files: ContentFiles, path: string, value: unknown): void {
  files.set(path, encoder.encode(`${JSON.stringify(value, null, 2)}\n`))
}

export interface Edits {
  revision?: string
  edition?: string
  editor?: string
  /** New names of causes, by id. */
  rename?: Record<string, string>
  /** Causes added, as clones of an existing one with a new id and name. */
  add?: { from: string; id: string; name: string }[]
}

/** The bundled content as files, with `edits`. */
export async function content(edits: Edits = {}): Promise<ContentFiles> {
  const { files } = await readContentFolder(RESOURCES)
  const meta = readJsonFile<KnowledgeMeta>(files, 'knowledge/meta.json')
  writeJsonFile(files, 'knowledge/meta.json', {
    ...meta,
    revision: edits.revision ?? meta.revision,
    edition: edits.edition ?? meta.edition,
    editor: edits.editor ?? meta.editor,
  })
  if (edits.rename || edits.add) {
    const causes = readJsonFile<Condition[]>(files, 'knowledge/causes.json')
    for (const c of causes) if (edits.rename?.[c.id]) c.name = edits.rename[c.id] as string
    for (const a of edits.add ?? []) {
      const model = causes.find((c) => c.id === a.from)
      if (!model) throw new Error(`no cause ${a.from}`)
      causes.push({ ...structuredClone(model), id: a.id, name: a.name })
    }
    writeJsonFile(files, 'knowledge/causes.json', causes)
  }
  return files
}

/** The day the tests' packs are signed: after every revision they use (a revision may not follow its signing day). */
export const SIGNING_DAY = new Date('2027-06-01T12:00:00Z')

/** A signed pack of the bundled content with `edits` (by default a newer revision, edition 2). */
export async function pack(key: TestKey, edits: Edits = { revision: '2026-12-15', edition: '2' }): Promise<Uint8Array> {
  return buildPack(await content(edits), key.privateKey, { now: SIGNING_DAY }).bytes
}

/** The files of a pack's archive, in order (manifest.json and manifest.sig included). */
export function unpack(bytes: Uint8Array): [string, Uint8Array][] {
  const listing = listZip(bytes, 'test.mollet')
  if (!listing.ok) throw new Error(JSON.stringify(listing.problems))
  return listing.entries.map((e) => {
    const r = extractEntry(bytes, e)
    if (!r.ok) throw new Error(r.problem.message)
    return [e.name, r.data]
  })
}

/** A canonical archive of these files again (manifest.json and manifest.sig stored, the others deflated). */
export function rezip(files: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  return writeZip(files.map(([name, data]): PackedFile => packFile(name, data, name === MANIFEST_FILE || name === SIGNATURE_FILE ? 0 : 8)))
}

export function manifestOf(bytes: Uint8Array): Manifest {
  return JSON.parse(decoder.decode(unpack(bytes).find(([n]) => n === MANIFEST_FILE)?.[1])) as Manifest
}

/**
 * The pack with its manifest changed by `edit` and signed again by `key`
 * (so that only what the edit breaks is refused); `raw` replaces the
 * manifest's bytes instead.
 */
export function resigned(bytes: Uint8Array, key: TestKey, edit: (m: Record<string, unknown>) => void, raw?: Uint8Array): Uint8Array {
  const files = unpack(bytes)
  const manifest = manifestOf(bytes) as unknown as Record<string, unknown>
  edit(manifest)
  const data = raw ?? manifestBytes(manifest as unknown as Manifest)
  const signature = new Uint8Array(sign(null, data, key.privateKey))
  return rezip(files.map(([n, d]) => [n, n === MANIFEST_FILE ? data : n === SIGNATURE_FILE ? signature : d] as const))
}

/** Where the central directory record of `name` starts in a canonical archive. */
export function centralRecord(bytes: Uint8Array, name: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = bytes.length - 22
  let at = view.getUint32(eocd + 16, true)
  for (;;) {
    const nameLength = view.getUint16(at + 28, true)
    if (decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)) === name) return at
    at += 46 + nameLength
    if (at >= eocd) throw new Error(`no ${name}`)
  }
}

/** An archive of `manifest` signed by `key`, then `files` as given (sizes and hashes are the caller's to make lie). */
export function signedArchive(key: TestKey, manifest: Manifest, files: readonly PackedFile[]): Uint8Array {
  const data = manifestBytes(manifest)
  const signature = new Uint8Array(sign(null, data, key.privateKey))
  return writeZip([packFile(MANIFEST_FILE, data, 0), packFile(SIGNATURE_FILE, signature, 0), ...files])
}

/** The pack's files (not its manifest and signature) as the archive stores them. */
export function packedFiles(bytes: Uint8Array): PackedFile[] {
  return unpack(bytes)
    .filter(([n]) => n !== MANIFEST_FILE && n !== SIGNATURE_FILE)
    .map(([n, d]) => packFile(n, d))
}

/** The packs the e2e and the screenshots use: a trusted key's folder, a newer pack (one entry renamed, one added), and that pack with one byte changed. */
export interface SamplePacks {
  keysDir: string
  newer: string
  tampered: string
}

export async function writeSamplePacks(work: string): Promise<SamplePacks> {
  const keysDir = join(work, 'keys')
  const key = testKey('cabinet-essai')
  await mkdir(keysDir)
  await writeFile(join(keysDir, 'cabinet-essai.pub'), key.publicPem)
  const bytes = await pack(key, {
    revision: '2026-12-15',
    edition: '2',
    rename: { deshydratation: 'Déshydratation (manque d’eau)' },
    add: [{ from: 'stress-eleve', id: 'stress-aigu', name: 'Stress aigu' }],
  })
  const newer = join(work, 'contenu-2.mollet')
  await writeFile(newer, bytes)
  const tampered = bytes.slice()
  tampered[tampered.length >> 1] = (tampered[tampered.length >> 1] as number) ^ 0x01
  const tamperedPath = join(work, 'contenu-2-modifie.mollet')
  await writeFile(tamperedPath, tampered)
  return { keysDir, newer, tampered: tamperedPath }
}
