// Command line for content editors: knowledge packs (*.mollet), made and
// checked by the same code as the app (electron/main/pack/).
//   npm run pack -- keygen | check | build | verify | diff | schema …
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
  readSmallText,
  readTrustedKeys,
  shortFingerprint,
  fingerprintOf,
  type TrustedKey,
} from '../electron/main/pack/keys'
import { PACK_LIMITS } from '../electron/main/pack/limits'
import { DEFAULT_PACK_ID, type Manifest } from '../electron/main/pack/manifest'
import { verifyPack } from '../electron/main/pack/verify'
import { isCalendarDate } from '../shared/kb/dates'
import { PROBLEMS_SHOWN, moreProblems, pushAll, shownProblem } from '../shared/kb/problems'
import { KB_FILES, KB_SCHEMA_VERSION } from '../shared/kb/schema'
import type { KbProblem, KnowledgeBase } from '../shared/kb/types'
import { describeDiff, revisionDate, versionText } from '../shared/pack/describe'
import { diffKnowledge, versionOf } from '../shared/pack/diff'
import { shown } from '../shared/text/shown'
import { createPublicKey } from 'node:crypto'

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
  npm run pack -- build DOSSIER --key NOM.key --out FICHIER.mollet [--id ID] [--until AAAA-MM-JJ]
      vérifie le contenu puis écrit le paquet signé (ID du paquet${NBSP}: ${DEFAULT_PACK_ID})${NBSP};
      --until${NBSP}: dernier jour où vous garantissez que ce contenu est à jour (par défaut un an
      après aujourd’hui, trois ans au plus)${NBSP}; passé ce jour, Mollet l’utilise toujours mais
      prévient qu’il peut être dépassé
  npm run pack -- verify FICHIER.mollet [--keys DOSSIER]
      vérifie un paquet comme Mollet avant de l’installer${NBSP}; clés de confiance${NBSP}: celles de
      resources/keys/ et du dossier système, ou celles (NOM.pub) de DOSSIER
  npm run pack -- diff ANCIEN NOUVEAU [--keys DOSSIER]
      ce qui change de l’un à l’autre (paquets ou dossiers)${NBSP}: entrées ajoutées, retirées,
      modifiées avec leurs champs
  npm run pack -- schema [--out DOSSIER]
      écrit le schéma JSON de chaque fichier de la base de connaissances (DOSSIER${NBSP}: schemas)
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
  help: { type: 'boolean', short: 'h' },
} as const

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string }

/** The options each command takes (any other is refused). */
const ALLOWED: Record<string, (keyof typeof OPTIONS)[]> = {
  keygen: ['out', 'name'],
  check: [],
  build: ['key', 'out', 'id', 'until'],
  verify: ['keys'],
  diff: ['keys'],
  schema: ['out'],
}
const POSITIONALS: Record<string, number> = { keygen: 0, check: 1, build: 1, verify: 1, diff: 2, schema: 0 }

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
      `Pour que Mollet accepte vos paquets${NBSP}: copiez ${name}${PUBLIC_KEY_SUFFIX} dans resources/keys/ (avec l’application) ou dans le dossier système des clés.`,
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
  const { files, problems } = await folderContent(dir)
  if (problems.length > 0) {
    throw new PackCliError(
      `Contenu non valide, aucun paquet écrit (${problems.length} problème${problems.length > 1 ? 's' : ''})${NBSP}:`,
      problems,
    )
  }
  let built: ReturnType<typeof buildPack>
  try {
    built = buildPack(files, privateKey, { id: values.id, currentUntil: values.until })
  } catch (error) {
    if (error instanceof PackContentError) throw new PackCliError(`Contenu non valide, aucun paquet écrit${NBSP}:`, error.problems)
    throw error
  }
  // What Mollet will check, checked before the file is written.
  const publicKey = createPublicKey(privateKey)
  const self: TrustedKey = {
    name: basename(values.key).replace(/\.key$/u, ''),
    fingerprint: fingerprintOf(publicKey),
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
  const verdict = verifyPack(built.bytes, [self], basename(values.out))
  if (!verdict.ok) throw new PackCliError(`Le paquet écrit ne se vérifie pas (erreur de Mollet)${NBSP}:`, verdict.problems)
  const out = resolve(values.out)
  try {
    await writeFileAtomically(out, built.bytes)
  } catch {
    throw new PackCliError(`Impossible d’écrire ${out}${NBSP}: vérifiez que le dossier existe et qu’il est accessible en écriture.`)
  }
  const m = built.manifest
  io.out(
    `Paquet écrit${NBSP}: ${shown(out, 400)}\n  ${manifestLine(m)}\n  à jour jusqu’au ${revisionDate(m.currentUntil)} selon son éditeur\n  signé par la clé ${shown(self.name)} (empreinte ${shortFingerprint(self.fingerprint)})\n`,
  )
  return 0
}

/** « Titre, édition 2, révisée le 15 décembre 2026, par Éditeur »: a signed manifest's text, safe to print. */
function manifestLine(m: Manifest): string {
  const version = versionText({ title: m.title, edition: shown(m.edition), revision: m.revision })
  return `${shown(m.title)}, ${version}, par ${shown(m.editor)}`
}

/** The trusted keys; each NAME.pub file that is not used is said on stderr, with why. */
async function trustedKeys(values: Values, io: Io): Promise<TrustedKey[]> {
  const dirs = values.keys !== undefined ? [resolve(values.keys)] : defaultTrustedKeyDirs(resourcesDir)
  const { keys, skipped } = await readTrustedKeys(dirs)
  for (const file of skipped) io.err(`Clé ignorée${NBSP}: ${shown(file.path, 400)}${NBSP}: ${file.reason}\n`)
  if (keys.length === 0) {
    throw new PackCliError(
      `Aucune clé de confiance (NOM.pub) dans ${dirs.map((d) => shown(d, 400)).join(' ni dans ')}${NBSP}: impossible de vérifier la signature.`,
    )
  }
  return keys
}

async function verifiedPack(path: string, keys: TrustedKey[]) {
  const file = await readPackFile(resolve(path))
  if (!file.ok) throw new PackCliError(`Paquet refusé${NBSP}:`, [file.problem])
  const verdict = verifyPack(file.bytes, keys, basename(path))
  if (!verdict.ok) {
    // Past PROBLEMS_SHOWN, verifyPack's list ends with a line that counts the others.
    const n = verdict.problems.length
    const count = n > PROBLEMS_SHOWN ? '' : ` (${n} problème${n > 1 ? 's' : ''})`
    throw new PackCliError(`Paquet refusé${count}${NBSP}: Mollet ne l’installerait pas.`, verdict.problems)
  }
  return verdict.pack
}

async function verifyCommand(path: string, values: Values, io: Io): Promise<number> {
  const pack = await verifiedPack(path, await trustedKeys(values, io))
  const m = pack.manifest
  io.out(
    [
      `Paquet valide${NBSP}: ${shown(basename(path))}`,
      `  ${manifestLine(m)} (paquet ${shown(m.id)})`,
      `  à jour jusqu’au ${revisionDate(m.currentUntil)} selon son éditeur`,
      `  signé par la clé ${shown(pack.signer.name)} (empreinte ${shortFingerprint(pack.signer.fingerprint)})`,
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
