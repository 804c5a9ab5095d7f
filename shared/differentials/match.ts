// Issue 4: filter the differentials by the patient's findings. Pure: no React,
// no Electron; the renderer calls it on every change of the marked findings.
//
// Groups follow the primary-care reading (Murtagh): the serious conditions not
// to miss first, then the probable ones, then the others.
//
// Score, explainable in one line per row (see explainScore):
//   +1 per present finding the entry lists (pointingFindings or contexts)
//   +1 more per one of those that is a red flag
//   −1 per present finding the entry lists in opposingFindings
//   −1 per absent finding the article makes defining for the entry: a
//      "Localisation" finding in its pointingFindings (e.g. twitching of the
//      whole body for a grand mal seizure). No other absence counts.
// With nothing marked every score is 0.
import type { Advice, Condition, Finding, KnowledgeBase } from '../kb/types'
import type { Referral, Seriousness } from '../kb/vocabulary'

export type FindingState = 'present' | 'absent'
/** Finding id → state; a finding not in the record is unknown. */
export type MarkedFindings = Readonly<Record<string, FindingState>>

/** The parts of the knowledge base the matching reads. */
export type MatchKb = Pick<KnowledgeBase, 'causes' | 'differentials' | 'findings' | 'advice'>

export const MATCH_GROUPS = {
  serieux: 'Graves, à ne pas manquer',
  probable: 'Probables',
  autres: 'Autres',
} as const
export type MatchGroup = keyof typeof MATCH_GROUPS

export interface MatchResult {
  /** Condition id (causes.json or differentials.json). */
  id: string
  condition: Condition
  score: number
  /** Present findings the entry lists in pointingFindings or contexts, in findings.json order. */
  matched: string[]
  /** The red flags among `matched`. */
  redFlags: string[]
  /** Present findings in opposingFindings, then absent defining findings, in findings.json order. */
  against: string[]
  group: MatchGroup
}

const GROUP_RANK: Record<MatchGroup, number> = { serieux: 0, probable: 1, autres: 2 }
const SERIOUSNESS_RANK: Record<Seriousness, number> = { grave: 0, 'a-evaluer': 1, benin: 2 }
const REFERRAL_RANK: Record<Referral, number> = { neurologue: 0, medecin: 1, 'auto-soins': 2 }

function stateOf(marked: MarkedFindings, id: string): FindingState | undefined {
  return Object.hasOwn(marked, id) ? marked[id] : undefined
}

function matchOne(condition: Condition, findings: readonly Finding[], marked: MarkedFindings): MatchResult {
  const pointing = new Set([...condition.pointingFindings, ...condition.contexts])
  const opposing = new Set(condition.opposingFindings)
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
    } else if (state === 'absent' && f.group === 'distribution' && condition.pointingFindings.includes(f.id)) {
      missing.push(f.id)
    }
  }
  const against = [...opposed, ...missing]
  const group: MatchGroup =
    redFlags.length > 0 || (matched.length > 0 && condition.seriousness === 'grave')
      ? 'serieux'
      : matched.length > 0
        ? 'probable'
        : 'autres'
  return {
    id: condition.id,
    condition,
    score: matched.length + redFlags.length - against.length,
    matched,
    redFlags,
    against,
    group,
  }
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' })

/** Group (serious, probable, others), then score desc, then seriousness (grave first), then name. */
export function compareResults(a: MatchResult, b: MatchResult): number {
  return (
    GROUP_RANK[a.group] - GROUP_RANK[b.group] ||
    b.score - a.score ||
    SERIOUSNESS_RANK[a.condition.seriousness] - SERIOUSNESS_RANK[b.condition.seriousness] ||
    collator.compare(a.condition.name, b.condition.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/**
 * One result per condition (causes and differentials), sorted: 'serieux'
 * first, then 'probable', then 'autres'; inside a group by compareResults.
 * Marks for ids that are not in findings.json are ignored.
 */
export function matchDifferentials(kb: MatchKb, marked: MarkedFindings): MatchResult[] {
  return [...kb.causes, ...kb.differentials].map((c) => matchOne(c, kb.findings, marked)).sort(compareResults)
}

/** The score of a row in one French line, e.g. "2 signes concordants + 1 signe d’alerte − 1 signe contraire = 2". */
export function explainScore(result: Pick<MatchResult, 'matched' | 'redFlags' | 'against' | 'score'>): string {
  const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`
  const parts = [plural(result.matched.length, 'signe concordant', 'signes concordants')]
  if (result.redFlags.length > 0) {
    parts.push(`+ ${plural(result.redFlags.length, 'signe d’alerte', 'signes d’alerte')}`)
  }
  if (result.against.length > 0) {
    parts.push(`− ${plural(result.against.length, 'signe contraire', 'signes contraires')}`)
  }
  return `${parts.join(' ')} = ${result.score}`
}

export interface RedFlagAlert {
  /** Present red-flag findings, in findings.json order. */
  findings: Finding[]
  /** Their distinct advice texts from the article, in the same order. */
  advice: string[]
  /** The strongest referral among them (neurologue > médecin); médecin when none says. */
  referral: Referral
}

/** Null unless at least one red-flag finding is marked present. */
export function redFlagAlert(kb: Pick<MatchKb, 'findings'>, marked: MarkedFindings): RedFlagAlert | null {
  const findings = kb.findings.filter((f) => f.redFlag && stateOf(marked, f.id) === 'present')
  if (findings.length === 0) return null
  const advice = [...new Set(findings.flatMap((f) => (f.advice === null ? [] : [f.advice])))]
  let referral: Referral = 'medecin'
  for (const f of findings) {
    if (f.referral !== null && REFERRAL_RANK[f.referral] < REFERRAL_RANK[referral]) referral = f.referral
  }
  return { findings, advice, referral }
}

export interface Reassurance {
  /** The benign conditions the marked findings point to, in match order. */
  causes: Condition[]
  /** The advice entries (advice.json) that apply to them, in advice.json order. */
  advice: Advice[]
}

/**
 * Self-care, as the article gives it for harmless twitching: only when no
 * red flag is present, at least one condition matches, and every condition
 * that matches is benign. Otherwise null.
 */
export function reassurance(kb: MatchKb, marked: MarkedFindings): Reassurance | null {
  if (redFlagAlert(kb, marked) !== null) return null
  const matching = matchDifferentials(kb, marked).filter((r) => r.matched.length > 0)
  if (matching.length === 0 || matching.some((r) => r.condition.seriousness !== 'benin')) return null
  const causes = matching.map((r) => r.condition)
  const ids = new Set(causes.map((c) => c.id))
  const advice = kb.advice.filter((a) => a.appliesTo.some((id) => ids.has(id)))
  return { causes, advice }
}
