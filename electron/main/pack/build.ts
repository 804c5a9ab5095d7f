// Making a knowledge pack from a folder laid out like resources/ (knowledge/
// and source/): the same checks as a pack's verification, then the manifest,
// its Ed25519 signature and the zip. For `npm run pack -- check | build`, and
// for the tests (which build their packs with keys of their own). A pack
// carries the trust file it was signed under (shared/pack/trust.ts).
import { sign, type KeyObject, createPublicKey } from 'node:crypto'
import { join } from 'node:path'
import { REVISION_SLACK_DAYS, addDays, isoDay } from '../../../shared/kb/dates'
import { pushAll } from '../../../shared/kb/problems'
import { KB_FILES, KB_SCHEMA_VERSION, type KnowledgeMeta } from '../../../shared/kb/schema'
import type { KbProblem, KnowledgeBaseSnapshot } from '../../../shared/kb/types'
import { knowledgePath, sourcePathOf, validateKnowledge } from '../knowledge/load'
import { readRegularFile } from './file'
import { fingerprintOf } from './keys'
import { PACK_LIMITS } from './limits'
import {
  CURRENT_DEFAULT_DAYS,
  DEFAULT_PACK_ID,
  MANIFEST_FILE,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  SIGNATURE_FILE,
  TRUST_FILE,
  manifestBytes,
  sha256Hex,
  type Manifest,
} from './manifest'
import { trustFileText, type TrustFile } from '../../../shared/pack/trust'
import { KNOWLEDGE_PATHS, contentFileProblems, currentUntilProblem, metaAgreement, packOrder } from './verify'
import { packFile, pathProblem, writeZip } from './zip'

/** A pack's files, by their path relative to resources/. */
export type ContentFiles = Map<string, Uint8Array>

/** The content could not make a pack: every problem, in French. */
export class PackContentError extends Error {
  constructor(readonly problems: KbProblem[]) {
    super(`${problems.length} problème(s)`)
    this.name = 'PackContentError'
  }
}

const UNREAD: Record<string, string> = {
  'not-a-file': 'Ce n’est pas un fichier ordinaire (dossier, tube ou périphérique)\u00a0: il n’est pas lu.',
  'too-large': 'Fichier trop grand pour un paquet\u00a0: il n’est pas lu.',
  changed: 'Le fichier a changé pendant sa lecture\u00a0: réessayez.',
}

/**
 * The knowledge files and the article of a folder laid out like resources/,
 * each read only when it is a regular file within the cap of one file in a
 * pack (a FIFO is never waited on, a 300 MB file never read). What is missing
 * is left out (checkContent says so); what is not read for another reason is a problem.
 */
