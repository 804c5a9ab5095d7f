// Keys, contents and packs for the pack tests: every key is generated here,
// none is read from the repo; contents are the real resources/ with edits.
// A test key is by default its own root: trusted as a root, it signs a trust
// file (selfTrust) that lists it as the one editor.
import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generateEditorKey, type TrustedKey } from '../../electron/main/pack/keys'
import { buildPack, readContentFolder, type ContentFiles } from '../../electron/main/pack/build'
import type { Condition, KnowledgeMeta } from '../../shared/kb/types'
import { extractEntry, listZip, packFile, writeZip, type PackedFile } from '../../electron/main/pack/zip'
import { MANIFEST_FILE, SIGNATURE_FILE, TRUST_FILE, manifestBytes, type Manifest } from '../../electron/main/pack/manifest'
import type { PackTrust } from '../../electron/main/pack/verify'
import { base64PublicKey, signTrustBody } from '../../electron/main/pack/trust'
import { TRUST_FORMAT, trustFileText, type TrustBody, type TrustFile } from '../../shared/pack/trust'

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

/** The base64 public key a trust file names `key` by. */
function publicKeyOf(key: TestKey): string {
  return base64PublicKey(createPublicKey(key.privateKey))
}

export interface TrustEdits {
  version?: number
  root?: TestKey
  editors?: { key: TestKey; expires?: string }[]
  revoked?: TestKey[]
  /** Who signs it (by default its root). */
  signers?: TestKey[]
}

/** One trust version, signed. */
export function trustVersion({ version = 1, root, editors = [], revoked = [], signers }: TrustEdits & { root: TestKey }) {
  const body: TrustBody = {
    format: TRUST_FORMAT,
    version,
    issued: '2026-11-01',
    root: { name: root.name, publicKey: publicKeyOf(root) },
    editors: editors.map((e) => ({ name: e.key.name, publicKey: publicKeyOf(e.key), expires: e.expires ?? '2100-12-31' })),
    revoked: revoked.map((k) => k.trusted.fingerprint),
  }
  return signTrustBody(
    body,
    (signers ?? [root]).map((k) => k.privateKey),
  )
}

/** A trust file of these versions. */
export function trustFile(...versions: ReturnType<typeof trustVersion>[]): TrustFile {
  return { format: TRUST_FORMAT, versions }
}

/** `key` as its own root and only editor (version 1): what most tests sign their packs under. */
export function selfTrust(key: TestKey): TrustFile {
  return trustFile(trustVersion({ root: key, editors: [{ key }] }))
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

/** A signed pack of the bundled content with `edits` (by default a newer revision, edition 2), under `trust` (selfTrust). */
export async function pack(
  key: TestKey,
  edits: Edits = { revision: '2026-12-15', edition: '2' },
  trust: TrustFile = selfTrust(key),
): Promise<Uint8Array> {
  return buildPack(await content(edits), key.privateKey, trust, { now: SIGNING_DAY }).bytes
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

const STORED = new Set([MANIFEST_FILE, SIGNATURE_FILE, TRUST_FILE])

/** A canonical archive of these files again (manifest.json, manifest.sig and trust.json stored, the others deflated). */
export function rezip(files: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  return writeZip(files.map(([name, data]): PackedFile => packFile(name, data, STORED.has(name) ? 0 : 8)))
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

/**
 * An archive of `manifest` signed by `key`, `key`'s selfTrust, then `files`
 * as given (sizes and hashes are the caller's to make lie).
 */
export function signedArchive(key: TestKey, manifest: Manifest, files: readonly PackedFile[]): Uint8Array {
  const data = manifestBytes(manifest)
  const signature = new Uint8Array(sign(null, data, key.privateKey))
  const trust = encoder.encode(trustFileText(selfTrust(key)))
  return writeZip([packFile(MANIFEST_FILE, data, 0), packFile(SIGNATURE_FILE, signature, 0), packFile(TRUST_FILE, trust, 0), ...files])
}

/** The pack's files (not its manifest, signature and trust file) as the archive stores them. */
export function packedFiles(bytes: Uint8Array): PackedFile[] {
  return unpack(bytes)
    .filter(([n]) => !STORED.has(n))
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

/** How a Mollet that trusts these root keys and has stored no trust file judges a pack to install on SIGNING_DAY. */
export function trustIn(...roots: TrustedKey[]): PackTrust {
  return { roots, shipped: [], stored: [], today: SIGNING_DAY.toISOString().slice(0, 10), purpose: 'install' }
}
