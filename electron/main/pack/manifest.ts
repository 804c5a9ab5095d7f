// A pack's manifest.json: what the pack is (id, title, language, edition,
// revision date, editor, the schema version it was written for, the day it
// was signed and the key that signed it) and the SHA-256 and size of every file it holds, expanded and as
// stored in the archive. Its exact bytes
// are what manifest.sig signs (Ed25519): a file is trusted only through them.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { calendarDate } from '../../../shared/kb/schema'

z.config(z.locales.fr())

/** Names the format; `formatVersion` is the container's, `schemaVersion` the knowledge base's (KB_SCHEMA_VERSION). */
export const PACK_FORMAT = 'mollet-pack'
/**
 * 2: the manifest names the day it was signed (`signed`) and until when it is current (`currentUntil`);
 * 3: the pack carries the trust file it was signed under (`trust.json`, named by the manifest's `trust`).
 */
export const PACK_FORMAT_VERSION = 3
/** A pack is current for a year unless its editor says otherwise… */
export const CURRENT_DEFAULT_DAYS = 365
/** …and for three years at most: past that, a clinic is told its content may be out of date. */
export const CURRENT_MAX_DAYS = 3 * 366
export const MANIFEST_FILE = 'manifest.json'
export const SIGNATURE_FILE = 'manifest.sig'
/** The trust file the pack was signed under (shared/pack/trust.ts), stored as is. */
export const TRUST_FILE = 'trust.json'
/** The id packs get when the editor names none. */
export const DEFAULT_PACK_ID = 'mollet-contractions-mollet'

const hex64 = z.string().regex(/^[0-9a-f]{64}$/u, '64 chiffres hexadécimaux attendus')
const text = z.string().trim().min(1, 'texte vide').max(200, '200 caractères au plus')

const size = z.number().int().nonnegative()

const manifestFileSchema = z.strictObject({
  /** Relative to resources/: knowledge/causes.json, source/…. */
  path: z.string().min(1).max(200),
  /** The file itself. */
  size,
  sha256: hex64,
  /** The file as the archive stores it (deflated): every byte of a pack is then signed. */
  stored: z.strictObject({ size, sha256: hex64 }),
})

export const manifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  schemaVersion: z.number().int().positive(),
  id: z
    .string()
    .regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/u, 'identifiant attendu en minuscules-avec-tirets')
    .max(100),
  title: text,
  language: z.literal('fr'),
  edition: text,
  revision: calendarDate,
  editor: text,
  /** The day (UTC) the pack was built and signed; `revision` is not later than it plus REVISION_SLACK_DAYS. */
  signed: calendarDate,
  /**
   * The last day its editor vouches the content is current (apt's Valid-Until,
   * TUF's expiry): past it Mollet keeps using the pack and says it may be out
   * of date. Not before `signed`, at most CURRENT_MAX_DAYS after it.
   */
  currentUntil: calendarDate,
  /** SHA-256 of the signing key's public key (DER, SubjectPublicKeyInfo). */
  key: hex64,
  /** The trust file the pack carries: its newest version, and the SHA-256 of its bytes. */
  trust: z.strictObject({ version: z.number().int().min(1), sha256: hex64 }),
  files: z.array(manifestFileSchema).min(1).max(64),
})

export type Manifest = z.infer<typeof manifestSchema>

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The manifest's bytes, as built and signed: indented JSON, one final newline. */
export function manifestBytes(manifest: Manifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`)
}