export async function readContentFolder(dir: string): Promise<{ files: ContentFiles; problems: KbProblem[] }> {
  const files: ContentFiles = new Map()
  const problems: KbProblem[] = []
  const read = async (path: string) => {
    const got = await readRegularFile(join(dir, path), PACK_LIMITS.entryBytes)
    if (got.ok) files.set(path, got.bytes)
    else if (UNREAD[got.reason]) problems.push({ file: path, entry: null, field: null, message: UNREAD[got.reason] as string })
  }
  for (const path of KNOWLEDGE_PATHS) await read(path)
  const source = sourcePathOf(text(files.get(knowledgePath(KB_FILES.meta.file))))
  if (source !== null && pathProblem(source) === null) await read(source)
  return { files, problems }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function text(data: Uint8Array | undefined): string | undefined {
  if (data === undefined) return undefined
  try {
    return utf8.decode(data)
  } catch {
    return undefined
  }
}

/**
 * Every problem that would make this content a refused pack: files missing
 * or unexpected, the loader's checks, the edition and the editor named, the
 * sizes, a revision no later than `today` (the signing day) plus
 * REVISION_SLACK_DAYS. The snapshot is the content as the app would show it.
 */
export function checkContent(files: ContentFiles, today: Date = new Date()): { snapshot: KnowledgeBaseSnapshot; problems: KbProblem[] } {
  const decoded = new Map<string, string>()
  const problems: KbProblem[] = []
  for (const [path, data] of files) {
    const t = text(data)
    if (t === undefined) problems.push({ file: path, entry: null, field: null, message: 'Le fichier n’est pas du texte UTF-8.' })
    else decoded.set(path, t)
    if (data.length > PACK_LIMITS.entryBytes) {
      problems.push({ file: path, entry: null, field: null, message: 'Fichier trop grand pour un paquet.' })
    }
  }
  const source = sourcePathOf(decoded.get(knowledgePath(KB_FILES.meta.file)))
  pushAll(
    problems,
    contentFileProblems([...files.keys()], source).filter((p) => !p.message.startsWith('Fichier de la base')),
  )
  const snapshot = validateKnowledge(decoded)
  pushAll(
    problems,
    snapshot.problems.map((p) => (Object.values(KB_FILES).some((f) => f.file === p.file) ? { ...p, file: knowledgePath(p.file) } : p)),
  )
  const meta = snapshot.kb.meta
  if (meta) {
    // A pack's manifest repeats meta.json: only the edition and the editor can be missing.
    const asManifest = {
      title: meta.title,
      language: meta.source.language,
      edition: meta.edition ?? '',
      revision: meta.revision,
      editor: meta.editor ?? '',
    }
    pushAll(
      problems,
      metaAgreement(asManifest, meta).filter((p) => p.message.startsWith('Champ obligatoire')),
    )
    const latest = addDays(isoDay(today), REVISION_SLACK_DAYS)
    if (meta.revision > latest) {
      problems.push({
        file: knowledgePath(KB_FILES.meta.file),
        entry: null,
        field: 'revision',
        message: `Révision datée dans le futur (${meta.revision})\u00a0: un paquet ne peut pas être révisé après le jour de sa signature (${isoDay(today)}).`,
      })
    }
  }
  return { snapshot, problems }
}

export interface BuildOptions {
  /** The pack's id (DEFAULT_PACK_ID). */
  id?: string
  /** When it is signed (now): its day is the manifest's `signed`. */
  now?: Date
  /** Until when its editor vouches it is current (AAAA-MM-JJ; the signing day plus CURRENT_DEFAULT_DAYS). */
  currentUntil?: string
}

/** The pack's bytes: manifest.json, manifest.sig, trust.json, then the files in the order of resources/. */
export function buildPack(
  files: ContentFiles,
  privateKey: KeyObject,
  trust: TrustFile,
  { id = DEFAULT_PACK_ID, now = new Date(), currentUntil }: BuildOptions = {},
): { bytes: Uint8Array; manifest: Manifest } {
  const { snapshot, problems } = checkContent(files, now)
  if (problems.length > 0) throw new PackContentError(problems)
  const meta = snapshot.kb.meta as KnowledgeMeta
  const paths = packOrder([...files.keys()])
  const packed = paths.map((path) => packFile(path, files.get(path) as Uint8Array))
  const trustBytes = new TextEncoder().encode(trustFileText(trust))
  const manifest: Manifest = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    schemaVersion: KB_SCHEMA_VERSION,
    id,
    title: meta.title,
    language: meta.source.language,
    edition: meta.edition as string,
    revision: meta.revision,
    editor: meta.editor as string,
    signed: isoDay(now),
    currentUntil: currentUntil ?? addDays(isoDay(now), CURRENT_DEFAULT_DAYS),
    key: fingerprintOf(createPublicKey(privateKey)),
    trust: { version: trust.versions[trust.versions.length - 1]?.signed.version ?? 0, sha256: sha256Hex(trustBytes) },
    files: packed.map((f) => ({
      path: f.name,
      size: f.size,
      sha256: sha256Hex(files.get(f.name) as Uint8Array),
      stored: { size: f.stored.length, sha256: sha256Hex(f.stored) },
    })),
  }
  const bytes = manifestBytes(manifest)
  const signature = new Uint8Array(sign(null, bytes, privateKey))
  const zip = writeZip([
    packFile(MANIFEST_FILE, bytes, 0),
    packFile(SIGNATURE_FILE, signature, 0),
    packFile(TRUST_FILE, trustBytes, 0),
    ...packed,
  ])
  const currency = currentUntilProblem(manifest)
  if (currency !== null) throw new PackContentError([{ file: MANIFEST_FILE, entry: null, field: 'currentUntil', message: currency }])
  if (zip.length > PACK_LIMITS.archiveBytes) {
    throw new PackContentError([{ file: '(paquet)', entry: null, field: null, message: 'Le paquet dépasserait la taille admise.' }])
  }
  return { bytes: zip, manifest }
}
