// Keys: Ed25519 from node:crypto, PEM files: NAME.key (a private key, PKCS#8,
// never in the repo) and NAME.pub (its public key, SubjectPublicKeyInfo). A
// key is known by its fingerprint, the SHA-256 of its public key's DER bytes.
// The keys Mollet trusts are root keys: the NAME.pub files of the app's
// resources/keys/ and of a system folder an administrator fills (like apt's
// trusted keys); a root signs the trust file that lists the editors' keys
// (trust.ts); the tests pass their own.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { join, win32 } from 'node:path'
import { shown } from '../../../shared/text/shown'
import { readRegularFile } from './file'
import { PACK_LIMITS } from './limits'

export interface TrustedKey {
  /** The file's name without .pub: how « À propos du contenu » names the signer. */
  name: string
  fingerprint: string
  /** The public key, PEM (posted as is to the verification thread). */
  pem: string
}

export const PUBLIC_KEY_SUFFIX = '.pub'
export const PRIVATE_KEY_SUFFIX = '.key'

export function fingerprintOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
}

/** « 1a2b 3c4d 5e6f 7a8b »: the first 16 hexadecimal digits, in fours, as people compare them. */
export function shortFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 16).match(/.{1,4}/gu) ?? []).join('\u00a0')
}

export function generateEditorKey(): { privatePem: string; publicPem: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  }
}

/** An Ed25519 public key from PEM text; null when it is not one (a private key is not taken for its public half). */
function publicKeyFrom(pem: string): KeyObject | null {
  if (isPrivateKey(pem)) return null
  try {
    const key = createPublicKey(pem)
    return key.asymmetricKeyType === 'ed25519' ? key : null
  } catch {
    return null
  }
}

/** True when the PEM text holds a private key, of any kind. */
function isPrivateKey(pem: string): boolean {
  try {
    createPrivateKey(pem)
    return true
  } catch {
    return false
  }
}

/** An Ed25519 private key from PEM text; null when it is not one. */
export function privateKeyFrom(pem: string): KeyObject | null {
  try {
    const key = createPrivateKey(pem)
    return key.asymmetricKeyType === 'ed25519' ? key : null
  } catch {
    return null
  }
}

/** Where an administrator puts the keys every user of the machine trusts. */
function systemKeysDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Mollet', 'keys')
  if (platform === 'darwin') return '/Library/Application Support/Mollet/keys'
  return '/etc/mollet/keys'
}

/** The app's own trusted keys (resources/keys/), then the system folder's. */
export function defaultTrustedKeyDirs(resourcesDir: string): string[] {
  return [join(resourcesDir, 'keys'), systemKeysDir()]
}

/** A NAME.pub file that is not used, and why (French). */
export interface SkippedKeyFile {
  path: string
  reason: string
}

const PRIVATE_IN_TRUSTED =
  'c’est une clé privée\u00a0: elle n’a rien à faire dans un dossier de clés de confiance et n’est pas utilisée. Retirez-la, et tenez-la pour divulguée (faites une autre paire de clés).'

/**
 * The NAME.pub files of `dirs` that hold an Ed25519 public key, in the order
 * of the folders (a fingerprint found twice keeps its first name). A folder
 * that does not exist is no error; a file that is not a public key is skipped
 * and named with its reason — a private key above all, which is never taken
 * for its public half. A folder gives at most `keysPerFolder` keys (counted
 * among the keys, not the files) out of its first `keyFilesPerFolder` NAME.pub files.
 */
export async function readTrustedKeys(dirs: readonly string[]): Promise<{ keys: TrustedKey[]; skipped: SkippedKeyFile[] }> {
  const keys: TrustedKey[] = []
  const skipped: SkippedKeyFile[] = []
  const known = new Set<string>()
  for (const dir of dirs) {
    let names: string[]
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith(PUBLIC_KEY_SUFFIX)).sort()
    } catch {
      continue
    }
    let inFolder = 0
    for (const file of names.slice(0, PACK_LIMITS.keyFilesPerFolder)) {
      const path = join(dir, file)
      if (inFolder === PACK_LIMITS.keysPerFolder) {
        skipped.push({ path, reason: `plus de ${PACK_LIMITS.keysPerFolder} clés dans ce dossier\u00a0: les suivantes ne sont pas lues.` })
        break
      }
      const read = await readPublicKeyFile(path)
      if (!read.ok) {
        skipped.push({ path, reason: read.reason })
        continue
      }
      const key = read.key
      inFolder += 1
      const fingerprint = fingerprintOf(key)
      if (known.has(fingerprint)) continue
      known.add(fingerprint)
      keys.push({
        // A file name is text from outside: shown with its hidden characters written out.
        name: shown(file.slice(0, -PUBLIC_KEY_SUFFIX.length)),
        fingerprint,
        pem: key.export({ type: 'spki', format: 'pem' }).toString(),
      })
    }
  }
  return { keys, skipped }
}

/** The Ed25519 public key a NAME.pub file holds, or why not (French): never a private key taken for its public half. */
export async function readPublicKeyFile(path: string): Promise<{ ok: true; key: KeyObject } | { ok: false; reason: string }> {
  const pem = await readSmallText(path, PACK_LIMITS.keyFileBytes)
  if (pem !== null && isPrivateKey(pem)) return { ok: false, reason: PRIVATE_IN_TRUSTED }
  const key = pem === null ? null : publicKeyFrom(pem)
  if (!key) {
    return {
      ok: false,
      reason: 'ce n’est pas une clé publique Ed25519 lisible (fichier NOM.pub écrit par «\u00a0npm run pack -- keygen\u00a0»).',
    }
  }
  return { ok: true, key }
}

/** A file's text when it is a regular file of at most `max` bytes (never blocking on a FIFO); null otherwise. */
export async function readSmallText(path: string, max: number): Promise<string | null> {
  const read = await readRegularFile(path, max)
  return read.ok ? new TextDecoder().decode(read.bytes) : null
}
