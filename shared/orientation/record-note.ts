// The note for the medical record that « Copier pour le dossier »
// puts on the clipboard. Pure: plain French text, ready to paste into the
// clinic's software, from the marked findings and the knowledge base. It
// never holds the patient's name or the handout's note: only what was
// marked, what the article says of it, and the handout's section headings.
import { MATCH_GROUPS, matchDifferentials, redFlagAlert, type MarkedFindings, type MatchKb } from '../differentials/match'
import { frenchLongDate, NBSP } from '../text/french'
import { ORIENTATION_WORDING as W } from './wording'
import type { KnowledgeBase } from '../kb/types'
import { REFERRALS } from '../kb/vocabulary'

/** Longest note the main process accepts to write to the clipboard (characters). */
export const RECORD_NOTE_MAX = 20_000

/** The handout printed or saved last in this session: how, and its section headings. */
export interface GivenHandout {
  action: 'imprimée' | 'enregistrée'
  sections: string[]
}

export type RecordNoteKb = MatchKb & Pick<KnowledgeBase, 'meta'>

const line = (label: string, items: readonly string[], none: string): string =>
  `${label}${NBSP}: ${items.length > 0 ? items.join(', ') : none}`

export function composeRecordNote(kb: RecordNoteKb, marked: MarkedFindings, date: Date, handout: GivenHandout | null): string {
  const stateOf = (id: string) => (Object.hasOwn(marked, id) ? marked[id] : undefined)
  const labels = (ids: readonly string[]) => ids.map((id) => kb.findings.find((f) => f.id === id)?.label ?? id)

  const blocks: string[][] = []
  blocks.push(['Contractions musculaires au mollet — orientation', `Date${NBSP}: ${frenchLongDate(date)}`])

  blocks.push([
    line(
      W.findingsPresent,
      kb.findings.filter((f) => stateOf(f.id) === 'present').map((f) => f.label),
      'aucun',
    ),
    line(
      W.findingsAbsent,
      kb.findings.filter((f) => stateOf(f.id) === 'absent').map((f) => f.label),
      'aucun',
    ),
    line(
      W.redFlagsUnasked,
      kb.findings.filter((f) => f.redFlag && stateOf(f.id) === undefined).map((f) => f.label),
      'aucun',
    ),
  ])

  const alert = redFlagAlert(kb, marked)
  blocks.push(
    alert
      ? [
          line(
            W.redFlagsPresentList,
            alert.findings.map((f) => f.label),
            'aucun',
          ),
          ...alert.advice.map((a) => `- ${a}`),
          `${W.referralAdvised}${NBSP}: ${REFERRALS[alert.referral]}`,
        ]
      : [W.noRedFlagPresent],
  )

  const results = matchDifferentials(kb, marked)
  const ranked: string[] = []
  for (const group of ['serieux', 'probable', 'discute'] as const) {
    const rows = results.filter((r) => r.group === group)
    if (rows.length === 0) continue
    ranked.push(`${MATCH_GROUPS[group]}${NBSP}:`)
    for (const r of rows) {
      const against = r.against.length > 0 ? `${NBSP}; contre${NBSP}: ${labels(r.against).join(', ')}` : ''
      ranked.push(`- ${r.condition.name} (concorde${NBSP}: ${labels(r.matched).join(', ')}${against})`)
    }
  }
  blocks.push(ranked.length > 0 ? ranked : ['Aucune cause ni aucun diagnostic concordant.'])

  if (handout) blocks.push([line(`Fiche patient ${handout.action}`, handout.sections, 'sans section')])

  if (kb.meta) blocks.push([`Source${NBSP}: «${NBSP}${kb.meta.source.title}${NBSP}» (Mollet)`])
  return blocks.map((b) => b.join('\n')).join('\n\n')
}
