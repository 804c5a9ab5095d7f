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
//     chain; a pack is judged by its lineage's, found from what its versions
//     prove (signed by a root of that lineage, held word for word by it, or
//     continuing it), never from a root they merely name; accepting it leaves
//     the others' chains as they were. Versions of two lineages are refused;
//   - a key revoked by the newest version of any lineage is refused, whoever
//     lists it: a revoked key is held as leaked.
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
const NO_ROOT = `Le fichier de confiance de ce paquet ne part d’aucune clé racine de Mollet (celles livrées avec l’application ou du dossier système)${NBSP}: paquet refusé.`

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

/** Whether a version of `a` names a root a version of `b` names (both verified: a root field alone proves nothing). */
function sharesRoot(a: readonly TrustVersion[], b: readonly TrustVersion[]): boolean {
  const roots = new Set(a.map((v) => v.signed.root.publicKey))
  return b.some((v) => roots.has(v.signed.root.publicKey))
}

/** A lineage Mollet knows: its versions, verified from a root, and where its chain is stored (-1: not stored). */
interface Lineage {
  base: TrustVersion[]
  stored: number
}

/**
 * The lineages Mollet knows, each verified from its roots: the shipped one,
 * continued by its stored chain (one that no longer follows it counts as none),
 * then the other stored chains. A stored chain that verifies from no root counts
 * as none; one of a lineage already known continues it as far as it verifies.
 */
function knownLineages(q: TrustQuestion, shipped: TrustVersion[]): Lineage[] {
  const known: Lineage[] = shipped.length > 0 ? [{ base: shipped, stored: -1 }] : []
  q.stored.forEach((chain, i) => {
    const own = follow(q.roots, [], chain)
    if (!own.ok || own.chain.length === 0) return
    const same = known.find((k) => sharesRoot(k.base, own.chain))
    if (!same) {
      known.push({ base: own.chain, stored: i })
      return
    }
    // The same lineage again (the shipped one's stored chain, or a planted copy): the furthest
    // it verifies to counts, so a shorter copy listed first cannot hide a later revocation.
    const continued = follow(q.roots, same.base, chain)
    if (continued.ok && continued.chain.length > same.base.length) {
      same.base = continued.chain
      same.stored = i
    } else if (same.stored === -1) same.stored = i
  })
  return known
}

/** Fingerprints of the keys a version lets sign (listed, not revoked). */
function editorKeys(body: TrustBody): Set<string> {
  const revoked = new Set(body.revoked)
  return new Set(body.editors.map((e) => fingerprintOfBase64(e.publicKey)).filter((f) => !revoked.has(f)))
}

/** Who may have signed a pack: the question's answer, with a French reason when it is no. */
export function decideTrust(q: TrustQuestion): TrustDecision {
  const shipped = follow(q.roots, [], q.shipped)
  const known = knownLineages(q, shipped.ok ? shipped.chain : [])
  // The pack's lineage, from what its versions prove: a version signed by the root it names
  // (one of this Mollet's), or one a lineage holds word for word, is of that lineage; versions
  // that follow a lineage's newest one (a root changed since) continue it.
  const anchors = new Set(q.roots.map((r) => r.fingerprint))
  const vouched = q.candidate.filter(
    (v) => anchors.has(fingerprintOfBase64(v.signed.root.publicKey)) && signedBy(v, v.signed.root.publicKey),
  )
  const carried = new Set(q.candidate.map((v) => canonicalJson(v.signed)))
  const matched = known.filter((k) => {
    if (sharesRoot(k.base, vouched) || k.base.some((v) => carried.has(canonicalJson(v.signed)))) return true
    const continued = follow(q.roots, k.base, q.candidate)
    return continued.ok && continued.chain.length > k.base.length
  })
  if (matched.length > 1) {
    return { ok: false, reason: `Le fichier de confiance de ce paquet mêle les versions de plusieurs clés racines${NBSP}: paquet refusé.` }
  }
  // None: a lineage of its own when its versions start one from a root; versions that prove
  // nothing are judged by the one lineage Mollet knows (they cannot set it aside), and with
  // several, by none (refused below).
  const startsOwn = (() => {
    const own = follow(q.roots, [], q.candidate)
    return own.ok && own.chain.length > 0
  })()
  const unproven = matched.length === 0 && !startsOwn
  const lineage: Lineage = matched[0] ?? (unproven && known.length === 1 ? (known[0] as Lineage) : { base: [], stored: -1 })
  // Refused, a pack whose versions prove nothing is said to start from no root: what is wrong is its file.
  const refuse = (reason: string): TrustDecision => ({ ok: false, reason: unproven ? NO_ROOT : reason })
  const base = lineage.base
  const followed = follow(q.roots, base, q.candidate)
  if (!followed.ok) return refuse(`Fichier de confiance refusé${NBSP}: ${followed.reason}.`)
  const head = followed.chain.at(-1)?.signed
  if (!head) return refuse(NO_ROOT)
  const where = `la version ${head.version} du fichier de confiance`
  const short = shortFingerprint(q.key)
  if (head.revoked.includes(q.key)) {
    return refuse(`La clé qui a signé ce paquet (empreinte ${short}) est révoquée par ${where}${NBSP}: paquet refusé.`)
  }
  // A key revoked is held as leaked, whoever revoked it: no other root's lineage vouches for it again.
  for (const k of known) {
    const other = k.base.at(-1)?.signed
    if (k !== lineage && other?.revoked.includes(q.key)) {
      return refuse(
        `La clé qui a signé ce paquet (empreinte ${short}) est révoquée par la version ${other.version} du fichier de confiance de la clé racine «${NBSP}${other.root.name}${NBSP}»${NBSP}: paquet refusé.`,
      )
    }
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
  const lineages = q.stored.map((chain, i) => (i === lineage.stored ? followed.chain : [...chain]))
  if (lineage.stored < 0) lineages.push(followed.chain)
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
