// A trust file read from disk (the one shipped with the app, or one given to
// the command line): hostile until checked — read bounded and never blocking,
// its schema, then every version following the one before from the first
// version's root (trust.ts). Reasons are French.
import { join } from 'node:path'
import { TRUST_LIMITS, trustFileSchema, type TrustFile, type TrustVersion } from '../../../shared/pack/trust'
import { shown } from '../../../shared/text/shown'
import { readRegularFile } from './file'
import { trustFileProblem } from './trust'

/** The trust file shipped with the app, beside its root keys in resources/keys/: the least Mollet accepts. */
const SHIPPED_TRUST_FILE = 'mollet-confiance.json'

const NBSP = '\u00a0'

export type TrustFileRead = { ok: true; file: TrustFile } | { ok: false; reason: string }

export async function readTrustFileAt(path: string): Promise<TrustFileRead> {
  const read = await readRegularFile(path, TRUST_LIMITS.fileBytes)
  const where = shown(path, 400)
  if (!read.ok) {
    const why = {
      missing: 'introuvable',
      unreadable: 'illisible',
      'not-a-file': 'ce n’est pas un fichier ordinaire',
      'too-large': `plus de ${TRUST_LIMITS.fileBytes / 1024}${NBSP}Ko`,
      changed: 'il a changé pendant sa lecture',
    }[read.reason]
    return { ok: false, reason: `Fichier de confiance refusé${NBSP}: ${where} (${why}).` }
  }
  let raw: unknown = null
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes))
  } catch {
    // Said below.
  }
  const parsed = trustFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue && issue.path.length > 0 ? ` (champ ${shown(issue.path.join('.'))})` : ''
    return { ok: false, reason: `Fichier de confiance non conforme${field}${NBSP}: ${where}.` }
  }
  const problem = trustFileProblem(parsed.data.versions)
  if (problem !== null) return { ok: false, reason: `Fichier de confiance refusé${NBSP}: ${problem}.` }
  return { ok: true, file: parsed.data }
}

/**
 * The versions of the trust file shipped in `resourcesDir`; none when it is
 * missing or does not hold together (the stored versions alone then count,
 * as before the app shipped one).
 */
export async function shippedTrust(resourcesDir: string): Promise<TrustVersion[]> {
  const read = await readTrustFileAt(join(resourcesDir, 'keys', SHIPPED_TRUST_FILE))
  return read.ok ? read.file.versions : []
}
