// Command line: the patient handout as a PDF file, made by the same code as
// the app (composeHandout, then renderHandoutPdf in the render thread).
//   npm run handout -- --out fiche.pdf [options]
// A bad option: a French message on stderr, exit code 2, no file written.
// The file is written to a temporary name in the same folder, then renamed.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { writeFileAtomically } from '../electron/main/atomic-write'
import { createHandoutService } from '../electron/main/handout/service'
import { JobFailedError } from '../electron/main/job-thread'
import { bundledKnowledge } from '../electron/main/knowledge/store'
import { devRenderThread } from './dev-render-thread'
import { HandoutContentError } from '../shared/handout/compose'
import { selectionOf, startingChoice, unknownSelection } from '../shared/handout/selection'
import {
  letterheadProblem,
  noteProblem,
  unprintableMessage,
  PATIENT_NAME_MAX,
  type HandoutOptions,
  type Letterhead,
} from '../shared/handout/options'
import { settingsSchema, DEFAULT_SETTINGS, type Settings } from '../shared/settings/schema'
import { conditionsOf } from '../shared/kb/types'

const resourcesDir = resolve(import.meta.dirname, '../resources')

const HELP = `Fiche patient Mollet en PDF (A4, en français).

Utilisation :
  npm run handout -- --out fiche.pdf [options]

Options :
  --out FICHIER          fichier PDF à écrire (obligatoire)
  --causes ID,ID         causes et diagnostics à expliquer ; sans cette option : la fiche standard
                         (causes fréquentes et bénignes) ; --causes "" : aucune
  --advice ID,ID         conseils à donner ; sans cette option : ceux qu’apportent les causes choisies
                         (comme dans Mollet : chaque cause cochée apporte ses conseils) ; --advice "" : aucun
  --alerts ID,ID         signes d’alerte présents chez ce patient : la fiche s’ouvre alors sur la
                         consultation d’un médecin (et d’un neurologue s’il y a lieu), jamais sur « sans gravité »
  --patient NOM          nom du patient (n’est enregistré nulle part)
  --note TEXTE           note libre du soignant (n’est enregistrée nulle part)
  --large-print          gros caractères (corps 14 au lieu de 12)
  --settings FICHIER     réglages de Mollet (settings.json) : en-tête du cabinet et choix par défaut
  --clinic-name TEXTE    nom du cabinet (remplace celui des réglages)
  --clinic-address TEXTE adresse du cabinet (« \\n » pour passer à la ligne)
  --clinic-phone TEXTE   téléphone du cabinet
  --list                 affiche les identifiants des causes et des conseils, puis s’arrête
  --help                 affiche cette aide
`

/** A mistake in the command line: said in French, exit code 2. */
class UsageError extends Error {}

const OPTIONS = {
  out: { type: 'string' },
  causes: { type: 'string' },
  advice: { type: 'string' },
  alerts: { type: 'string' },
  patient: { type: 'string' },
  note: { type: 'string' },
  'large-print': { type: 'boolean' },
  settings: { type: 'string' },
  'clinic-name': { type: 'string' },
  'clinic-address': { type: 'string' },
  'clinic-phone': { type: 'string' },
  list: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new UsageError(frenchParseError(error))
  }
}

function frenchParseError(error: unknown): string {
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : ''
  const option = /'([^']+)'/u.exec(message)?.[1]?.split(' ')[0]
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Option inconnue\u00a0: ${option ?? ''}.`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `Valeur manquante ou en trop pour l’option ${option ?? ''}.`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Argument inattendu\u00a0: ${option ?? ''}. Les valeurs suivent leur option (ex.\u00a0: --patient "Mme Dupont").`
    default:
      return 'Ligne de commande invalide.'
  }
}

function idList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

async function readSettings(path: string): Promise<Settings> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new UsageError(`Fichier de réglages introuvable ou illisible\u00a0: ${path}.`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new UsageError(`Fichier de réglages illisible (JSON invalide)\u00a0: ${path}.`)
  }
  const parsed = settingsSchema.safeParse(raw)
  if (!parsed.success) throw new UsageError(`Fichier de réglages non conforme\u00a0: ${path}.`)
  return parsed.data
}

