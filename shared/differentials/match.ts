// Filters the differentials by the patient's findings. Pure: no React,
// no Electron; the renderer calls it on every change of the marked findings.
//
// Groups follow the primary-care reading (Murtagh) and match the entries'
// badges: the serious conditions not to miss (only entries graded "grave"),
// then the probable ones, then those a marked finding points to but as much
// argues against (never hidden), then the others.
//
// Score, explainable in one line per row (see explainScore):
//   +1 per present finding the entry lists (pointingFindings or contexts)
//   +1 more per one of those that is a red flag
//   −1 per present finding the entry lists in opposingFindings
//   −1 per absent finding the article gives as usually present for the entry
//      (usualFindings, e.g. the loss of consciousness that « généralement »
//      precedes a grand mal seizure). No other absence counts.
// With nothing marked every score is 0.
//
// Ties (same group, same score) are broken by specificity, said in one line
// per row (see explainSpecificity): a marked finding that points to few
// entries says more of each than one that points to many. Entries that still
// tie keep the knowledge base's order, which is the article's, never the
// alphabet's, and each says how many others it ties with.
import { conditionsOf, type Advice, type ConditionSummary, type Finding, type KnowledgeOutline } from '../kb/types'
import type { Referral, Seriousness } from '../kb/vocabulary'

export type FindingState = 'present' | 'absent'
/** Finding id → state; a finding not in the record is unknown. */
export type MarkedFindings = Readonly<Record<string, FindingState>>

/** The parts of the knowledge base the matching reads. */
export type MatchKb = Pick<KnowledgeOutline, 'causes' | 'differentials' | 'findings' | 'advice'>

export const MATCH_GROUPS = {
  serieux: 'Graves, à ne pas manquer',
  probable: 'Probables',
  /** A marked finding points to it, and as much argues against it: in view, never folded away with the others. */
  discute: 'Signes pour et contre',
  autres: 'Autres',
} as const
export type MatchGroup = keyof typeof MATCH_GROUPS

export interface MatchResult {
  /** Condition id (causes.json or differentials.json). */
  id: string
  condition: ConditionSummary
  score: number
  /** Present findings the entry lists in pointingFindings or contexts, in findings.json order. */
  matched: string[]
  /** The red flags among `matched`. */
  redFlags: string[]
  /** Present findings in opposingFindings, then absent usual findings, in findings.json order. */
  against: string[]
  /** The absent usual findings among `against`. */
  missing: string[]
  /** For each of `matched`, how many entries of the base list it (1 = it points here only). */
  reach: number[]
  /** Σ 1 / reach over `matched`: how specifically the marked findings point here. */
  specificity: number
  group: MatchGroup
  /** Other entries of the same group with the same score and specificity: nothing marked sets them apart. */
  tiedWith: number
}

const GROUP_RANK: Record<MatchGroup, number> = { serieux: 0, probable: 1, discute: 2, autres: 3 }
const SERIOUSNESS_RANK: Record<Seriousness, number> = { grave: 0, 'a-evaluer': 1, benin: 2 }
const REFERRAL_RANK: Record<Referral, number> = { neurologue: 0, medecin: 1, 'auto-soins': 2 }

function stateOf(marked: MarkedFindings, id: string): FindingState | undefined {
  return Object.hasOwn(marked, id) ? marked[id] : undefined
}

/** The group an entry belongs to, from its badge and its match. */
function groupOf(condition: ConditionSummary, matched: number, score: number): MatchGroup {
  if (matched === 0) return 'autres'
  // Not to miss: a grave entry stays in view whatever argues against it.
  if (condition.seriousness === 'grave') return 'serieux'
  // An entry whose contrary signs match or outweigh its concordant ones is not probable, but a
  // marked finding points to it: it stays in view, its signs for and against said.
  return score > 0 ? 'probable' : 'discute'
}

