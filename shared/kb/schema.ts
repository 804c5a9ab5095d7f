// The knowledge-base schema. Validated by the unit tests and again by the main
// process when it loads resources/knowledge/*.json. Main-side only (zod stays
// out of the renderer bundle); the renderer imports the inferred types.
import { z } from 'zod'
import { unprintableChars, unprintableContentMessage } from '../handout/printable'
import { isCalendarDate } from './dates'
import {
  CATEGORIES,
  ENTRY_KINDS,
  FINDING_GROUPS,
  HANDOUT_AUDIENCES,
  HANDOUT_SECTIONS,
  REFERRALS,
  SCOPES,
  SERIOUSNESS,
  keysOf,
} from './vocabulary'

/** An entry's id: machine-made, short (a pack's change list stores them; one of 2,100 characters failed there). */
const id = z
  .string()
  .max(100, 'identifiant de 100 caractères au plus')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'identifiant attendu en minuscules-avec-tirets')
/**
 * Characters no text of the content may hold: controls (line breaks, tabs,
 * ESC…), format characters (bidi overrides and isolates U+202A–U+202E,
 * U+2066–U+2069, zero-width U+200B–U+200D, soft hyphen U+00AD, BOM U+FEFF),
 * private-use and unassigned code points, line and paragraph separators. They
 * are invisible or reorder what is shown, in the app as in a terminal. No
 * field of the content is made of lines (a paragraph is one text): none
 * allows a line break.
 */
const HIDDEN = /[\p{C}\p{Zl}\p{Zp}]/gu

const codeOf = (ch: string) => `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`

/** The message naming `found` hidden characters, `where` they are, and what they keep from working. */
function hiddenMessage(found: readonly string[], where: string, because: string): string | null {
  if (found.length === 0) return null
  const more = found.length > 5 ? ` et ${found.length - 5} autre${found.length > 6 ? 's' : ''}` : ''
  return `${found.length > 1 ? 'Caractères invisibles ou de mise en page' : 'Caractère invisible ou de mise en page'}${where} (${found.slice(0, 5).map(codeOf).join(', ')}${more})\u00a0: ${because}. ${found.length > 1 ? 'Retirez-les' : 'Retirez-le'}.`
}

/** Why a text holds characters it may not; null when it holds none. */
function hiddenCharsMessage(value: string): string | null {
  return hiddenMessage([...new Set(value.match(HIDDEN))], '', 'un texte du contenu tient sur une ligne, sans caractère caché')
}

/**
 * Why the source article holds characters it may not, null when it holds
 * none: the same hidden characters as any text of the content, but for its
 * line breaks (it is made of lines) and tabs. Shown beside a highlighted
 * quote, a bidi override would reorder how the verbatim passage reads.
 */
export function articleHiddenMessage(article: string): string | null {
  const found = [...new Set(article.match(HIDDEN))].filter((ch) => ch !== '\n' && ch !== '\r' && ch !== '\t')
  return hiddenMessage(found, ' dans l’article', 'les citations ne peuvent pas être affichées')
}

/**
 * Text of the content: not empty, without hidden characters (HIDDEN), and
 * printable by the handout's font (the handouts carry it; one character the
 * font lacks in a red flag would stop every handout from printing).
 */
const text = z
  .string()
  .trim()
  .min(1, 'texte vide')
  .superRefine((value, ctx) => {
    const hidden = hiddenCharsMessage(value)
    if (hidden !== null) {
      ctx.addIssue({ code: 'custom', message: hidden })
      return
    }
    const bad = unprintableChars(value)
    if (bad.length > 0) ctx.addIssue({ code: 'custom', message: unprintableContentMessage(bad) })
  })

/** A day of the calendar, AAAA-MM-JJ (2026-02-30 is none). */
export const calendarDate = z.string().refine(isCalendarDate, 'date réelle attendue, AAAA-MM-JJ')