async function main(argv: string[]): Promise<number> {
  const values = parse(argv)
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  // The same render thread as the app: the layout runs off this process's main thread.
  const service = createHandoutService(bundledKnowledge(resourcesDir), resourcesDir, devRenderThread())
  const kb = await service.knowledgeBase()

  if (values.list) {
    const lines = [
      'Causes (--causes)\u00a0:',
      ...conditionsOf(kb).map((c) => `  ${c.id}  ${c.name}`),
      'Conseils (--advice)\u00a0:',
      ...kb.advice.map((a) => `  ${a.id}  ${a.label}`),
      'Signes d’alerte (--alerts)\u00a0:',
      ...kb.findings.filter((f) => f.redFlag).map((f) => `  ${f.id}  ${f.label}`),
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
    return 0
  }

  if (!values.out) throw new UsageError('L’option --out est obligatoire (ex.\u00a0: --out fiche.pdf).')
  const settings = values.settings ? await readSettings(values.settings) : DEFAULT_SETTINGS
  const defaults = settings.handoutDefaults
  // The same rule as the app's form and defaults (shared/handout/selection.ts):
  // causes given without advice bring their own advice.
  const given = {
    causes: values.causes !== undefined ? idList(values.causes) : defaults.causes,
    advice: values.advice !== undefined ? idList(values.advice) : values.causes !== undefined ? null : defaults.advice,
  }
  const alerts = idList(values.alerts ?? '')
  const unknown = [
    ...unknownSelection(kb, { causes: given.causes ?? [], advice: given.advice ?? [] }),
    ...alerts.filter((id) => !kb.findings.some((f) => f.redFlag && f.id === id)),
  ]
  if (unknown.length > 0) {
    throw new UsageError(
      `Identifiant${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''}\u00a0: ${unknown.join(', ')}. La liste\u00a0: npm run handout -- --list`,
    )
  }
  const patientName = values.patient ?? ''
  const note = (values.note ?? '').replace(/\\n/gu, '\n')
  if (patientName.length > PATIENT_NAME_MAX) throw new UsageError(`Nom du patient trop long (${PATIENT_NAME_MAX} caractères au plus).`)
  const noteTooLong = noteProblem(note)
  if (noteTooLong) throw new UsageError(noteTooLong)

  const letterhead: Letterhead = {
    name: values['clinic-name'] ?? settings.letterhead.name,
    address: (values['clinic-address'] ?? settings.letterhead.address).replace(/\\n/gu, '\n'),
    phone: values['clinic-phone'] ?? settings.letterhead.phone,
  }
  // The same bounds as the app's form: past them the warning signs would leave page 1.
  const letterheadTooLong = letterheadProblem(letterhead)
  if (letterheadTooLong) throw new UsageError(letterheadTooLong)
  const options: HandoutOptions = {
    ...selectionOf(kb, startingChoice(kb, given)),
    patientName,
    note,
    largePrint: values['large-print'] ?? defaults.largePrint,
    alerts,
  }

  const { pdf, doc, unprintable } = await service.render(options, letterhead)
  if (unprintable.length > 0) throw new UsageError(unprintableMessage(unprintable))
  const out = resolve(values.out)
  try {
    await writeFileAtomically(out, pdf)
  } catch {
    process.stderr.write(`Impossible d’écrire ${out}\u00a0: vérifiez que le dossier existe et qu’il est accessible en écriture.\n`)
    return 1
  }
  const sections = doc.sections.map((s) => s.heading).join(', ')
  process.stdout.write(`Fiche écrite\u00a0: ${out} (${sections}).\n`)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nAide\u00a0: npm run handout -- --help\n`)
      process.exitCode = 2
    } else if (error instanceof HandoutContentError) {
      process.stderr.write(`${error.message}\n`)
      process.exitCode = 1
    } else {
      // The class only, in a French sentence: a message may be English, or quote the handout.
      const name = error instanceof JobFailedError ? error.errorName : error instanceof Error ? error.name : typeof error
      process.stderr.write(`Erreur inattendue\u00a0: la fiche n’a pas pu être produite (${name}). Aucun fichier n’a été écrit.\n`)
      process.exitCode = 1
    }
  },
)