function matchOne(
  condition: ConditionSummary,
  findings: readonly Finding[],
  reachOf: ReadonlyMap<string, number>,
  marked: MarkedFindings,
): MatchResult {
  const pointing = new Set([...condition.pointingFindings, ...condition.contexts])
  const opposing = new Set(condition.opposingFindings)
  const usual = new Set(condition.usualFindings)
  const matched: string[] = []
  const redFlags: string[] = []
  const opposed: string[] = []
  const missing: string[] = []
  for (const f of findings) {
    const state = stateOf(marked, f.id)
    if (state === 'present') {
      if (pointing.has(f.id)) {
        matched.push(f.id)
        if (f.redFlag) redFlags.push(f.id)
      }
      if (opposing.has(f.id)) opposed.push(f.id)
    } else if (state === 'absent' && usual.has(f.id)) {
      missing.push(f.id)
    }
  }
  const against = [...opposed, ...missing]
  const reach = matched.map((id) => reachOf.get(id) ?? 1)
  const score = matched.length + redFlags.length - against.length
  return {
    id: condition.id,
    condition,
    score,
    matched,
    redFlags,
    against,
    missing,
    reach,
    specificity: reach.reduce((sum, n) => sum + 1 / n, 0),
    group: groupOf(condition, matched.length, score),
    // Counted once all are matched (matchDifferentials).
    tiedWith: 0,
  }
}

/** Specificity to the ninth decimal: a sum of fractions is not exact in floating point, equal ones must tie. */
function specificityKey(specificity: number): number {
  return Math.round(specificity * 1e9)
}

/** The order of the results, except the last tie-break (the knowledge base's order). */
function compareMatch(a: MatchResult, b: MatchResult): number {
  return (
    GROUP_RANK[a.group] - GROUP_RANK[b.group] ||
    b.score - a.score ||
    specificityKey(b.specificity) - specificityKey(a.specificity) ||
    SERIOUSNESS_RANK[a.condition.seriousness] - SERIOUSNESS_RANK[b.condition.seriousness]
  )
}

/**
 * One result per condition (causes and differentials), sorted: 'serieux'
 * first, then 'probable', then 'autres'; inside a group by score, then
 * specificity, then seriousness, then the knowledge base's order.
 * Marks for ids that are not in findings.json are ignored.
 */
export function matchDifferentials(kb: MatchKb, marked: MarkedFindings): MatchResult[] {
  const conditions = conditionsOf(kb)
  const reachOf = new Map<string, number>()
  for (const c of conditions) {
    for (const id of new Set([...c.pointingFindings, ...c.contexts])) reachOf.set(id, (reachOf.get(id) ?? 0) + 1)
  }
  const ranked = conditions
    .map((c, order) => ({ result: matchOne(c, kb.findings, reachOf, marked), order }))
    .sort((a, b) => compareMatch(a.result, b.result) || a.order - b.order)
    .map((r) => r.result)
  // Counted once per tie, not by comparing every pair: the base may hold thousands of entries.
  const tieOf = (r: MatchResult) => `${r.group} ${r.score} ${specificityKey(r.specificity)}`
  const ties = new Map<string, number>()
  for (const r of ranked) ties.set(tieOf(r), (ties.get(tieOf(r)) ?? 0) + 1)
  for (const r of ranked) r.tiedWith = (ties.get(tieOf(r)) ?? 1) - 1
  return ranked
}

/** Same order as matchDifferentials gives (for checking a list of results). */
export function compareResults(a: MatchResult, b: MatchResult, kb: MatchKb): number {
  const order = (id: string) => conditionsOf(kb).findIndex((c) => c.id === id)
  return compareMatch(a, b) || order(a.id) - order(b.id)
}

/** A score as French prints it: the true minus sign U+2212, not a hyphen. */
export function formatScore(score: number): string {
  return score < 0 ? `\u2212${-score}` : String(score)
}

