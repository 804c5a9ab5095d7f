// Making a knowledge pack from a folder laid out like resources/ (knowledge/
// and source/): the same checks as a pack's verification, then the manifest,
// its Ed25519 signature and the zip. For `npm run pack -- check | build`, and
// for the tests (which build their packs with keys of their own).
import { sign, type KeyObject, createPublicKey } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { KB_FILES, KB_SCHEMA_VERSION, type KnowledgeMeta } from '../../../shared/kb/schema'
import type { KbProblem, KnowledgeBaseSnapshot } from '../../../shared/kb/types'
import { knowledgePath, sourcePathOf, validateKnowledge } from '../knowledge/load'
import { fingerprintOf } from './keys'
import { PACK_LIMITS } from './limits'
import {
  DEFAULT_PACK_ID,
  MANIFEST_FILE,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  SIGNATURE_FILE,
  manifestBytes,
  sha256Hex,
  type Manifest,
} from './manifest'
import { KNOWLEDGE_PATHS, contentFileProblems, metaAgreement } from './verify'
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

/** The knowledge files and the article of a folder laid out like resources/; what cannot be read is left out (checkContent says so). */
export async function readContentFolder(dir: string): Promise<ContentFiles> {
  const files: ContentFiles = new Map()
  const read = async (path: string) => {
    try {
      files.set(path, new Uint8Array(await readFile(join(dir, path))))
    } catch {
      // Missing: named by checkContent.
    }
  }
  for (const path of KNOWLEDGE_PATHS) await read(path)
  const source = sourcePathOf(text(files.get(knowledgePath(KB_FILES.meta.file))))
  if (source !== null && pathProblem(source) === null) await read(source)
  return files
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
 * sizes. The snapshot is the content as the app would show it.
 */
export function checkContent(files: ContentFiles): { snapshot: KnowledgeBaseSnapshot; problems: KbProblem[] } {
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
  problems.push(...contentFileProblems([...files.keys()], source).filter((p) => !p.message.startsWith('Fichier de la base')))
  const snapshot = validateKnowledge(decoded)
  problems.push(
    ...snapshot.problems.map((p) => (Object.values(KB_FILES).some((f) => f.file === p.file) ? { ...p, file: knowledgePath(p.file) } : p)),
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
    problems.push(...metaAgreement(asManifest, meta).filter((p) => p.message.startsWith('Champ obligatoire')))
  }
  return { snapshot, problems }
}

/** The pack's bytes: manifest.json, manifest.sig, then the files in the order of resources/. */
export function buildPack(
  files: ContentFiles,
  privateKey: KeyObject,
  id: string = DEFAULT_PACK_ID,
): { bytes: Uint8Array; manifest: Manifest } {
  const { snapshot, problems } = checkContent(files)
  if (problems.length > 0) throw new PackContentError(problems)
  const meta = snapshot.kb.meta as KnowledgeMeta
  const paths = [...files.keys()].sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1))
  const packed = paths.map((path) => packFile(path, files.get(path) as Uint8Array))
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
    key: fingerprintOf(createPublicKey(privateKey)),
    files: packed.map((f) => ({
      path: f.name,
      size: f.size,
      sha256: sha256Hex(files.get(f.name) as Uint8Array),
      stored: { size: f.stored.length, sha256: sha256Hex(f.stored) },
    })),
  }
  const bytes = manifestBytes(manifest)
  const signature = new Uint8Array(sign(null, bytes, privateKey))
  const zip = writeZip([packFile(MANIFEST_FILE, bytes, 0), packFile(SIGNATURE_FILE, signature, 0), ...packed])
  if (zip.length > PACK_LIMITS.archiveBytes) {
    throw new PackContentError([{ file: '(paquet)', entry: null, field: null, message: 'Le paquet dépasserait la taille admise.' }])
  }
  return { bytes: zip, manifest }
}

function order(path: string): number {
  const at = KNOWLEDGE_PATHS.indexOf(path)
  return at >= 0 ? at : KNOWLEDGE_PATHS.length
}
