// Which key may sign a pack, decided from trust files (shared/pack/trust.ts):
// pure — no file, no clock; the day is given — and the same for the app at
// start, for an install and for the command line. The rules, after TUF's
// (theupdateframework/specification, §5.3):
//   - the trust file shipped with the app (resources/keys/) is the least
//     Mollet knows: what it stored (state.json) counts only on top of it, so
//     neither a deleted or planted state.json nor a pack carrying an older
//     version brings back a key an app update revoked;
//   - the chain Mollet stored starts at a version whose root is one of the
//     root keys it ships (resources/keys/, the system folder) and signs it;
//     one that no longer does (those keys changed) counts as none stored;
//   - a newer version is signed by the root of the newest version accepted;
//     a version that names another root is exactly the next number and is
//     signed by the new root too; versions may be skipped while the root stays;
//   - an older version is a replay and changes nothing; the same number
//     with other content is two roots' word against each other: refused;
//   - the pack's key is judged by the newest version accepted (stored or
//     carried): listed among its editors, not revoked, and until the day it
//     expires — the day of its signing, and for an install today too (a pack
//     installed while its key was valid is still used offline after that day);
//   - a version that takes a key away from the editors (revoked or dropped)
//     resets the revision new packs must exceed: a far-future revision
//     signed with a leaked key cannot hold back the genuine packs after it;
//   - each root's lineage (Mollet's, an administrator's) has its own stored
//     chain, found by the roots it shares with the pack's versions: a pack
//     is judged by its lineage's chain, and accepting it leaves the others'.
import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto'
import { TRUST_LIMITS, canonicalJson, trustBodyBytes, type TrustBody, type TrustVersion } from '../../../shared/pack/trust'
import { revisionDate } from '../../../shared/pack/describe'
import { shortFingerprint, type TrustedKey } from './keys'

export interface TrustQuestion {
  /** The root keys Mollet ships or an administrator installed (their NAME.pub files). */
  roots: readonly TrustedKey[]
  /** The versions shipped with the app, oldest first: the least it accepts. */
  shipped: readonly TrustVersion[]
  /** The versions Mollet accepted so far (state.json): one chain per root lineage, each oldest first. */
  stored: readonly (readonly TrustVersion[])[]
  /** The versions the pack carries, oldest first. */
  candidate: readonly TrustVersion[]
  /** The fingerprint of the key the pack says signed it, and the day it says it was signed (AAAA-MM-JJ). */
  key: string
  signed: string
  /** AAAA-MM-JJ (UTC). */
  today: string
  /** 'install': a pack to install (its key must not have expired today); 'start': the installed pack, again. */
  purpose: 'install' | 'start'
}

export interface TrustedEditor {
  name: string
  fingerprint: string
  /** Its public key, PEM: what the pack's signature is checked with. */
  pem: string
}

export type TrustDecision =
  | {
      ok: true
      /** The pack's lineage's versions: the stored ones and those the pack brought, never fewer. */
      chain: TrustVersion[]
      /** Every lineage's chain to store: the pack's as `chain`, the others as they were. */
      lineages: TrustVersion[][]
      /** The newest version accepted, which judged the key. */
      version: number
      editor: TrustedEditor
      /** A key of the stored newest version is no longer an editor's: the revision to exceed starts again. */
      keysChanged: boolean
    }
  | { ok: false; reason: string }

function keyFromBase64(publicKey: string): KeyObject {
  return createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
}

export function base64PublicKey(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64')
}

/** SHA-256 of the key's DER bytes, as keys.ts's fingerprintOf. */
export function fingerprintOfBase64(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex')
}

/** The version signed by each of `privateKeys` (a root, or the old and the new one). */
export function signTrustBody(body: TrustBody, privateKeys: readonly KeyObject[]): TrustVersion {
  const bytes = trustBodyBytes(body)
  return {
    signed: body,
    signatures: privateKeys.map((k) => ({
      key: fingerprintOfBase64(base64PublicKey(createPublicKey(k))),
      signature: sign(null, bytes, k).toString('base64'),
    })),
  }
}

function signedBy(version: TrustVersion, publicKey: string): boolean {
  const fingerprint = fingerprintOfBase64(publicKey)
  const signature = version.signatures.find((s) => s.key === fingerprint)
  if (!signature) return false
  try {
    return verify(null, trustBodyBytes(version.signed), keyFromBase64(publicKey), Buffer.from(signature.signature, 'base64'))
  } catch {
    return false
  }
}