/** A verbatim passage of the source article and the heading of its section. */
export const provenanceSchema = z.object({
  /** Heading exactly as the article spells it (e.g. "prolapsus discal"). */
  section: text,
  /** Verbatim quote (whitespace may be folded). */
  quote: text,
})

const icd10Schema = z.object({
  code: z.string().regex(/^[A-Z][0-9]{2}(\.[0-9])?$/, 'code CIM-10 attendu (ex. R25.3)'),
  label: text,
})

export const conditionSchema = z.object({
  id,
  kind: z.enum(keysOf(ENTRY_KINDS)),
  /** Standard French medical name (e.g. "Hernie discale lombaire"). */
  name: text,
  /** Other names, including the article's own wording when it differs. */
  aliases: z.array(text),
  /**
   * Words clinicians type to find the entry — medical synonyms, abbreviations,
   * lay words (« sciatique », « Mg », « SEP »). Search vocabulary, never a
   * clinical claim: shown in the detail as such, and never on a handout.
   */
  searchTerms: z.array(text).optional(),
  category: z.enum(keysOf(CATEGORIES)),
  scope: z.enum(keysOf(SCOPES)),
  /** Finding ids of the CONTEXT_GROUP (vocabulary.ts) in which the article places this cause. */
  contexts: z.array(id),
  /** Finding ids that, per the article, point to this entry. */
  pointingFindings: z.array(id),
  /** Finding ids that, per the article, argue against this entry. */
  opposingFindings: z.array(id),
  /**
   * Finding ids the article gives as usually present for this entry
   * (« généralement », or the only picture it gives of it): answered Absent,
   * each argues against the entry.
   */
  usualFindings: z.array(id),
  seriousness: z.enum(keysOf(SERIOUSNESS)),
  /**
   * The group statement (groups.json) the grade comes from, where the article
   * grades a group and only lists the entry in it (« des maladies plus graves
   * […] par exemple : Tics »): the entry's badge says it is cited there, not
   * graded on its own.
   */
  seriousnessOf: id.optional(),
  referral: z.enum(keysOf(REFERRALS)),
  /** What to do, for the clinician, from the article. */
  whatToDo: text,
  /** Short plain-French explanation for patients, from the article. */
  patientExplanation: text,
  /** WHO ICD-10 (French CIM-10) code, or null where none fits cleanly. */
  icd10: icd10Schema.nullable(),
  related: z.array(id),
  /** Ids of "En savoir plus" topics. */
  topics: z.array(id),
  /**
   * The article's own words for this entry, or for what it says to do about
   * it (« manque de liquides », « suffisamment de liquides »): every quote in
   * `provenance` holds one of them. What the article says of a group the entry
   * belongs to is a group statement (groups.json), not a quote of the entry.
   */
  articleTerms: z.array(text).min(1, 'au moins un terme de l’article'),
  provenance: z.array(provenanceSchema).min(1, 'au moins une citation de l’article'),
})

/**
 * What the article says of a group of entries as a whole (the neurological
 * diseases' treatment, « un médecin doit toujours être consulté en cas de
 * contractions fréquentes »): shown as the group's, attributed to its
 * section, never as one member's own « Que faire ».
 */
export const groupStatementSchema = z.object({
  id,
  /** Who the article says it of, e.g. « Maladies neurologiques ». */
  group: text,
  /** The statement, for the clinician. */
  text,
  /** Condition ids of the group's members. */
  members: z.array(id),
  provenance: z.array(provenanceSchema).min(1, 'au moins une citation de l’article'),
})

