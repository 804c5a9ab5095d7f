// Trust files, in the spirit of TUF's root metadata: an offline root key
// signs a small, numbered list of the editor keys allowed to sign knowledge
// packs, each until a day, and of the keys it revokes. A trust file names its
// root; a new root is brought in by a version signed by the old root and the
// new one. A file holds the whole history, oldest first, so that a Mollet that
// stored version 1 can follow every change of root up to the last one; a pack
// carries the file it was signed under. What is signed is a version's
// canonical bytes (canonicalJson), never the file as written. The decisions
// are electron/main/pack/trust.ts's.
import { z } from 'zod'
import { calendarDate } from '../kb/schema'

z.config(z.locales.fr())

export const TRUST_FORMAT = 'mollet-trust'

export const TRUST_LIMITS = {
  /** Editor keys one version lists. */
  editors: 64,
  /** Keys one version revokes. */
  revoked: 256,
  /** Versions a file holds. */
  versions: 64,
  /** Root lineages Mollet keeps a chain of (Mollet's, an administrator's…). */
  lineages: 16,
  /** The file, in bytes (64 versions of 64 editors each fit in well under this). */
  fileBytes: 1024 * 1024,
} as const

/** A key file's name as keygen makes it: safe to print as is. */
export const keyName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/u, 'nom de clé attendu (lettres, chiffres, . _ -)')
const hex64 = z.string().regex(/^[0-9a-f]{64}$/u, '64 chiffres hexadécimaux attendus')
/** An Ed25519 public key: its SubjectPublicKeyInfo (44 bytes, a fixed 12-byte prefix), base64. */
const ed25519PublicKey = z.string().regex(/^MCowBQYDK2VwAyEA[A-Za-z0-9+/]{43}=$/u, 'clé publique Ed25519 attendue (base64)')
/** An Ed25519 signature (64 bytes), base64. */
const ed25519Signature = z.string().regex(/^[A-Za-z0-9+/]{86}==$/u, 'signature Ed25519 attendue (base64)')

const keyRef = z.strictObject({ name: keyName, publicKey: ed25519PublicKey })

export const trustBodySchema = z.strictObject({
  format: z.literal(TRUST_FORMAT),
  /** Counts the versions from 1; a change of root is exactly the next one. */
  version: z.number().int().min(1).max(1_000_000),
  /** The day the root signed it (shown; no rule depends on it). */
  issued: calendarDate,
  /** The key that signs the next version (and, when it is new, this one too). */
  root: keyRef,
  /** The keys that may sign packs, each until the end of `expires` (UTC). */
  editors: z.array(keyRef.extend({ expires: calendarDate })).max(TRUST_LIMITS.editors),
  /** Fingerprints (SHA-256 of the public key's DER) of keys no pack may be signed by any more. */
  revoked: z.array(hex64).max(TRUST_LIMITS.revoked),
})
export type TrustBody = z.infer<typeof trustBodySchema>

export const trustVersionSchema = z.strictObject({
  signed: trustBodySchema,
  /** By the root's fingerprint: one signature, two on a change of root (the old root's and the new one's). */
  signatures: z
    .array(z.strictObject({ key: hex64, signature: ed25519Signature }))
    .min(1)
    .max(2),
})
export type TrustVersion = z.infer<typeof trustVersionSchema>

export const trustFileSchema = z.strictObject({
  format: z.literal(TRUST_FORMAT),
  versions: z.array(trustVersionSchema).min(1).max(TRUST_LIMITS.versions),
})
export type TrustFile = z.infer<typeof trustFileSchema>

/**
 * The one byte form of a JSON value that is signed: keys sorted (by UTF-16
 * code units), no spaces, JSON.stringify's strings and numbers. For values
 * made of objects, arrays, strings, integers and booleans (what a trust version holds).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** The bytes a root signs for a version. */
export function trustBodyBytes(body: TrustBody): Uint8Array {
  return new TextEncoder().encode(canonicalJson(body))
}

/** A trust file as written: indented JSON, one final newline. */
export function trustFileText(file: TrustFile): string {
  return `${JSON.stringify(file, null, 2)}\n`
}
