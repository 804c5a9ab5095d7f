// « Questions utiles »: the findings not yet asked whose answer would change
// the orientation — the red flags first (reassurance waits on them), then
// those whose answer would move the most entries between the groups — each
// with what answering Présent or Absent would change. The next useful
// question, as SimulConsult shows it, offline and from the article's links.
//
// Pure: the Orientation view asks it on every change of the findings.
import {
  MATCH_GROUPS,
  matchDifferentials,
  reassurance,
  redFlagAlert,
  type MarkedFindings,
  type MatchGroup,
  type MatchKb,
} from '../differentials/match'
import type { Finding } from '../kb/types'
import { REFERRALS, type Referral } from '../kb/vocabulary'

/** What the orientation says, as far as a question can change it. */
interface Orientation {
  referral: Referral | null
  selfCare: 'earned' | 'pending' | null
  /** Entry id → group, for the entries outside « Autres ». */
  groups: ReadonlyMap<string, MatchGroup>
  /** Entry id → score, for the same entries: their rank inside a group. */
  scores: ReadonlyMap<string, number>
  names: ReadonlyMap<string, string>
}

function orientationOf(kb: MatchKb, marked: MarkedFindings): Orientation {
  const results = matchDifferentials(kb, marked)
  return {
    referral: redFlagAlert(kb, marked)?.referral ?? null,
    selfCare: reassurance(kb, marked)?.status ?? null,
    groups: new Map(results.filter((r) => r.group !== 'autres').map((r) => [r.id, r.group])),
    scores: new Map(results.filter((r) => r.group !== 'autres').map((r) => [r.id, r.score])),
    names: new Map(results.map((r) => [r.id, r.condition.name])),
  }
}

const NAMES_SHOWN = 3

function namesOf(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  const shown = ids.slice(0, NAMES_SHOWN).map((id) => names.get(id) ?? id)
  return ids.length > NAMES_SHOWN ? `${shown.join(', ')} et ${ids.length - NAMES_SHOWN} autres` : shown.join(', ')
}

/** What goes from `before` to `after`, one French line per kind of change; empty when nothing changes. */
function changes(before: Orientation, after: Orientation): { lines: string[]; moved: number } {
  const lines: string[] = []
  if (after.referral !== before.referral) {
    lines.push(after.referral === null ? 'plus de signe d’alerte' : `signe d’alerte, orientation\u00a0: ${REFERRALS[after.referral]}`)
  }
  if (after.selfCare === 'earned' && before.selfCare !== 'earned') lines.push('auto-soins possibles')
  const moved: string[] = []
  for (const group of ['serieux', 'probable', 'discute'] as const) {
    const entering = [...after.groups].filter(([id, g]) => g === group && before.groups.get(id) !== group).map(([id]) => id)
    if (entering.length > 0) lines.push(`${MATCH_GROUPS[group]}\u00a0: ${namesOf(entering, after.names)}`)
    moved.push(...entering)
  }
  const leaving = [...before.groups.keys()].filter((id) => !after.groups.has(id))
  if (leaving.length > 0) lines.push(`sortent du classement\u00a0: ${namesOf(leaving, before.names)}`)
  // Staying in their group, but ranked higher or lower in it.
  const stayed = [...after.groups].filter(([id, g]) => before.groups.get(id) === g).map(([id]) => id)
  const score = (o: Orientation, id: string) => o.scores.get(id) ?? 0
  const up = stayed.filter((id) => score(after, id) > score(before, id))
  const down = stayed.filter((id) => score(after, id) < score(before, id))
  if (up.length > 0) lines.push(`plus haut dans leur groupe\u00a0: ${namesOf(up, after.names)}`)
  if (down.length > 0) lines.push(`plus bas dans leur groupe\u00a0: ${namesOf(down, after.names)}`)
  return { lines, moved: moved.length + leaving.length + up.length + down.length }
}

export interface UsefulQuestion {
  finding: Finding
  /** What answering Présent would change, one French line each. */
  ifPresent: string[]
  /** What answering Absent would change. */
  ifAbsent: string[]
}

/** Most questions shown at once. */
export const QUESTIONS_SHOWN = 3

/**
 * The unknown findings whose answer would change the orientation, most useful
 * first: red flags (in the knowledge base's order, those that would move more
 * entries first), then the others by how many entries an answer would move.
 * A finding whose answers would change nothing is not asked.
 */
export function usefulQuestions(kb: MatchKb, marked: MarkedFindings, shown = QUESTIONS_SHOWN): UsefulQuestion[] {
  const now = orientationOf(kb, marked)
  const asked = (id: string) => Object.hasOwn(marked, id)
  const candidates = kb.findings
    .filter((f) => !asked(f.id))
    .map((finding, order) => {
      const present = changes(now, orientationOf(kb, { ...marked, [finding.id]: 'present' }))
      const absent = changes(now, orientationOf(kb, { ...marked, [finding.id]: 'absent' }))
      return {
        question: { finding, ifPresent: present.lines, ifAbsent: absent.lines },
        moved: Math.max(present.moved, absent.moved),
        order,
      }
    })
    .filter((c) => c.question.ifPresent.length > 0 || c.question.ifAbsent.length > 0)
  candidates.sort(
    (a, b) => Number(b.question.finding.redFlag) - Number(a.question.finding.redFlag) || b.moved - a.moved || a.order - b.order,
  )
  return candidates.slice(0, shown).map((c) => c.question)
}
