// Composes the patient handout from the knowledge base: pure, no react-pdf, so
// the app, the command line and the tests share it. Every clinical sentence
// comes from the knowledge base (itself quoted from the article); only the
// handout's own chrome (headings, "Date", the footer's wording) is written here.
import { conditionsOf, type ConditionSummary, type HandoutBlock, type KnowledgeOutline } from '../kb/types'
import { HANDOUT_SECTIONS, type HandoutSectionId, type Referral } from '../kb/vocabulary'
import { frenchTypography } from '../text/typography'
import { letterheadProblem, noteProblem, type HandoutOptions, type Letterhead } from './options'
import { unknownSelection } from './selection'
import { redFlagAlert } from '../differentials/match'
import { frenchIsoDate, frenchLongDate } from '../text/french'

/** A bullet: an optional bold lead ("Déshydratation.") then its text. */
export interface HandoutItem {
  lead: string | null
  text: string
}

export type HandoutContent = { type: 'paragraph'; text: string } | { type: 'list'; items: HandoutItem[] }

export interface HandoutSection {
  id: Exclude<HandoutSectionId, 'message-principal'>
  heading: string
  /** Paragraphs and lists, in reading order. */
  content: HandoutContent[]
  /** Drawn so that it stands out (when to see a doctor). */
  emphasis: boolean
}

export interface HandoutDocument {
  title: string
  subtitle: string
  /** The one main message, first on the page (HAS). */
  mainMessage: string[]
  sections: HandoutSection[]
  letterhead: Letterhead
  /** Long French date, e.g. "1er décembre 2026". */
  date: string
  patientName: string | null
  note: string | null
  largePrint: boolean
  /** The referral of the red flags marked present (neurologue before médecin); null when none is. */
  referral: Referral | null
  /** `edition`: « Édition 2 », the content it was printed from (null when the content names none). */
  footer: { source: string; edition: string | null; revision: string; disclaimer: string }
  metadata: { title: string; author: string; subject: string; language: 'fr-FR' }
}

/** A choice the knowledge base does not know; `message` is French. */
export class HandoutSelectionError extends Error {
  constructor(
    message: string,
    readonly unknownIds: string[],
  ) {
    super(message)
    this.name = 'HandoutSelectionError'
  }
}

/** The note or the letterhead passes its bounds (options.ts); `message` is French. */
export class HandoutLimitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'HandoutLimitError'
  }
}

/** The knowledge base cannot make a safe handout (no meta, no red flag). */
export class HandoutContentError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'HandoutContentError'
  }
}

const HANDOUT_SUBTITLE = 'Fiche d’information pour le patient'

/**
 * The sections in reading order. « Quand consulter un médecin » comes first,
 * right after the main message, for the patient's safety: it is the part a
 * patient must not miss, so it is on page 1 whatever the causes, advice or note
 * chosen (a patient who reads one page reads it), and a framed box at the top
 * of the page can never stand after a mostly empty page, as it did last.
 * Then what it is, the causes, what to do, how long it lasts.
 */
const SECTION_ORDER = ['quand-consulter', 'definition', 'causes', 'que-faire', 'duree'] as const satisfies readonly Exclude<
  HandoutSectionId,
  'message-principal'
>[]
// A section added to HANDOUT_SECTIONS (vocabulary.ts) and left out of the order fails here.
type Unordered = Exclude<HandoutSectionId, 'message-principal' | (typeof SECTION_ORDER)[number]>
const everyOrdered: Unordered extends never ? true : never = true
void everyOrdered
/** The causes' heading when one of them is not a harmless, common cause (a differential added from its detail, say). */
const HANDOUT_POSSIBLE_CAUSES = 'Causes possibles'
/** Before a warning sign the clinician marked Présent, in the list « Quand consulter un médecin ». */
const HANDOUT_NOTED = 'Noté\u00a0:'
const HANDOUT_NOTED_WHERE = 'Ils sont marqués «\u00a0Noté\u00a0» ci-dessous.'
export const HANDOUT_DISCLAIMER = 'Cette fiche ne remplace pas une consultation médicale.'

