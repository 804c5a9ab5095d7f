// Verifying a knowledge pack, all or nothing: a pack with any problem is
// refused whole, with every problem found said in French (file, entry,
// field). In order, each step trusting only what the previous ones proved:
//   1. the archive (zip.ts): size, paths, links, duplicates, declared sizes;
//   2. manifest.json is there and is JSON, manifest.sig and trust.json are there;
//   3. the signature: Ed25519 over the manifest's exact bytes, by a key the
//      trust file and the stored trust state let sign (trust.ts);
//   4. the versions: a pack for a newer Mollet says « mettez Mollet à jour »;
//   5. the manifest's schema (its revision a real day, not after the day it
//      was signed plus REVISION_SLACK_DAYS), trust.json the one it names; the
//      archive's entries in the one order build writes; then every file:
//      listed, present, same size, same SHA-256;
//   6. the files are exactly the knowledge base and the article it names;
//   7. the loader's checks (validateKnowledge), with no problem at all, and
//      the manifest says what meta.json says.
// Every problem is said with its names made safe to show (hidden characters
// written as code points, long names cut) and the list capped (shared/kb/problems.ts).
// Pure and synchronous (CPU-bound): the app runs it in a worker thread (verify-thread.ts).
import { createPublicKey, verify } from 'node:crypto'
import { REVISION_SLACK_DAYS, addDays, isCalendarDate } from '../../../shared/kb/dates'
import { cappedProblems, pushAll } from '../../../shared/kb/problems'
import { KB_FILES, KB_SCHEMA_VERSION, type KnowledgeMeta } from '../../../shared/kb/schema'
import type { KbProblem, KnowledgeBaseSnapshot } from '../../../shared/kb/types'
import { knowledgePath, sourcePathOf, validateKnowledge } from '../knowledge/load'
import { TRUST_LIMITS, trustFileSchema, type TrustVersion } from '../../../shared/pack/trust'
import type { TrustedKey } from './keys'
import { PACK_LIMITS } from './limits'
import {
  CURRENT_MAX_DAYS,
  MANIFEST_FILE,
  PACK_FORMAT_VERSION,
  SIGNATURE_FILE,
  TRUST_FILE,
  manifestSchema,
  sha256Hex,
  type Manifest,
} from './manifest'
import { decideTrust } from './trust'
import { extractEntry, listZip, storedBytes, type ZipEntry } from './zip'

export interface VerifiedPack {
  manifest: Manifest
  /** The editor key that signed it, named as the trust file names it. */
  signer: { name: string; fingerprint: string }
  /** What the trust decision gave (null when only the integrity was checked). */
  trust: { lineages: TrustVersion[][]; version: number; keysChanged: boolean } | null
  /** The content, valid as a whole (no problem). */
  snapshot: KnowledgeBaseSnapshot
  /** SHA-256 of the whole .mollet file: how the installed copy is named. */
  sha256: string
}

export type PackVerdict = { ok: true; pack: VerifiedPack } | { ok: false; problems: KbProblem[] }

/** What a pack's signer is judged by (trust.ts). */
export interface PackTrust {
  /** The root keys: resources/keys/ and the system folder. */
  roots: readonly TrustedKey[]
  /** The trust versions shipped with the app (resources/keys/mollet-confiance.json): the least it accepts. */
  shipped: readonly TrustVersion[]
  /** The trust versions Mollet stored (state.json), one chain per root lineage. */
  stored: readonly (readonly TrustVersion[])[]
  /** AAAA-MM-JJ (UTC). */
  today: string
  purpose: 'install' | 'start'
}

/** What a pack holds besides its files. */
const PACK_OWN_FILES = new Set([MANIFEST_FILE, SIGNATURE_FILE, TRUST_FILE])
/** The knowledge-base files every pack holds, as paths in the archive. */
export const KNOWLEDGE_PATHS: readonly string[] = Object.values(KB_FILES).map((f) => knowledgePath(f.file))
/** The source article's folder inside a pack (and in resources/). */
const SOURCE_DIR = 'source/'