const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`

/** The score of a row in one French line, e.g. "2 signes concordants + 1 signe d’alerte − 1 signe contraire = 2". */
export function explainScore(result: Pick<MatchResult, 'matched' | 'redFlags' | 'against' | 'score'>): string {
  const parts = [plural(result.matched.length, 'signe concordant', 'signes concordants')]
  if (result.redFlags.length > 0) {
    parts.push(`+ ${plural(result.redFlags.length, 'signe d’alerte', 'signes d’alerte')}`)
  }
  if (result.against.length > 0) {
    parts.push(`− ${plural(result.against.length, 'signe contraire', 'signes contraires')}`)
  }
  return `${parts.join(' ')} = ${formatScore(result.score)}`
}

/**
 * How the row is ranked among equal scores, in one French line, e.g.
 * "Spécificité : Perte de connaissance soudaine ne désigne que cette entrée, Tout le corps en désigne 2".
 * Null when nothing marked points to the entry.
 */
export function explainSpecificity(
  result: Pick<MatchResult, 'matched' | 'reach' | 'tiedWith'>,
  labelOf: (findingId: string) => string,
): string | null {
  if (result.matched.length === 0) return null
  const parts = result.matched.map((id, i) => {
    const n = result.reach[i] ?? 1
    return n === 1 ? `${labelOf(id)} ne désigne que cette entrée` : `${labelOf(id)} en désigne\u00a0${n}`
  })
  const tie = result.tiedWith > 0 ? ` · à égalité avec ${plural(result.tiedWith, 'autre entrée', 'autres entrées')}` : ''
  return `Spécificité\u00a0: ${parts.join(', ')}${tie}`
}

export interface RedFlagAlert {
  /** Present red-flag findings, in findings.json order. */
  findings: Finding[]
  /** Their advice from the article, in the same order, each sentence said once. */
  advice: string[]
  /** The strongest referral among them (neurologue > médecin); médecin when none says. */
  referral: Referral
}

/** A French text's sentences (a sentence ends with . ! ? or … before a capital). */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?…])\s+(?=\p{Lu})/u)
}

/** Each text without the sentences an earlier one already said; texts left empty are dropped. */
export function withoutRepeats(texts: readonly string[]): string[] {
  const said = new Set<string>()
  const out: string[] = []
  for (const text of texts) {
    const fresh = sentencesOf(text).filter((s) => !said.has(s))
    for (const s of fresh) said.add(s)
    if (fresh.length > 0) out.push(fresh.join(' '))
  }
  return out
}

/** Null unless at least one red-flag finding is marked present. */
export function redFlagAlert(kb: Pick<MatchKb, 'findings'>, marked: MarkedFindings): RedFlagAlert | null {
  const findings = kb.findings.filter((f) => f.redFlag && stateOf(marked, f.id) === 'present')
  if (findings.length === 0) return null
  const advice = withoutRepeats(findings.flatMap((f) => (f.advice === null ? [] : [f.advice])))
  let referral: Referral = 'medecin'
  for (const f of findings) {
    if (f.referral !== null && REFERRAL_RANK[f.referral] < REFERRAL_RANK[referral]) referral = f.referral
  }
  return { findings, advice, referral }
}

/**
 * Self-care, as the article gives it for harmless twitching, « généralement
 * pas accompagnées d'autres symptômes »: earned only once every red flag has
 * been asked and answered Absent; until then, pending, with the red flags
 * still to ask.
 */
export type Reassurance =
  | {
      status: 'earned'
      /** The benign conditions the marked findings point to, in match order. */
      causes: ConditionSummary[]
      /** The advice entries (advice.json) that apply to them, in advice.json order. */
      advice: Advice[]
    }
  | {
      status: 'pending'
      causes: ConditionSummary[]
      /** The red-flag findings still unknown, in findings.json order. */
      unasked: Finding[]
    }

/**
 * Null when a red flag is present, when nothing matches, or when an entry
 * that matches is not benign. Otherwise earned or pending (see Reassurance).
 */
export function reassurance(kb: MatchKb, marked: MarkedFindings): Reassurance | null {
  if (redFlagAlert(kb, marked) !== null) return null
  const matching = matchDifferentials(kb, marked).filter((r) => r.matched.length > 0)
  if (matching.length === 0 || matching.some((r) => r.condition.seriousness !== 'benin')) return null
  const causes = matching.map((r) => r.condition)
  const unasked = kb.findings.filter((f) => f.redFlag && stateOf(marked, f.id) !== 'absent')
  if (unasked.length > 0) return { status: 'pending', causes, unasked }
  const ids = new Set(causes.map((c) => c.id))
  const advice = kb.advice.filter((a) => a.appliesTo.some((id) => ids.has(id)))
  return { status: 'earned', causes, advice }
}