export function composeHandout(kb: KnowledgeOutline, options: HandoutOptions, letterhead: Letterhead, date: Date): HandoutDocument {
  const meta = kb.meta
  if (!meta) throw new HandoutContentError('La base de connaissances est incomplète\u00a0: la fiche ne peut pas être produite.')
  const redFlags = kb.findings.filter((f) => f.redFlag)
  if (redFlags.length === 0) {
    throw new HandoutContentError('Aucun signe d’alerte dans la base de connaissances\u00a0: la fiche ne peut pas être produite.')
  }
  const tooLong = noteProblem(options.note) ?? letterheadProblem(letterhead)
  if (tooLong) throw new HandoutLimitError(tooLong)
  const unknown = [...unknownSelection(kb, options), ...options.alerts.filter((id) => !redFlags.some((f) => f.id === id))]
  if (unknown.length > 0) {
    throw new HandoutSelectionError(`Choix inconnu${unknown.length > 1 ? 's' : ''}\u00a0: ${unknown.join(', ')}.`, unknown)
  }

  const fr = frenchTypography
  // The orientation's own rule for the red flags present and where they send the patient.
  const alerts = new Set(options.alerts)
  const alert = redFlagAlert(kb, Object.fromEntries(options.alerts.map((id) => [id, 'present' as const])))
  const referral: Referral | null = alert?.referral ?? null
  const forThisHandout = (b: HandoutBlock): boolean =>
    b.when === undefined ||
    (b.when === 'sans-alerte' && referral === null) ||
    (b.when === 'alerte' && referral !== null) ||
    (b.when === 'alerte-neurologue' && referral === 'neurologue')
  const blocks = (section: HandoutSectionId): string[] =>
    kb.handout.filter((b) => b.section === section && forThisHandout(b)).map((b) => fr(b.text))
  // The alert opening says where to find which signs were noted: the list « Quand consulter » marks them.
  const mainMessage = kb.handout
    .filter((b) => b.section === 'message-principal' && forThisHandout(b))
    .map((b) => (b.when === 'alerte' ? `${fr(b.text)} ${fr(HANDOUT_NOTED_WHERE)}` : fr(b.text)))
  if (referral !== null) {
    if (!kb.handout.some((b) => b.section === 'message-principal' && b.when === 'alerte')) {
      throw new HandoutContentError(
        'La base de connaissances n’a pas de message pour un patient avec un signe d’alerte\u00a0: la fiche ne peut pas être produite.',
      )
    }
  }

  const chosenCauses = new Set(options.causes)
  const conditions: ConditionSummary[] = conditionsOf(kb).filter((c) => chosenCauses.has(c.id))
  const chosenAdvice = new Set(options.advice)

  const items: Record<HandoutSection['id'], HandoutItem[]> = {
    definition: [],
    causes: conditions.map((c) => ({ lead: runIn(fr(c.name)), text: fr(c.patientExplanation) })),
    'que-faire': kb.advice.filter((a) => chosenAdvice.has(a.id)).map((a) => ({ lead: null, text: fr(a.patientText) })),
    // The signs the clinician noted are marked in the list every handout carries, rather than listed again
    // above it: the opening stays as short as the reassuring one, and the box on page 1.
    'quand-consulter': redFlags.map((f) => ({ lead: alerts.has(f.id) ? HANDOUT_NOTED : null, text: fr(f.label) })),
    duree: [],
  }

  const sections: HandoutSection[] = []
  for (const id of SECTION_ORDER) {
    const paragraphs = blocks(id).map((text): HandoutContent => ({ type: 'paragraph', text }))
    const list: HandoutContent[] = items[id].length > 0 ? [{ type: 'list', items: items[id] }] : []
    // A section the clinician emptied (no cause, no advice ticked) is left out whole.
    if ((id === 'causes' || id === 'que-faire') && list.length === 0) continue
    if (paragraphs.length === 0 && list.length === 0) continue
    // When to see a doctor: the warning signs first, as the key points; the other
    // sections introduce their list with their paragraphs.
    const emphasis = id === 'quand-consulter'
    const content = emphasis ? [...list, ...paragraphs] : [...paragraphs, ...list]
    // "Causes fréquentes" would call epilepsy or a disc herniation frequent.
    const heading =
      id === 'causes' && (referral !== null || conditions.some((c) => c.seriousness !== 'benin'))
        ? HANDOUT_POSSIBLE_CAUSES
        : HANDOUT_SECTIONS[id]
    sections.push({ id, heading, content, emphasis })
  }

  // Typed text in its composed form (NFC: « ễ » one character, not « e » and two marks, as some
  // keyboards and pastes give it): the font draws either the same, but the PDF maps each glyph to
  // one text, the first it was drawn for, and a name typed decomposed was read back « Nguyên ».
  // Ligatures typed whole (« ﬀ », pasted from a PDF) as their letters: the font draws the same
  // ligature, and the PDF, which maps a glyph to one text, read the handout's own « effort » « eﬀort ».
  const clean = (s: string): string =>
    fr(
      s
        .trim()
        .normalize('NFC')
        .replace(/[\ufb00-\ufb06]/gu, (c) => c.normalize('NFKC')),
    )
  const lh: Letterhead = { name: clean(letterhead.name), address: clean(letterhead.address), phone: phoneLine(clean(letterhead.phone)) }
  const title = fr(meta.title)
  return {
    title,
    subtitle: HANDOUT_SUBTITLE,
    mainMessage,
    sections,
    letterhead: lh,
    date: frenchLongDate(date),
    patientName: options.patientName.trim() ? clean(options.patientName) : null,
    note: options.note.trim() ? clean(options.note) : null,
    largePrint: options.largePrint,
    referral,
    footer: {
      source: fr(`Source\u00a0: ${meta.source.title}`),
      edition: meta.edition ? fr(`Édition ${meta.edition}`) : null,
      revision: `Contenu révisé le ${frenchIsoDate(meta.revision)}`,
      disclaimer: HANDOUT_DISCLAIMER,
    },
    metadata: {
      title: `${title} — ${HANDOUT_SUBTITLE}`,
      author: lh.name || 'Mollet',
      subject: title,
      language: 'fr-FR',
    },
  }
}