const NBSP = '\u00a0'

/** Why `next` cannot follow `head`; null when it can. */
function stepProblem(head: TrustBody, next: TrustVersion): string | null {
  const v = next.signed.version
  if (!signedBy(next, head.root.publicKey)) {
    return `la version ${v} du fichier de confiance n’est pas signée par la clé racine en vigueur («${NBSP}${head.root.name}${NBSP}», version ${head.version})`
  }
  if (next.signed.root.publicKey !== head.root.publicKey) {
    if (v !== head.version + 1) {
      return `la version ${v} du fichier de confiance change de clé racine sans suivre immédiatement la version ${head.version}`
    }
    if (!signedBy(next, next.signed.root.publicKey)) {
      return `la version ${v} du fichier de confiance n’est pas signée par sa nouvelle clé racine («${NBSP}${next.signed.root.name}${NBSP}»)`
    }
  }
  return null
}

type Followed = { ok: true; chain: TrustVersion[] } | { ok: false; reason: string }

/** `versions` taken after `chain` (which may be empty: then from the first version a shipped root signs). */
function follow(roots: readonly TrustedKey[], chain: readonly TrustVersion[], versions: readonly TrustVersion[]): Followed {
  const out = [...chain]
  const anchors = new Set(roots.map((r) => r.fingerprint))
  for (const next of versions) {
    const head = out.at(-1)
    if (!head) {
      const root = next.signed.root.publicKey
      // Versions under a root this Mollet does not ship (an older one) are passed over.
      if (anchors.has(fingerprintOfBase64(root)) && signedBy(next, root)) out.push(next)
      continue
    }
    const v = next.signed.version
    if (v < head.signed.version) continue
    if (v === head.signed.version) {
      if (canonicalJson(next.signed) !== canonicalJson(head.signed)) {
        return { ok: false, reason: `deux versions ${v} différentes du fichier de confiance` }
      }
      continue
    }
    const problem = stepProblem(head.signed, next)
    if (problem !== null) return { ok: false, reason: problem }
    if (out.length === TRUST_LIMITS.versions) {
      return { ok: false, reason: `plus de ${TRUST_LIMITS.versions} versions du fichier de confiance` }
    }
    out.push(next)
  }
  return { ok: true, chain: out }
}

/** Whether the pack's versions are of the shipped ones' lineage: one of them names a root the shipped chain names. */
function sameLineage(shipped: readonly TrustVersion[], candidate: readonly TrustVersion[]): boolean {
  return candidate.length === 0 || sharesRoot(shipped, candidate)
}

/** Whether a version of `a` names a root a version of `b` names. */
function sharesRoot(a: readonly TrustVersion[], b: readonly TrustVersion[]): boolean {
  const roots = new Set(a.map((v) => v.signed.root.publicKey))
  return b.some((v) => roots.has(v.signed.root.publicKey))
}

/**
 * The stored chain the pack's versions belong to (its index; -1 for a lineage
 * not stored yet): the first that shares a root with them (or with the shipped
 * chain under them), or that they extend (a root changed since); else, when
 * they start a chain of their own, none. Versions that do neither — replays
 * under roots no chain names — prove nothing: the pack is judged by the first
 * chain whose newest version lists its key, or by the first chain.
 */
function lineageOf(q: TrustQuestion, floor: readonly TrustVersion[]): number {
  const shared = q.stored.findIndex((chain) => sharesRoot(chain, [...floor, ...q.candidate]))
  if (shared >= 0) return shared
  const extended = q.stored.findIndex((chain) => {
    const followed = follow(q.roots, chain, q.candidate)
    return followed.ok && followed.chain.length > chain.length
  })
  if (extended >= 0) return extended
  const own = follow(q.roots, floor, q.candidate)
  if (!own.ok || own.chain.length > 0) return -1
  const listing = q.stored.findIndex((chain) => {
    const head = chain.at(-1)?.signed
    return head !== undefined && editorKeys(head).has(q.key)
  })
  return listing >= 0 ? listing : q.stored.length > 0 ? 0 : -1
}

/** Fingerprints of the keys a version lets sign (listed, not revoked). */
function editorKeys(body: TrustBody): Set<string> {
  const revoked = new Set(body.revoked)
  return new Set(body.editors.map((e) => fingerprintOfBase64(e.publicKey)).filter((f) => !revoked.has(f)))
}