const utf8 = new TextDecoder('utf-8', { fatal: true })

function problem(file: string, message: string, field: string | null = null): KbProblem {
  return { file, entry: null, field, message }
}

/**
 * `archive` names the pack in the messages (its file name). `trust`: what
 * judges who may have signed; 'integrity-only' checks everything but who
 * signed (the command line's diff of an editor's own packs).
 */
export function verifyPack(bytes: Uint8Array, trust: PackTrust | 'integrity-only', archive: string): PackVerdict {
  const refuse = (problems: readonly KbProblem[]): PackVerdict => ({ ok: false, problems: cappedProblems(problems, archive) })

  // 1. The archive.
  const listing = listZip(bytes, archive)
  if (!listing.ok) return refuse(listing.problems)
  const entries = new Map<string, ZipEntry>(listing.entries.map((e) => [e.name, e]))

  // 2. The manifest and its signature are there; the manifest is JSON.
  const manifestEntry = entries.get(MANIFEST_FILE)
  if (!manifestEntry) return refuse([problem(archive, 'Ce fichier n’est pas un paquet Mollet\u00a0: manifest.json manque.')])
  if (manifestEntry.size > PACK_LIMITS.manifestBytes) {
    return refuse([problem(MANIFEST_FILE, `Manifeste trop grand (${PACK_LIMITS.manifestBytes / 1024}\u00a0Ko au plus).`)])
  }
  const signatureEntry = entries.get(SIGNATURE_FILE)
  if (!signatureEntry) return refuse([problem(archive, 'Paquet non signé (manifest.sig manque)\u00a0: il est refusé.')])
  // Both stored as they are: their bytes in the archive are the signed ones.
  for (const own of [manifestEntry, signatureEntry]) {
    if (own.method !== 0)
      return refuse([problem(own.name, 'Fichier compressé\u00a0: le manifeste et sa signature sont stockés tels quels.')])
  }
  const manifestData = extractEntry(bytes, manifestEntry)
  if (!manifestData.ok) return refuse([manifestData.problem])
  let raw: unknown
  try {
    raw = JSON.parse(utf8.decode(manifestData.data))
  } catch {
    return refuse([problem(MANIFEST_FILE, 'Le manifeste n’est pas du JSON valide\u00a0: paquet abîmé ou qui n’est pas un paquet Mollet.')])
  }
  const claims = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
  const trustEntry = entries.get(TRUST_FILE)
  if (!trustEntry) {
    const format = claims.formatVersion
    if (typeof format === 'number' && format < PACK_FORMAT_VERSION) return refuse([oldFormat(format)])
    return refuse([problem(archive, 'Paquet sans fichier de confiance (trust.json manque)\u00a0: il est refusé.')])
  }
  if (trustEntry.method !== 0) return refuse([problem(TRUST_FILE, 'Fichier compressé\u00a0: le fichier de confiance est stocké tel quel.')])
  if (trustEntry.size > TRUST_LIMITS.fileBytes) {
    return refuse([problem(TRUST_FILE, `Fichier de confiance trop grand (${TRUST_LIMITS.fileBytes / 1024}\u00a0Ko au plus).`)])
  }
  const trustData = extractEntry(bytes, trustEntry)
  if (!trustData.ok) return refuse([trustData.problem])
  let trustRaw: unknown = null
  try {
    trustRaw = JSON.parse(utf8.decode(trustData.data))
  } catch {
    // Said below, as a file that does not parse.
  }
  const trustFile = trustFileSchema.safeParse(trustRaw)
  if (!trustFile.success) {
    const issue = trustFile.error.issues[0]
    return refuse([
      problem(
        TRUST_FILE,
        'Fichier de confiance illisible ou non conforme\u00a0: paquet refusé.',
        issue && issue.path.length > 0 ? issue.path.join('.') : null,
      ),
    ])
  }

  // 3. The signature, by a key the trust file and the stored trust state let sign.
  let signer: VerifiedPack['signer'] = { name: '', fingerprint: '' }
  let trusted: VerifiedPack['trust'] = null
  if (trust !== 'integrity-only') {
    if (signatureEntry.size !== 64)
      return refuse([problem(SIGNATURE_FILE, 'Signature illisible (64 octets attendus)\u00a0: paquet refusé.')])
    const signatureData = extractEntry(bytes, signatureEntry)
    if (!signatureData.ok) return refuse([signatureData.problem])
    const fingerprint = typeof claims.key === 'string' ? claims.key : ''
    if (!/^[0-9a-f]{64}$/u.test(fingerprint)) {
      return refuse([problem(MANIFEST_FILE, 'Le manifeste ne nomme pas la clé qui l’a signé\u00a0: paquet refusé.', 'key')])
    }
    const decision = decideTrust({
      ...trust,
      candidate: trustFile.data.versions,
      key: fingerprint,
      // Read before the signature is checked: only a calendar day, never text anyone put there.
      signed: typeof claims.signed === 'string' && isCalendarDate(claims.signed) ? claims.signed : '',
    })
    if (!decision.ok) return refuse([problem(TRUST_FILE, decision.reason)])
    const key = decision.editor
    if (!verify(null, manifestData.data, createPublicKey(key.pem), signatureData.data)) {
      return refuse([
        problem(
          SIGNATURE_FILE,
          'La signature ne correspond pas au manifeste\u00a0: le paquet a été modifié après sa signature, il est refusé.',
        ),
      ])
    }
    signer = { name: key.name, fingerprint: key.fingerprint }
    trusted = { lineages: decision.lineages, version: decision.version, keysChanged: decision.keysChanged }
  }

  // 4. Versions: a newer format or schema is this Mollet's to catch up with; an older format, the editor's to rebuild.
  const version = (field: 'formatVersion' | 'schemaVersion') => {
    const value = claims[field]
    return typeof value === 'number' && Number.isSafeInteger(value) ? value : null
  }
  const format = version('formatVersion')
  if (format !== null && format > PACK_FORMAT_VERSION) {
    return refuse([
      problem(
        MANIFEST_FILE,
        `Ce paquet est écrit dans un format plus récent que celui que lit cette version de Mollet (format ${format}, celle-ci lit le format ${PACK_FORMAT_VERSION})\u00a0: mettez Mollet à jour pour l’installer.`,
        'formatVersion',
      ),
    ])
  }
  if (format !== null && format > 0 && format < PACK_FORMAT_VERSION) return refuse([oldFormat(format)])
  const schemaVersion = version('schemaVersion')
  if (schemaVersion !== null && schemaVersion > KB_SCHEMA_VERSION) {
    return refuse([
      problem(
        MANIFEST_FILE,
        `Ce paquet est écrit pour une version plus récente de Mollet (schéma ${schemaVersion}, celle-ci lit le schéma ${KB_SCHEMA_VERSION})\u00a0: mettez Mollet à jour pour l’installer.`,
        'schemaVersion',
      ),
    ])
  }

  // 5. The manifest's schema, then each file against it.
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) {
    return refuse(
      parsed.error.issues.map((issue) =>
        problem(
          MANIFEST_FILE,
          `Manifeste non conforme, paquet refusé\u00a0: ${frenchSpacing(issue.message.charAt(0).toLowerCase() + issue.message.slice(1))}.`,
          issue.path.length > 0 ? issue.path.join('.') : null,
        ),
      ),
    )
  }
  const manifest = parsed.data
  if (manifest.revision > addDays(manifest.signed, REVISION_SLACK_DAYS)) {
    return refuse([
      problem(
        MANIFEST_FILE,
        `Révision datée après le jour de la signature (${manifest.revision}, signé le ${manifest.signed})\u00a0: une révision future ferait paraître plus anciens tous les paquets suivants, le paquet est refusé.`,
        'revision',
      ),
    ])
  }
  const currency = currentUntilProblem(manifest)
  if (currency !== null) return refuse([problem(MANIFEST_FILE, currency, 'currentUntil')])
  const versions = trustFile.data.versions
  if (sha256Hex(trustData.data) !== manifest.trust.sha256 || manifest.trust.version !== versions[versions.length - 1]?.signed.version) {
    return refuse([problem(TRUST_FILE, 'Ce n’est pas le fichier de confiance que nomme le manifeste signé\u00a0: paquet refusé.')])
  }
  // One layout: the manifest, its signature, the trust file, then the files in the manifest's order, which is build's.
  const expected = [MANIFEST_FILE, SIGNATURE_FILE, TRUST_FILE, ...packOrder(manifest.files.map((f) => f.path))]
  const actual = listing.entries.map((e) => e.name)
  const reordered =
    actual.length === expected.length &&
    (actual.some((name, i) => name !== expected[i]) || manifest.files.some((f, i) => f.path !== expected[i + 3]))
  if (reordered) {
    return refuse([
      problem(
        archive,
        'Fichiers rangés dans un autre ordre que celui de «\u00a0npm run pack -- build\u00a0»\u00a0: un paquet n’a qu’une forme, celui-ci est refusé.',
      ),
    ])
  }
  const problems: KbProblem[] = []
  const files = new Map<string, string>()
  const listed = new Set<string>()
  for (const file of manifest.files) {
    if (listed.has(file.path) || PACK_OWN_FILES.has(file.path)) {
      problems.push(problem(MANIFEST_FILE, `Fichier nommé deux fois ou réservé dans le manifeste\u00a0: ${file.path}.`, 'files'))
      continue
    }
    listed.add(file.path)
    const entry = entries.get(file.path)
    if (!entry) {
      problems.push(problem(file.path, 'Fichier annoncé par le manifeste mais absent du paquet\u00a0: paquet incomplet.'))
      continue
    }
    if (entry.size !== file.size || entry.compressedSize !== file.stored.size) {
      problems.push(problem(file.path, 'Taille différente de celle du manifeste\u00a0: fichier modifié après la signature.'))
      continue
    }
    // The stored bytes first: nothing unsigned is ever inflated.
    if (sha256Hex(storedBytes(bytes, entry)) !== file.stored.sha256) {
      problems.push(problem(file.path, 'Empreinte SHA-256 différente de celle du manifeste\u00a0: fichier modifié après la signature.'))
      continue
    }
    const data = extractEntry(bytes, entry)
    if (!data.ok) {
      problems.push(data.problem)
      continue
    }
    if (sha256Hex(data.data) !== file.sha256) {
      problems.push(problem(file.path, 'Empreinte SHA-256 différente de celle du manifeste\u00a0: fichier modifié après la signature.'))
      continue
    }
    try {
      files.set(file.path, utf8.decode(data.data))
    } catch {
      problems.push(problem(file.path, 'Le fichier n’est pas du texte UTF-8.'))
    }
  }
  for (const name of entries.keys()) {
    if (!listed.has(name) && !PACK_OWN_FILES.has(name)) {
      problems.push(problem(name, 'Fichier absent du manifeste\u00a0: ajouté après la signature, paquet refusé.'))
    }
  }
  if (problems.length > 0) return refuse(problems)

  // 6. Exactly the knowledge base and its article.
  const source = sourcePathOf(files.get(knowledgePath(KB_FILES.meta.file)))
  pushAll(problems, contentFileProblems([...listed], source))
  if (problems.length > 0) return refuse(problems)

  // 7. The loader's checks, with no problem left, and the manifest agrees with meta.json.
  const snapshot = validateKnowledge(files)
  if (snapshot.problems.length > 0) return refuse(snapshot.problems.map(inPack))
  pushAll(problems, metaAgreement(manifest, snapshot.kb.meta as KnowledgeMeta))
  if (problems.length > 0) return refuse(problems)
  return { ok: true, pack: { manifest, signer, trust: trusted, snapshot, sha256: sha256Hex(bytes) } }
}

