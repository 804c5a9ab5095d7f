// Command line for content editors: knowledge packs (*.mollet), made and
// checked by the same code as the app (electron/main/pack/).
//   npm run pack -- keygen | check | build | verify | diff | schema
//                  | trust-init | trust-rotate | trust-revoke | trust-root …
// Any problem: a French message on stderr and exit code 2, nothing written.
// Files are written to a temporary name in the same folder, then renamed.
import { chmod, mkdir, open, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { writeFileAtomically } from '../electron/main/atomic-write'
import { buildPack, checkContent, readContentFolder, PackContentError } from '../electron/main/pack/build'
import { readPackFile } from '../electron/main/pack/file'
import {
  PRIVATE_KEY_SUFFIX,
  PUBLIC_KEY_SUFFIX,
  defaultTrustedKeyDirs,
  generateEditorKey,
  privateKeyFrom,
  readPublicKeyFile,
  readSmallText,
  readTrustedKeys,
  shortFingerprint,
  type TrustedKey,
} from '../electron/main/pack/keys'
import { PACK_LIMITS } from '../electron/main/pack/limits'
import { DEFAULT_PACK_ID, type Manifest } from '../electron/main/pack/manifest'
import { base64PublicKey, fingerprintOfBase64, signTrustBody, trustFileProblem } from '../electron/main/pack/trust'
import { readTrustFileAt, shippedTrust } from '../electron/main/pack/trust-file'
import { verifyPack, type PackTrust } from '../electron/main/pack/verify'
import { addDays, isCalendarDate, isoDay } from '../shared/kb/dates'
import { PROBLEMS_SHOWN, moreProblems, pushAll, shownProblem } from '../shared/kb/problems'
import { KB_FILES, KB_SCHEMA_VERSION } from '../shared/kb/schema'
import type { KbProblem, KnowledgeBase } from '../shared/kb/types'
import { describeDiff, revisionDate, versionText } from '../shared/pack/describe'
import { diffKnowledge, versionOf } from '../shared/pack/diff'
import { TRUST_FORMAT, TRUST_LIMITS, keyName, trustFileText, type TrustBody, type TrustFile } from '../shared/pack/trust'
import { shown } from '../shared/text/shown'
import { createPublicKey, type KeyObject } from 'node:crypto'

const NBSP = '\u00a0'
const resourcesDir = resolve(import.meta.dirname, '../resources')

export const HELP = `Paquets de contenu Mollet (*.mollet)${NBSP}: la base de connaissances et l’article source,
signés par leur éditeur, que Mollet installe sans être réinstallé.

Utilisation${NBSP}:
  npm run pack -- keygen --out DOSSIER [--name NOM]
      crée une paire de clés Ed25519${NBSP}: NOM.key (privée, à garder pour soi, jamais dans le dépôt)
      et NOM.pub (publique, à installer avec Mollet ou dans le dossier système des clés)${NBSP}; NOM${NBSP}: editeur
  npm run pack -- check DOSSIER
      vérifie un contenu rangé comme resources/ (knowledge/ et source/)${NBSP}: schéma, citations
      mot pour mot, références, édition et éditeur${NBSP}; liste tous les problèmes
  npm run pack -- build DOSSIER --key NOM.key --trust CONFIANCE.json --out FICHIER.mollet [--id ID] [--until AAAA-MM-JJ]
      vérifie le contenu puis écrit le paquet signé (ID du paquet${NBSP}: ${DEFAULT_PACK_ID}), avec le fichier
      de confiance où figure la clé NOM${NBSP};
      --until${NBSP}: dernier jour où vous garantissez que ce contenu est à jour (par défaut un an
      après aujourd’hui, trois ans au plus)${NBSP}; passé ce jour, Mollet l’utilise toujours mais
      prévient qu’il peut être dépassé
  npm run pack -- verify FICHIER.mollet [--keys DOSSIER] [--trust CONFIANCE.json]
      vérifie un paquet comme Mollet avant de l’installer${NBSP}; clés racines${NBSP}: celles de
      resources/keys/ et du dossier système, ou celles (NOM.pub) de DOSSIER${NBSP}; --trust${NBSP}: comme un
      Mollet qui a déjà reçu ce fichier de confiance (une clé qu’il révoque est refusée)
  npm run pack -- diff ANCIEN NOUVEAU [--keys DOSSIER]
      ce qui change de l’un à l’autre (paquets ou dossiers)${NBSP}: entrées ajoutées, retirées,
      modifiées avec leurs champs
  npm run pack -- schema [--out DOSSIER]
      écrit le schéma JSON de chaque fichier de la base de connaissances (DOSSIER${NBSP}: schemas)

Fichier de confiance${NBSP}: la liste, signée par votre clé racine (hors ligne, celle dont Mollet
connaît la clé publique), des clés d’éditeur qui peuvent signer des paquets, chacune jusqu’à
une date. Chaque commande ajoute une version, signée, au fichier (qui garde toutes les versions)${NBSP}:
  npm run pack -- trust-init --root RACINE.key --add EDITEUR.pub --out CONFIANCE.json [--expires AAAA-MM-JJ]
      crée le fichier (version 1) avec une première clé d’éditeur
  npm run pack -- trust-rotate CONFIANCE.json --root RACINE.key --add NOUVELLE.pub [--retire NOM] [--expires AAAA-MM-JJ]
      ajoute une clé d’éditeur (ou prolonge la sienne)${NBSP}; --retire${NBSP}: retire l’ancienne clé NOM${NBSP}: un
      Mollet qui a reçu cette version refuse les paquets qu’elle signe
  npm run pack -- trust-revoke CONFIANCE.json --root RACINE.key --revoke NOM
      révoque une clé (divulguée, perdue)${NBSP}: Mollet refuse ses paquets, même déjà installés, dès
      qu’il reçoit un paquet signé sous cette version, et aucune version ne peut la reprendre${NBSP};
      NOM${NBSP}: son nom dans le fichier, ou son fichier NOM.pub
  npm run pack -- trust-root CONFIANCE.json --root ANCIENNE.key --new-root NOUVELLE.key
      change de clé racine${NBSP}: la version suivante est signée par les deux${NBSP}; ajoutez NOUVELLE.pub
      aux clés de Mollet pour les nouvelles installations
  --expires${NBSP}: dernier jour où la clé ajoutée peut signer (par défaut deux ans après aujourd’hui,
  cinq ans au plus). Passé ce jour, ses paquets ne s’installent plus, ceux installés restent utilisés.
  npm run pack -- --help
      affiche cette aide

Code de sortie${NBSP}: 0 si tout va bien, 2 au moindre problème (message en français).
`

/** A problem said in French: exit code 2. */
export class PackCliError extends Error {
  constructor(
    message: string,
    readonly problems: KbProblem[] = [],
  ) {
    super(message)
    this.name = 'PackCliError'
  }
}

export interface Io {
  out(text: string): void
  err(text: string): void
}

const OPTIONS = {
  out: { type: 'string' },
  name: { type: 'string' },
  key: { type: 'string' },
  keys: { type: 'string' },
  id: { type: 'string' },
  until: { type: 'string' },
  trust: { type: 'string' },
  root: { type: 'string' },
  'new-root': { type: 'string' },
  add: { type: 'string' },
  retire: { type: 'string' },
  revoke: { type: 'string' },
  expires: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string }

/** The options each command takes (any other is refused). */
const ALLOWED: Record<string, (keyof typeof OPTIONS)[]> = {
  keygen: ['out', 'name'],
  check: [],
  build: ['key', 'trust', 'out', 'id', 'until'],
  verify: ['keys', 'trust'],
  diff: ['keys'],
  schema: ['out'],
  'trust-init': ['root', 'add', 'expires', 'out'],
  'trust-rotate': ['root', 'add', 'retire', 'expires'],
  'trust-revoke': ['root', 'revoke'],
  'trust-root': ['root', 'new-root'],
}
const POSITIONALS: Record<string, number> = {
  keygen: 0,
  check: 1,
  build: 1,
  verify: 1,
  diff: 2,
  schema: 0,
  'trust-init': 0,
  'trust-rotate': 1,
  'trust-revoke': 1,
  'trust-root': 1,
}

function parse(argv: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true }) as { values: Values; positionals: string[] }
  } catch (error) {
    throw new PackCliError(frenchParseError(error))
  }
}

