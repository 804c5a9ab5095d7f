// Editors' keys and the keys Mollet trusts. Ed25519 from node:crypto, PEM
// files: NAME.key (the editor's private key, PKCS#8, never in the repo) and
// NAME.pub (its public key, SubjectPublicKeyInfo). A key is known by its
// fingerprint, the SHA-256 of its public key's DER bytes. Trusted keys are
// the NAME.pub files of the app's resources/keys/ and of a system folder an
// administrator fills (like apt's trusted keys); the tests pass their own.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { open, readdir } from 'node:fs/promises'
import { join, win32 } from 'node:path'
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

/** An Ed25519 public key from PEM text; null when it is not one. */
function publicKeyFrom(pem: string): KeyObject | null {
  try {
    const key = createPublicKey(pem)
    return key.asymmetricKeyType === 'ed25519' ? key : null
  } catch {
    return null
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

/**
 * The NAME.pub files of `dirs` that hold an Ed25519 public key, in the order
 * of the folders (a fingerprint found twice keeps its first name). A folder
 * that does not exist is no error; a file that is not a key is skipped and named.
 */
export async function readTrustedKeys(dirs: readonly string[]): Promise<{ keys: TrustedKey[]; skipped: string[] }> {
  const keys: TrustedKey[] = []
  const skipped: string[] = []
  const known = new Set<string>()
  for (const dir of dirs) {
    let names: string[]
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith(PUBLIC_KEY_SUFFIX)).sort()
    } catch {
      continue
    }
    for (const file of names.slice(0, PACK_LIMITS.keysPerFolder)) {
      const pem = await readSmallText(join(dir, file), PACK_LIMITS.keyFileBytes)
      const key = pem === null ? null : publicKeyFrom(pem)
      if (!key || pem === null) {
        skipped.push(join(dir, file))
        continue
      }
      const fingerprint = fingerprintOf(key)
      if (known.has(fingerprint)) continue
      known.add(fingerprint)
      keys.push({
        name: file.slice(0, -PUBLIC_KEY_SUFFIX.length),
        fingerprint,
        pem: key.export({ type: 'spki', format: 'pem' }).toString(),
      })
    }
  }
  return { keys, skipped }
}

/** A file's text when it is a regular file of at most `max` bytes; null otherwise. */
export async function readSmallText(path: string, max: number): Promise<string | null> {
  try {
    const handle = await open(path, 'r')
    try {
      const stat = await handle.stat()
      if (!stat.isFile() || stat.size > max) return null
      const buffer = Buffer.alloc(stat.size)
      const { bytesRead } = await handle.read(buffer, 0, stat.size, 0)
      return buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
}