function oldFormat(format: number): KbProblem {
  return problem(
    MANIFEST_FILE,
    `Ce paquet est écrit dans un format ancien (format ${format}, celle-ci lit le format ${PACK_FORMAT_VERSION})\u00a0: demandez à son éditeur de le refaire avec «\u00a0npm run pack -- build\u00a0».`,
    'formatVersion',
  )
}

/** Why a manifest's `currentUntil` cannot be (before the signing day, or more than CURRENT_MAX_DAYS after it); null when it can. */
export function currentUntilProblem(manifest: Pick<Manifest, 'signed' | 'currentUntil'>): string | null {
  if (manifest.currentUntil < manifest.signed) {
    return `Date de fin de validité (${manifest.currentUntil}) antérieure au jour de la signature (${manifest.signed})\u00a0: paquet refusé.`
  }
  if (manifest.currentUntil > addDays(manifest.signed, CURRENT_MAX_DAYS)) {
    return `Date de fin de validité trop lointaine (${manifest.currentUntil})\u00a0: un paquet est à jour trois ans au plus après sa signature (${manifest.signed}).`
  }
  return null
}

/** `paths` in the order a pack holds them: the knowledge base in the order of KB_FILES, then the article. */
export function packOrder(paths: readonly string[]): string[] {
  const rank = (path: string) => {
    const at = KNOWLEDGE_PATHS.indexOf(path)
    return at >= 0 ? at : KNOWLEDGE_PATHS.length
  }
  return [...paths].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
}