function frenchParseError(error: unknown): string {
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : ''
  const option = /'([^']+)'/u.exec(message)?.[1]?.split(' ')[0]
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Option inconnue${NBSP}: ${option ?? ''}.`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `Valeur manquante ou en trop pour l’option ${option ?? ''}.`
    default:
      return 'Ligne de commande invalide.'
  }
}

/** « knowledge/causes.json › hypothermie › provenance.0.quote${NBSP}: … », every name made safe to print. */
export function problemLine(p: KbProblem): string {
  const safe = shownProblem(p)
  return `  ${[safe.file, safe.entry, safe.field].filter((x) => x !== null).join(' › ')}${NBSP}: ${safe.message}`
}

/** The problems' lines, at most PROBLEMS_SHOWN, the others counted. */
function problemLines(problems: readonly KbProblem[]): string[] {
  const lines = problems.slice(0, PROBLEMS_SHOWN).map(problemLine)
  const rest = problems.length - lines.length
  if (rest > 0) lines.push(`  ${moreProblems(rest)}`)
  return lines
}

export async function main(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv)
  const [command, ...args] = positionals
  if (values.help || command === undefined) {
    io.out(HELP)
    return command === undefined && !values.help ? 2 : 0
  }
  const allowed = ALLOWED[command]
  if (!allowed) throw new PackCliError(`Commande inconnue${NBSP}: ${command}. Les commandes${NBSP}: ${Object.keys(ALLOWED).join(', ')}.`)
  for (const option of Object.keys(values) as (keyof typeof OPTIONS)[]) {
    if (option !== 'help' && !allowed.includes(option)) throw new PackCliError(`L’option --${option} ne s’emploie pas avec ${command}.`)
  }
  if (args.length !== POSITIONALS[command]) {
    const n = POSITIONALS[command] as number
    throw new PackCliError(
      n === 0 ? `${command} ne prend pas d’argument.` : `${command} attend ${n === 1 ? 'un argument' : `${n} arguments`} (voir --help).`,
    )
  }
  switch (command) {
    case 'keygen':
      return keygen(values, io)
    case 'check':
      return check(args[0] as string, io)
    case 'build':
      return build(args[0] as string, values, io)
    case 'verify':
      return verifyCommand(args[0] as string, values, io)
    case 'diff':
      return diff(args[0] as string, args[1] as string, values, io)
    case 'trust-init':
      return trustInit(values, io)
    case 'trust-rotate':
    case 'trust-revoke':
    case 'trust-root':
      return trustChange(command, args[0] as string, values, io)
    default:
      return schema(values, io)
  }
}

async function keygen(values: Values, io: Io): Promise<number> {
  if (!values.out) throw new PackCliError(`L’option --out est obligatoire (ex.${NBSP}: --out ~/cles-mollet).`)
  const name = values.name ?? 'editeur'
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/u.test(name)) {
    throw new PackCliError('Nom de clé non admis (lettres sans accents, chiffres, «\u00a0.\u00a0», «\u00a0_\u00a0» et «\u00a0-\u00a0»).')
  }
  const dir = resolve(values.out)
  const privatePath = join(dir, `${name}${PRIVATE_KEY_SUFFIX}`)
  const publicPath = join(dir, `${name}${PUBLIC_KEY_SUFFIX}`)
  for (const path of [privatePath, publicPath]) {
    if (await exists(path)) throw new PackCliError(`${path} existe déjà${NBSP}: Mollet n’écrase pas une clé. Choisissez un autre --name.`)
  }
  const key = generateEditorKey()
  try {
    await mkdir(dir, { recursive: true })
    // The private key: created for its owner alone, never replaced.
    const handle = await open(privatePath, 'wx', 0o600)
    try {
      await handle.writeFile(key.privatePem)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await writeFileAtomically(publicPath, key.publicPem)
    // Public: anyone may read it (the atomic write creates files for their owner alone).
    await chmod(publicPath, 0o644)
  } catch {
    throw new PackCliError(`Impossible d’écrire les clés dans ${dir}${NBSP}: vérifiez que le dossier est accessible en écriture.`)
  }
  io.out(
    [
      `Clé privée${NBSP}: ${privatePath} (à garder pour soi, hors du dépôt, sauvegardée)`,
      `Clé publique${NBSP}: ${publicPath}`,
      `Empreinte${NBSP}: ${key.fingerprint}`,
      `Si c’est une clé racine${NBSP}: copiez ${name}${PUBLIC_KEY_SUFFIX} dans resources/keys/ (avec l’application) ou dans le dossier système des clés, et gardez ${name}${PRIVATE_KEY_SUFFIX} hors ligne. Si c’est une clé d’éditeur${NBSP}: inscrivez ${name}${PUBLIC_KEY_SUFFIX} au fichier de confiance (trust-init, trust-rotate).`,
      '',
    ].join('\n'),
  )
  return 0
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

async function folderContent(dir: string) {
  const path = resolve(dir)
  let isDir = false
  try {
    isDir = (await stat(path)).isDirectory()
  } catch {
    // Said below.
  }
  if (!isDir) throw new PackCliError(`Dossier introuvable${NBSP}: ${shown(path, 400)}.`)
  const read = await readContentFolder(path)
  const checked = checkContent(read.files)
  const problems = read.problems
  pushAll(problems, checked.problems)
  return { files: read.files, snapshot: checked.snapshot, problems }
}

function entriesCount(kb: KnowledgeBase): number {
  return (
    kb.causes.length +
    kb.differentials.length +
    kb.findings.length +
    kb.advice.length +
    kb.groups.length +
    kb.topics.length +
    kb.handout.length
  )
}

async function check(dir: string, io: Io): Promise<number> {
  const { snapshot, problems } = await folderContent(dir)
  if (problems.length > 0) {
    throw new PackCliError(`Contenu non valide (${problems.length} problème${problems.length > 1 ? 's' : ''})${NBSP}:`, problems)
  }
  const version = versionOf(snapshot.kb.meta)
  io.out(`Contenu valide${NBSP}: ${version ? versionText(version) : ''} (${entriesCount(snapshot.kb)} entrées).\n`)
  return 0
}

async function build(dir: string, values: Values, io: Io): Promise<number> {
  if (!values.key) throw new PackCliError(`L’option --key est obligatoire (ex.${NBSP}: --key ~/cles-mollet/editeur.key).`)
  if (!values.out) throw new PackCliError(`L’option --out est obligatoire (ex.${NBSP}: --out contenu-2.mollet).`)
  if (!values.trust) throw new PackCliError(`L’option --trust est obligatoire (ex.${NBSP}: --trust ~/cles-mollet/confiance.json).`)
  if (!values.out.endsWith('.mollet')) throw new PackCliError('Le fichier du paquet doit finir par .mollet.')
  if (values.id !== undefined && !/^[a-z0-9]+([.-][a-z0-9]+)*$/u.test(values.id)) {
    throw new PackCliError('Identifiant de paquet non admis (minuscules, chiffres, «\u00a0.\u00a0» et «\u00a0-\u00a0»).')
  }
  if (values.until !== undefined && !isCalendarDate(values.until)) {
    throw new PackCliError(`Date non valide pour --until${NBSP}: ${shown(values.until)} (une date réelle, AAAA-MM-JJ).`)
  }
  const pem = await readSmallText(resolve(values.key), PACK_LIMITS.keyFileBytes)
  const privateKey = pem === null ? null : privateKeyFrom(pem)
  if (!privateKey)
    throw new PackCliError(
      `Clé privée illisible${NBSP}: ${values.key} (un fichier NOM.key écrit par «\u00a0npm run pack -- keygen\u00a0»).`,
    )
  const trust = await readTrustFile(values.trust)
  const { files, problems } = await folderContent(dir)
  if (problems.length > 0) {
    throw new PackCliError(
      `Contenu non valide, aucun paquet écrit (${problems.length} problème${problems.length > 1 ? 's' : ''})${NBSP}:`,
      problems,
    )
  }
  let built: ReturnType<typeof buildPack>
  try {
    built = buildPack(files, privateKey, trust, { id: values.id, currentUntil: values.until })
  } catch (error) {
    if (error instanceof PackContentError) throw new PackCliError(`Contenu non valide, aucun paquet écrit${NBSP}:`, error.problems)
    throw error
  }
  // What Mollet will check, checked before the file is written: a Mollet whose root is the trust file's first.
  const first = trust.versions[0]?.signed.root
  const root: TrustedKey[] = first ? [{ name: first.name, fingerprint: fingerprintOfBase64(first.publicKey), pem: '' }] : []
  const verdict = verifyPack(built.bytes, await freshMollet(root), basename(values.out))
  if (!verdict.ok) throw new PackCliError(`Paquet non écrit${NBSP}: Mollet le refuserait${NBSP}:`, verdict.problems)
  const self = verdict.pack.signer
  const out = resolve(values.out)
  try {
    await writeFileAtomically(out, built.bytes)
  } catch {
    throw new PackCliError(`Impossible d’écrire ${out}${NBSP}: vérifiez que le dossier existe et qu’il est accessible en écriture.`)
  }
  const m = built.manifest
  io.out(
    `Paquet écrit${NBSP}: ${shown(out, 400)}\n  ${manifestLine(m)}\n  à jour jusqu’au ${revisionDate(m.currentUntil)} selon son éditeur\n  signé par la clé ${shown(self.name)} (empreinte ${shortFingerprint(self.fingerprint)}), fichier de confiance version ${m.trust.version}\n`,
  )
  return 0
}

/** « Titre, édition 2, révisée le 15 décembre 2026, par Éditeur »: a signed manifest's text, safe to print. */
function manifestLine(m: Manifest): string {
  const version = versionText({ title: m.title, edition: shown(m.edition), revision: m.revision })
  return `${shown(m.title)}, ${version}, par ${shown(m.editor)}`
}

/**
 * How a Mollet that has stored these trust chains (none: a new install)
 * would judge a pack to install today: on top of the trust file this
 * Mollet ships.
 */
async function freshMollet(roots: readonly TrustedKey[], stored: PackTrust['stored'] = []): Promise<PackTrust> {
  return { roots, shipped: await shippedTrust(resourcesDir), stored, today: isoDay(new Date()), purpose: 'install' }
}

/** The root keys; each NAME.pub file that is not used is said on stderr, with why. */
async function trustedKeys(values: Values, io: Io): Promise<TrustedKey[]> {
  const dirs = values.keys !== undefined ? [resolve(values.keys)] : defaultTrustedKeyDirs(resourcesDir)
  const { keys, skipped } = await readTrustedKeys(dirs)
  for (const file of skipped) io.err(`Clé ignorée${NBSP}: ${shown(file.path, 400)}${NBSP}: ${file.reason}\n`)
  if (keys.length === 0) {
    throw new PackCliError(
      `Aucune clé racine (NOM.pub) dans ${dirs.map((d) => shown(d, 400)).join(' ni dans ')}${NBSP}: impossible de vérifier la signature.`,
    )
  }
  return keys
}

async function verifiedPack(path: string, keys: TrustedKey[], stored: PackTrust['stored'] = []) {
  const file = await readPackFile(resolve(path))
  if (!file.ok) throw new PackCliError(`Paquet refusé${NBSP}:`, [file.problem])
  const verdict = verifyPack(file.bytes, await freshMollet(keys, stored), basename(path))
  if (!verdict.ok) {
    // Past PROBLEMS_SHOWN, verifyPack's list ends with a line that counts the others.
    const n = verdict.problems.length
    const count = n > PROBLEMS_SHOWN ? '' : ` (${n} problème${n > 1 ? 's' : ''})`
    throw new PackCliError(`Paquet refusé${count}${NBSP}: Mollet ne l’installerait pas.`, verdict.problems)
  }
  return verdict.pack
}

async function verifyCommand(path: string, values: Values, io: Io): Promise<number> {
  // A trust file given: the one chain such a Mollet would have stored.
  const stored = values.trust === undefined ? [] : [(await readTrustFile(values.trust)).versions]
  const pack = await verifiedPack(path, await trustedKeys(values, io), stored)
  const m = pack.manifest
  io.out(
    [
      `Paquet valide${NBSP}: ${shown(basename(path))}`,
      `  ${manifestLine(m)} (paquet ${shown(m.id)})`,
      `  à jour jusqu’au ${revisionDate(m.currentUntil)} selon son éditeur`,
      `  signé par la clé ${shown(pack.signer.name)} (empreinte ${shortFingerprint(pack.signer.fingerprint)}), fichier de confiance version ${m.trust.version}`,
      '',
    ].join('\n'),
  )
  return 0
}

async function contentOf(path: string, keys: () => Promise<TrustedKey[]>): Promise<KnowledgeBase> {
  let isDir = false
  try {
    isDir = (await stat(resolve(path))).isDirectory()
  } catch {
    throw new PackCliError(`Introuvable${NBSP}: ${shown(resolve(path), 400)}.`)
  }
  if (!isDir) return (await verifiedPack(path, await keys())).snapshot.kb
  const { snapshot, problems } = await folderContent(path)
  if (problems.length > 0) throw new PackCliError(`${shown(path, 400)}${NBSP}: contenu non valide${NBSP}:`, problems)
  return snapshot.kb
}

async function diff(oldPath: string, newPath: string, values: Values, io: Io): Promise<number> {
  let cached: Promise<TrustedKey[]> | null = null
  const keys = () => {
    cached ??= trustedKeys(values, io)
    return cached
  }
  const before = await contentOf(oldPath, keys)
  const after = await contentOf(newPath, keys)
  io.out(`${describeDiff(diffKnowledge(before, after, Number.POSITIVE_INFINITY)).join('\n')}\n`)
  return 0
}

async function schema(values: Values, io: Io): Promise<number> {
  const dir = resolve(values.out ?? 'schemas')
  const written: string[] = []
  try {
    await mkdir(dir, { recursive: true })
    for (const [key, { file, schema: fileSchema }] of Object.entries(KB_FILES)) {
      const whole = key === 'meta' ? fileSchema : z.array(fileSchema)
      const json = {
        ...z.toJSONSchema(whole, { io: 'input', unrepresentable: 'any' }),
        title: `Mollet — knowledge/${file} (schéma ${KB_SCHEMA_VERSION})`,
      }
      const path = join(dir, file.replace(/\.json$/u, '.schema.json'))
      await writeFileAtomically(path, `${JSON.stringify(json, null, 2)}\n`)
      written.push(path)
    }
  } catch {
    throw new PackCliError(`Impossible d’écrire les schémas dans ${dir}${NBSP}: vérifiez que le dossier est accessible en écriture.`)
  }
  io.out(`Schémas JSON écrits (version ${KB_SCHEMA_VERSION} du schéma)${NBSP}:\n${written.map((p) => `  ${p}`).join('\n')}\n`)
  return 0
}

/** A private key file (NAME.key), or a French reason. */
async function readPrivateKey(path: string, what: string): Promise<KeyObject> {
  const pem = await readSmallText(resolve(path), PACK_LIMITS.keyFileBytes)
  const key = pem === null ? null : privateKeyFrom(pem)
  if (!key)
    throw new PackCliError(
      `${what} illisible${NBSP}: ${shown(path, 400)} (un fichier NOM.key écrit par «${NBSP}npm run pack -- keygen${NBSP}»).`,
    )
  return key
}

/** An editor's public key file (NAME.pub): its name (the file's) and key, base64. */
async function readEditorKey(path: string): Promise<{ name: string; publicKey: string }> {
  const file = basename(path)
  const name = file.endsWith(PUBLIC_KEY_SUFFIX) ? file.slice(0, -PUBLIC_KEY_SUFFIX.length) : ''
  if (!keyName.safeParse(name).success) {
    throw new PackCliError(
      `Nom de clé publique non admis${NBSP}: ${shown(file, 400)} (NOM.pub, NOM en lettres sans accents, chiffres, «${NBSP}.${NBSP}», «${NBSP}_${NBSP}» et «${NBSP}-${NBSP}»).`,
    )
  }
  const read = await readPublicKeyFile(resolve(path))
  if (!read.ok) throw new PackCliError(`Clé publique refusée${NBSP}: ${shown(path, 400)}${NBSP}: ${read.reason}`)
  return { name, publicKey: base64PublicKey(read.key) }
}

/** A trust file that holds together (read bounded, never blocking, checked before use). */
async function readTrustFile(path: string): Promise<TrustFile> {
  const read = await readTrustFileAt(resolve(path))
  if (!read.ok) throw new PackCliError(read.reason)
  return read.file
}

/** The last day a key added now may sign: --expires, by default two years on; five at most. */
function expiresOption(values: Values, today: string): string {
  const expires = values.expires ?? addDays(today, 2 * 365)
  if (!isCalendarDate(expires))
    throw new PackCliError(`Date non valide pour --expires${NBSP}: ${shown(expires)} (une date réelle, AAAA-MM-JJ).`)
  if (expires <= today) throw new PackCliError(`--expires doit être après aujourd’hui (${today}).`)
  if (expires > addDays(today, 5 * 366)) throw new PackCliError('--expires ne peut pas dépasser cinq ans.')
  return expires
}

/** The next version, checked to follow the file, written in place of it (temporary file, then renamed). */
async function writeTrustVersion(path: string, file: TrustFile, body: TrustBody, signers: KeyObject[], io: Io): Promise<number> {
  if (file.versions.length >= TRUST_LIMITS.versions) {
    throw new PackCliError(
      `Le fichier de confiance a déjà ${TRUST_LIMITS.versions} versions${NBSP}: faites-en un nouveau avec une nouvelle clé racine livrée avec Mollet.`,
    )
  }
  const next: TrustFile = { format: TRUST_FORMAT, versions: [...file.versions, signTrustBody(body, signers)] }
  const problem = trustFileProblem(next.versions)
  if (problem !== null) throw new PackCliError(`Version non écrite${NBSP}: ${problem}.`)
  const out = resolve(path)
  try {
    await writeFileAtomically(out, trustFileText(next))
  } catch {
    throw new PackCliError(
      `Impossible d’écrire ${shown(out, 400)}${NBSP}: vérifiez que le dossier existe et qu’il est accessible en écriture.`,
    )
  }
  const editors = body.editors.map(
    (e) => `    ${e.name} (empreinte ${shortFingerprint(fingerprintOfBase64(e.publicKey))}) jusqu’au ${revisionDate(e.expires)}`,
  )
  io.out(
    [
      `Fichier de confiance écrit${NBSP}: ${shown(out, 400)}, version ${body.version}`,
      `  clé racine${NBSP}: ${body.root.name} (empreinte ${shortFingerprint(fingerprintOfBase64(body.root.publicKey))})`,
      `  clés d’éditeur (${body.editors.length})${NBSP}:`,
      ...editors,
      `  clés révoquées${NBSP}: ${body.revoked.length}`,
      `Les paquets construits avec ce fichier (build --trust) l’apportent aux postes${NBSP}: un Mollet l’adopte en installant l’un d’eux.`,
      '',
    ].join('\n'),
  )
  return 0
}

async function trustInit(values: Values, io: Io): Promise<number> {
  if (!values.root) throw new PackCliError(`L’option --root est obligatoire (ex.${NBSP}: --root ~/cles-racine/racine.key).`)
  if (!values.add) throw new PackCliError(`L’option --add est obligatoire (ex.${NBSP}: --add ~/cles-mollet/editeur.pub).`)
  if (!values.out) throw new PackCliError(`L’option --out est obligatoire (ex.${NBSP}: --out ~/cles-mollet/confiance.json).`)
  if (!values.out.endsWith('.json')) throw new PackCliError('Le fichier de confiance doit finir par .json.')
  if (await exists(resolve(values.out))) {
    throw new PackCliError(
      `${shown(resolve(values.out), 400)} existe déjà${NBSP}: Mollet n’écrase pas un fichier de confiance (trust-rotate y ajoute une version).`,
    )
  }
  const today = isoDay(new Date())
  const expires = expiresOption(values, today)
  const root = await readPrivateKey(values.root, 'Clé racine')
  const editor = await readEditorKey(values.add)
  const rootName = basename(values.root).replace(/\.key$/u, '')
  if (!keyName.safeParse(rootName).success) throw new PackCliError('Nom de la clé racine non admis (NOM.key, comme keygen l’écrit).')
  const body: TrustBody = {
    format: TRUST_FORMAT,
    version: 1,
    issued: today,
    root: { name: rootName, publicKey: base64PublicKey(createPublicKey(root)) },
    editors: [{ ...editor, expires }],
    revoked: [],
  }
  return writeTrustVersion(values.out, { format: TRUST_FORMAT, versions: [] }, body, [root], io)
}

/** An editor of `head` named NAME, or whose NAME.pub file this is. */
async function editorNamed(head: TrustBody, which: string): Promise<{ name: string; publicKey: string }> {
  if (!which.endsWith(PUBLIC_KEY_SUFFIX)) {
    const found = head.editors.find((e) => e.name === which)
    if (!found) {
      const names = head.editors.map((e) => e.name).join(', ') || 'aucune'
      throw new PackCliError(
        `Aucune clé d’éditeur «${NBSP}${shown(which)}${NBSP}» dans la version ${head.version} (clés${NBSP}: ${names})${NBSP}; donnez son fichier NOM.pub.`,
      )
    }
    return found
  }
  return readEditorKey(which)
}

async function trustChange(command: string, path: string, values: Values, io: Io): Promise<number> {
  if (!values.root) throw new PackCliError(`L’option --root est obligatoire (ex.${NBSP}: --root ~/cles-racine/racine.key).`)
  const file = await readTrustFile(path)
  const head = (file.versions[file.versions.length - 1] as TrustFile['versions'][number]).signed
  const root = await readPrivateKey(values.root, 'Clé racine')
  if (base64PublicKey(createPublicKey(root)) !== head.root.publicKey) {
    throw new PackCliError(
      `Ce n’est pas la clé racine de la version ${head.version} («${NBSP}${head.root.name}${NBSP}», empreinte ${shortFingerprint(fingerprintOfBase64(head.root.publicKey))})${NBSP}: rien n’est écrit.`,
    )
  }
  const today = isoDay(new Date())
  const body: TrustBody = { ...structuredClone(head), version: head.version + 1, issued: today }
  const signers = [root]
  if (command === 'trust-rotate') {
    if (!values.add) throw new PackCliError(`L’option --add est obligatoire (ex.${NBSP}: --add ~/cles-mollet/editeur-2027.pub).`)
    const added = await readEditorKey(values.add)
    const fingerprint = fingerprintOfBase64(added.publicKey)
    if (body.revoked.includes(fingerprint))
      throw new PackCliError(`Cette clé est révoquée${NBSP}: elle ne peut plus signer. Faites-en une autre (keygen).`)
    const expires = expiresOption(values, today)
    if (values.retire !== undefined) {
      const retired = await editorNamed(head, values.retire)
      if (retired.publicKey === added.publicKey) throw new PackCliError('--retire et --add nomment la même clé.')
      body.editors = body.editors.filter((e) => e.publicKey !== retired.publicKey)
    }
    body.editors = body.editors.filter((e) => e.publicKey !== added.publicKey && e.name !== added.name)
    if (body.editors.length >= TRUST_LIMITS.editors)
      throw new PackCliError(`${TRUST_LIMITS.editors} clés d’éditeur au plus${NBSP}: retirez-en une (--retire).`)
    body.editors.push({ ...added, expires })
  } else if (command === 'trust-revoke') {
    if (!values.revoke) throw new PackCliError(`L’option --revoke est obligatoire (ex.${NBSP}: --revoke editeur).`)
    const revoked = await editorNamed(head, values.revoke)
    const fingerprint = fingerprintOfBase64(revoked.publicKey)
    if (body.revoked.includes(fingerprint)) throw new PackCliError(`Cette clé est déjà révoquée (version ${head.version}).`)
    if (body.revoked.length >= TRUST_LIMITS.revoked) throw new PackCliError(`${TRUST_LIMITS.revoked} clés révoquées au plus.`)
    body.editors = body.editors.filter((e) => e.publicKey !== revoked.publicKey)
    body.revoked.push(fingerprint)
  } else {
    if (!values['new-root'])
      throw new PackCliError(`L’option --new-root est obligatoire (ex.${NBSP}: --new-root ~/cles-racine/racine-2.key).`)
    const newRoot = await readPrivateKey(values['new-root'], 'Nouvelle clé racine')
    const publicKey = base64PublicKey(createPublicKey(newRoot))
    if (publicKey === head.root.publicKey) throw new PackCliError('La nouvelle clé racine est l’ancienne.')
    const name = basename(values['new-root']).replace(/\.key$/u, '')
    if (!keyName.safeParse(name).success) throw new PackCliError('Nom de la nouvelle clé racine non admis (NOM.key, comme keygen l’écrit).')
    body.root = { name, publicKey }
    signers.push(newRoot)
  }
  return writeTrustVersion(path, file, body, signers, io)
}

/** Runs the command line: the exit code, every message written (never a file's contents). */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await main(argv, io)
  } catch (error) {
    if (error instanceof PackCliError) {
      io.err(`${[error.message, ...problemLines(error.problems)].join('\n')}\nAide${NBSP}: npm run pack -- --help\n`)
      return 2
    }
    io.err(`Erreur inattendue${NBSP}: ${error instanceof Error ? error.name : typeof error}. Aucun fichier n’a été écrit.\n`)
    return 2
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void run(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }).then((code) => {
    process.exitCode = code
  })
}
