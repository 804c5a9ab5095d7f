// A content diff in French: the labels of lists and fields, and the lines the
// command line prints (`npm run pack -- diff`). The renderer shows the same
// labels in its own markup. French typography: U+00A0 before « : », inside
// « », ’ for apostrophes.
import { FIELD_LABELS } from '../kb/vocabulary'
import { frenchIsoDate } from '../text/french'
import { shown } from '../text/shown'
import type { ContentDiff, ContentInfo, ContentVersion, DiffEntry, KbList } from './types'

const NBSP = '\u00a0'

export const LIST_LABELS: Record<KbList, string> = {
  causes: 'Causes',
  differentials: 'Diagnostics différentiels',
  findings: 'Signes',
  advice: 'Conseils',
  groups: 'Ce que l’article dit des groupes',
  topics: 'En savoir plus',
  handout: 'Fiche patient',
}

/** The fields of the other lists and of meta.json, by their key; a condition's are named in FIELD_LABELS. */
const OTHER_FIELDS: Record<string, string> = {
  label: 'libellé',
  group: 'groupe',
  redFlag: 'signe d’alerte',
  advice: 'conseil',
  patientText: 'texte pour le patient',
  appliesTo: 's’applique à',
  text: 'texte',
  members: 'membres',
  section: 'section',
  when: 'fiches concernées',
  title: 'titre',
  editor: 'éditeur',
  source: 'article source',
  sections: 'sections de l’article',
  meta: 'métadonnées',
}

/** « Nom » → « nom », inside a sentence; an acronym (« CIM-10 ») stays as it is. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label
}

/** A field's name in a list of changed fields, by its key (the key itself when it has none). */
export function fieldLabel(field: string): string {
  const condition: Record<string, string> = FIELD_LABELS
  const label = condition[field]
  return label ? inSentence(label) : (OTHER_FIELDS[field] ?? field)
}

/** A revision day as it is said: "2026-12-01" → "1er décembre 2026" (as written when it is no day). */
export const revisionDate = frenchIsoDate

/** « édition 2, révisée le 15 décembre 2026 ». */
export function versionText(version: ContentVersion): string {
  const revised = `révisée le ${revisionDate(version.revision)}`
  return version.edition ? `édition ${version.edition}, ${revised}` : revised
}

/** What « À propos du contenu » and the start say of a pack past its « à jour jusqu’au » day; null when it is not. */
export function outdatedText(info: Pick<ContentInfo, 'outdated' | 'currentUntil' | 'version'>): string | null {
  if (!info.outdated || info.currentUntil === null) return null
  const which = info.version ? ` (${versionText(info.version)})` : ''
  return `Ce contenu${which} n’est garanti à jour que jusqu’au ${revisionDate(info.currentUntil)} par son éditeur${NBSP}: Mollet continue de l’utiliser, mais il peut être dépassé. Demandez à son éditeur un paquet plus récent.`
}

function entryText(e: DiffEntry): string {
  return `${LIST_LABELS[e.list]}${NBSP}: ${shown(e.label)} (${shown(e.id)})`
}

/** The diff as lines of French text, for the command line (each label on one line, hidden characters written out). */
export function describeDiff(diff: ContentDiff): string[] {
  const lines: string[] = []
  const arrow = (a: string, b: string) => (a === b ? `${a} (inchangée)` : `${a} → ${b}`)
  lines.push(`Révision${NBSP}: ${arrow(revisionDate(diff.from.revision), revisionDate(diff.to.revision))}`)
  lines.push(`Édition${NBSP}: ${arrow(diff.from.edition ?? '(sans nom)', diff.to.edition ?? '(sans nom)')}`)
  const more = (shown: number, total: number) => (total > shown ? [`  … et ${total - shown} autres`] : [])
  const section = (title: string, total: number, body: string[]) => {
    lines.push(total === 0 ? `${title}${NBSP}: aucune` : `${title} (${total})${NBSP}:`, ...body)
  }
  section('Entrées ajoutées', diff.counts.added, [
    ...diff.added.map((e) => `  + ${entryText(e)}`),
    ...more(diff.added.length, diff.counts.added),
  ])
  section('Entrées retirées', diff.counts.removed, [
    ...diff.removed.map((e) => `  − ${entryText(e)}`),
    ...more(diff.removed.length, diff.counts.removed),
  ])
  section('Entrées modifiées', diff.counts.changed, [
    ...diff.changed.map((e) => {
      const renamed = e.previousLabel ? `, anciennement «${NBSP}${shown(e.previousLabel)}${NBSP}»` : ''
      return `  ~ ${entryText(e)}${renamed} — ${e.fields.length > 1 ? 'champs' : 'champ'}${NBSP}: ${e.fields.map(fieldLabel).join(', ')}`
    }),
    ...more(diff.changed.length, diff.counts.changed),
  ])
  if (diff.metaFields.length > 0) lines.push(`Métadonnées modifiées${NBSP}: ${diff.metaFields.map(fieldLabel).join(', ')}`)
  lines.push(`Article source${NBSP}: ${diff.articleChanged ? 'modifié' : 'inchangé'}`)
  return lines
}