/** What is wrong with a pack's (or a folder's) set of files: every knowledge file, the article, nothing else. */
export function contentFileProblems(paths: readonly string[], source: string | null): KbProblem[] {
  const problems: KbProblem[] = []
  const have = new Set(paths)
  for (const path of KNOWLEDGE_PATHS) {
    if (!have.has(path)) problems.push(problem(path, 'Fichier de la base de connaissances manquant dans le paquet.'))
  }
  if (source !== null && (!source.startsWith(SOURCE_DIR) || source.includes('..'))) {
    problems.push(
      problem(knowledgePath(KB_FILES.meta.file), 'L’article source doit être dans le dossier source/ du paquet.', 'source.file'),
    )
  } else if (source !== null && !have.has(source)) {
    problems.push(problem(source, 'Article source manquant dans le paquet.'))
  }
  for (const path of paths) {
    if (!KNOWLEDGE_PATHS.includes(path) && path !== source) {
      problems.push(problem(path, 'Fichier inattendu\u00a0: un paquet ne contient que la base de connaissances et l’article source.'))
    }
  }
  return problems
}

/** meta.json names the edition and the editor, and says what the signed manifest says. */
export function metaAgreement(
  manifest: Pick<Manifest, 'title' | 'language' | 'edition' | 'revision' | 'editor'>,
  meta: KnowledgeMeta,
): KbProblem[] {
  const metaPath = knowledgePath(KB_FILES.meta.file)
  const problems: KbProblem[] = []
  const pairs: [string, string | undefined, string][] = [
    ['title', meta.title, manifest.title],
    ['edition', meta.edition, manifest.edition],
    ['revision', meta.revision, manifest.revision],
    ['editor', meta.editor, manifest.editor],
    ['source.language', meta.source.language, manifest.language],
  ]
  for (const [field, inMeta, inManifest] of pairs) {
    if (inMeta === undefined) problems.push(problem(metaPath, 'Champ obligatoire dans un paquet\u00a0: il manque.', field))
    else if (inMeta !== inManifest) problems.push(problem(metaPath, 'Diffère de ce que dit le manifeste signé.', field))
  }
  return problems
}

/** The loader names knowledge files alone (causes.json); in a pack they are knowledge/causes.json. */
function inPack(p: KbProblem): KbProblem {
  return Object.values(KB_FILES).some((f) => f.file === p.file) ? { ...p, file: knowledgePath(p.file) } : p
}

function frenchSpacing(message: string): string {
  return message
    .replace(/ :/gu, '\u00a0:')
    .replace(/ ([;!?])/gu, '\u202f$1')
    .replace(/'/gu, '’')
}