/** Who may have signed a pack: the question's answer, with a French reason when it is no. */
export function decideTrust(q: TrustQuestion): TrustDecision {
  const refuse = (reason: string): TrustDecision => ({ ok: false, reason })
  // What was stored is checked again from the shipped roots and on top of the shipped versions
  // (for a pack of their lineage: another root's, an administrator's, has its own): a chain that
  // no longer follows them counts as none stored, and the shipped ones stay.
  const shipped = follow(q.roots, [], q.shipped)
  const floor = shipped.ok && sameLineage(shipped.chain, q.candidate) ? shipped.chain : []
  const mine = lineageOf(q, floor)
  const stored = follow(q.roots, floor, q.stored[mine] ?? [])
  const base = stored.ok ? stored.chain : floor
  const followed = follow(q.roots, base, q.candidate)
  if (!followed.ok) return refuse(`Fichier de confiance refusé${NBSP}: ${followed.reason}.`)
  const head = followed.chain.at(-1)?.signed
  if (!head) {
    return refuse(
      'Le fichier de confiance de ce paquet ne part d’aucune clé racine de Mollet (celles livrées avec l’application ou du dossier système)\u00a0: paquet refusé.',
    )
  }
  const where = `la version ${head.version} du fichier de confiance`
  const short = shortFingerprint(q.key)
  if (head.revoked.includes(q.key)) {
    return refuse(`La clé qui a signé ce paquet (empreinte ${short}) est révoquée par ${where}${NBSP}: paquet refusé.`)
  }
  const editor = head.editors.find((e) => fingerprintOfBase64(e.publicKey) === q.key)
  if (!editor) {
    return refuse(
      `La clé qui a signé ce paquet (empreinte ${short}) n’est pas une clé d’éditeur de ${where} (retirée, ou jamais admise)${NBSP}: paquet refusé.`,
    )
  }
  if (q.signed > editor.expires) {
    return refuse(
      `La clé «${NBSP}${editor.name}${NBSP}» a expiré le ${revisionDate(editor.expires)}, avant la signature de ce paquet (le ${revisionDate(q.signed)})${NBSP}: paquet refusé.`,
    )
  }
  if (q.purpose === 'install' && q.today > editor.expires) {
    return refuse(
      `La clé «${NBSP}${editor.name}${NBSP}» a expiré le ${revisionDate(editor.expires)}${NBSP}: un paquet signé par elle ne s’installe plus. Demandez à son éditeur un paquet signé par sa nouvelle clé.`,
    )
  }
  const before = base.at(-1)?.signed
  const after = editorKeys(head)
  const keysChanged = before !== undefined && [...editorKeys(before)].some((k) => !after.has(k))
  const lineages = q.stored.map((chain, i) => (i === mine ? followed.chain : [...chain]))
  if (mine < 0) lineages.push(followed.chain)
  // Kept even while their root is gone from this Mollet: put back, it finds its chain (no replay).
  if (lineages.length > TRUST_LIMITS.lineages) {
    return refuse(
      `Plus de ${TRUST_LIMITS.lineages} clés racines différentes dans les fichiers de confiance acceptés${NBSP}: paquet refusé.`,
    )
  }
  return {
    ok: true,
    chain: followed.chain,
    lineages,
    version: head.version,
    editor: {
      name: editor.name,
      fingerprint: q.key,
      pem: keyFromBase64(editor.publicKey).export({ type: 'spki', format: 'pem' }).toString(),
    },
    keysChanged,
  }
}

/**
 * Why a trust file does not hold together on its own (the command line's
 * check before it writes or signs with one): every version follows the one
 * before it, from the first version's root. Null when it does.
 */
export function trustFileProblem(versions: readonly TrustVersion[]): string | null {
  const first = versions[0]
  if (!first) return 'le fichier de confiance n’a aucune version'
  const root = first.signed.root.publicKey
  const followed = follow([{ name: first.signed.root.name, fingerprint: fingerprintOfBase64(root), pem: '' }], [], versions)
  if (!followed.ok) return followed.reason
  if (followed.chain.length !== versions.length) {
    return followed.chain.length === 0
      ? 'la première version du fichier de confiance n’est pas signée par sa clé racine'
      : 'les versions du fichier de confiance ne se suivent pas'
  }
  return null
}