/** The footer's first line: « Source : …. Édition 2. Contenu révisé le …. » */
export function handoutFooterLine(footer: HandoutDocument['footer']): string {
  return `${[footer.source, footer.edition, footer.revision].filter((part) => part !== null).join('. ')}.`
}

/** The handout's body text, block by block, as a patient reads it (for readability). */
export function handoutBodyBlocks(doc: HandoutDocument): string[] {
  return [
    ...doc.mainMessage,
    ...doc.sections.flatMap((s) =>
      s.content.flatMap((c) => (c.type === 'paragraph' ? [c.text] : c.items.map((i) => (i.lead ? `${i.lead} ${i.text}` : i.text)))),
    ),
  ]
}

/**
 * The letterhead's phone line: « Tél. : » before the number, unless the
 * clinician wrote their own words before it (« Tél. 04… », « Secrétariat :
 * 04… »), which are kept as typed rather than doubled.
 */
function phoneLine(phone: string): string {
  if (phone === '') return ''
  return /^[^\p{Nd}]*\p{L}/u.test(phone) ? phone : `Tél.\u00a0: ${phone}`
}

/** A bold run-in lead ends with a full stop: "Déshydratation." */
function runIn(name: string): string {
  return /[.!?…]$/u.test(name) ? name : `${name}.`
}