export const findingSchema = z.object({
  id,
  label: text,
  /** Where the finding is listed; the CONTEXT_GROUP's findings are what `contexts` may name. */
  group: z.enum(keysOf(FINDING_GROUPS)),
  /**
   * A red flag: its presence means the patient should see a doctor. Every red
   * flag is printed on every handout, under « Quand consulter un médecin »
   * (composeHandout; a base without any is refused for handouts), and the
   * Orientation view raises its banner when one is marked present.
   */
  redFlag: z.boolean(),
  /** What the article says to do when this finding is present. */
  advice: text.nullable(),
  referral: z.enum(keysOf(REFERRALS)).nullable(),
  provenance: z.array(provenanceSchema).min(1, 'au moins une citation de l’article'),
})

/** Self-care or treatment advice the handout can carry. */
export const adviceSchema = z.object({
  id,
  label: text,
  /** Sentence for the patient handout. */
  patientText: text,
  /** Condition ids this advice belongs to. */
  appliesTo: z.array(id),
  provenance: z.array(provenanceSchema).min(1, 'au moins une citation de l’article'),
})

/** An "En savoir plus" topic of the article. */
export const topicSchema = z.object({
  id,
  label: text,
  related: z.array(id),
  provenance: z.array(provenanceSchema).min(1, 'au moins une citation de l’article'),
})

/** Patient-facing paragraphs of the handout, each from the article. */
export const handoutBlockSchema = z.object({
  id,
  section: z.enum(keysOf(HANDOUT_SECTIONS)),
  /** Which handouts carry it (HANDOUT_AUDIENCES); absent: every handout. */
  when: z.enum(keysOf(HANDOUT_AUDIENCES)).optional(),
  text,
  provenance: z.array(provenanceSchema).min(1, 'au moins une citation de l’article'),
})

/** Names a pack's change list stores and the handout's footer prints: bounded (one of 2,100 characters failed to install). */
const TITLE_MAX = 200
const EDITION_MAX = 40

export const metaSchema = z.object({
  title: text.max(TITLE_MAX, `titre de ${TITLE_MAX} caractères au plus`),
  /** Date the content was last checked against the article (YYYY-MM-DD). */
  revision: calendarDate,
  /** The edition's name (« 2 », « 2027-1 »): printed on handouts; a knowledge pack must have one. */
  edition: text.max(EDITION_MAX, `édition de ${EDITION_MAX} caractères au plus`).optional(),
  /** Who edited this content: shown in « À propos du contenu »; a knowledge pack must name one. */
  editor: text.optional(),
  source: z.object({
    title: text.max(TITLE_MAX, `titre de ${TITLE_MAX} caractères au plus`),
    /** Path of the article's copy, relative to resources/. */
    file: text,
    language: z.literal('fr'),
  }),
  /** The article's section headings, in order, exactly as spelled. */
  sections: z
    .array(z.object({ heading: text, label: text }))
    .min(1)
    .max(100),
})

export type Provenance = z.infer<typeof provenanceSchema>
export type Condition = z.infer<typeof conditionSchema>
export type Finding = z.infer<typeof findingSchema>
export type Advice = z.infer<typeof adviceSchema>
export type GroupStatement = z.infer<typeof groupStatementSchema>
export type Topic = z.infer<typeof topicSchema>
export type HandoutBlock = z.infer<typeof handoutBlockSchema>
export type KnowledgeMeta = z.infer<typeof metaSchema>

/**
 * The version of this schema. A knowledge pack states the version it was
 * written for; a pack for a newer version is refused (« mettez Mollet à jour »).
 */
export const KB_SCHEMA_VERSION = 1

/** The knowledge-base files, each an array of entries except meta. */
export const KB_FILES = {
  meta: { file: 'meta.json', schema: metaSchema },
  causes: { file: 'causes.json', schema: conditionSchema },
  differentials: { file: 'differentials.json', schema: conditionSchema },
  findings: { file: 'findings.json', schema: findingSchema },
  advice: { file: 'advice.json', schema: adviceSchema },
  groups: { file: 'groups.json', schema: groupStatementSchema },
  topics: { file: 'topics.json', schema: topicSchema },
  handout: { file: 'handout.json', schema: handoutBlockSchema },
} as const
