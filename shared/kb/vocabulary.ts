// Closed vocabularies of the knowledge base, with the French labels the UI and
// the handout show. Pure data, no zod: the renderer imports this (the schema's
// types only, which leave nothing in the bundle).
import type { Condition } from './schema'

export const CATEGORIES = {
  'hydratation-mineraux': 'Hydratation et minéraux',
  metabolique: 'Métabolique',
  'toxiques-medicaments': 'Alcool, drogues et médicaments',
  'stress-psychisme': 'Stress et psychisme',
  effort: 'Effort physique',
  'froid-frissons': 'Froid et frissons',
  'nerf-rachis': 'Nerf périphérique et rachis',
  neurologique: 'Neurologique',
  circulatoire: 'Circulatoire',
} as const

export const SERIOUSNESS = {
  benin: 'Généralement bénin',
  'a-evaluer': 'À évaluer',
  grave: 'Grave, à ne pas manquer',
} as const
export type Seriousness = keyof typeof SERIOUSNESS

/** The badge of an entry the article grades only as a member of a group (`seriousnessOf`). */
export const SERIOUSNESS_OF_GROUP: Record<Seriousness, string> = {
  benin: 'Cité parmi des causes bénignes',
  'a-evaluer': 'Cité parmi des causes à évaluer',
  grave: 'Cité parmi des maladies plus graves',
}

/** Said to the clinician (a GP, a physiotherapist or a nurse): what the patient needs, not whom « to see ». */
export const REFERRALS = {
  'auto-soins': 'Mesures simples, évaluation médicale si persistance',
  medecin: 'Évaluation médicale',
  neurologue: 'Avis neurologique',
} as const
export type Referral = keyof typeof REFERRALS

/** Where the twitching is: the calf alone, or the whole body. */
export const SCOPES = {
  mollet: 'Mollet',
  'tout-le-corps': 'Tout le corps',
  'mollet-ou-corps': 'Mollet ou tout le corps',
} as const

/**
 * The name of each of a condition's fields, wherever it is shown: the tables'
 * column headers and filters, the entry's detail, the orientation list, and
 * (in lower case) the fields a content update changes. Every field has one:
 * the type fails until a new field is named here.
 */
export const FIELD_LABELS = {
  id: 'Identifiant',
  kind: 'Type',
  name: 'Nom',
  aliases: 'Autres noms',
  searchTerms: 'Termes de recherche',
  category: 'Catégorie',
  scope: 'Localisation',
  contexts: 'Contextes',
  pointingFindings: 'Signes qui l’évoquent',
  opposingFindings: 'Signes qui vont contre',
  usualFindings: 'Signes habituels',
  seriousness: 'Gravité',
  seriousnessOf: 'Gravité tenue d’un groupe',
  referral: 'Orientation',
  whatToDo: 'Que faire',
  patientExplanation: 'Explication pour le patient',
  icd10: 'CIM-10',
  related: 'Entrées liées',
  topics: 'En savoir plus',
  articleTerms: 'Termes de l’article',
  provenance: 'Citations de l’article',
} as const satisfies Record<keyof Condition, string>

export const ENTRY_KINDS = {
  cause: 'Cause',
  differential: 'Diagnostic différentiel',
} as const

/**
 * The groups of findings, in the order the Orientation panel shows them.
 * A group carries one rule: a condition's `contexts` name findings of the
 * CONTEXT_GROUP only (the loader drops any other reference and says so).
 */
export const FINDING_GROUPS = {
  symptome: 'Symptômes associés',
  distribution: 'Localisation',
  contexte: 'Contexte',
} as const
export type FindingGroup = keyof typeof FINDING_GROUPS
/** The group of the situations a cause occurs in (after exercise, cold…): what `contexts` and the Contextes filter use. */
export const CONTEXT_GROUP: FindingGroup = 'contexte'

export const HANDOUT_SECTIONS = {
  'message-principal': 'Message principal',
  definition: 'Qu’est-ce que c’est\u202f?',
  causes: 'Causes fréquentes',
  'que-faire': 'Ce que vous pouvez faire',
  'quand-consulter': 'Quand consulter un médecin',
  duree: 'Combien de temps cela dure-t-il\u202f?',
} as const
export type HandoutSectionId = keyof typeof HANDOUT_SECTIONS

/**
 * Which handouts a block is written for. A handout never says less than the
 * orientation found: with a red flag present, the reassuring blocks give way
 * to the article's words on consulting, and to the neurologist where a
 * present red flag sends the patient there. A block without `when` is for
 * every handout.
 */
export const HANDOUT_AUDIENCES = {
  'sans-alerte': 'Fiche sans signe d’alerte présent',
  alerte: 'Fiche avec un signe d’alerte présent',
  'alerte-neurologue': 'Fiche avec un signe d’alerte qui oriente vers un neurologue',
} as const

export function keysOf<T extends object>(record: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]
}
