import type { Advice, Condition, Finding, GroupStatement, HandoutBlock, KnowledgeMeta, Topic } from './schema'

export type { Advice, Condition, Finding, GroupStatement, HandoutBlock, KnowledgeMeta, Provenance, Topic } from './schema'

/**
 * An entry's fields the renderer's first screen goes without: what only its
 * detail shows (« Que faire », the quotes), and the article terms, which only
 * the loader and the tests read.
 */
export const DETAIL_FIELDS = ['whatToDo', 'provenance', 'articleTerms'] as const satisfies readonly (keyof Condition)[]
type DetailField = (typeof DETAIL_FIELDS)[number]

/**
 * An entry as the tables, the search, the orientation and the handout form
 * need it: everything but its DETAIL_FIELDS. The renderer's first screen gets
 * only these (`KnowledgeOutline`): at 10,000 entries the detail fields are
 * half the snapshot.
 */
export type ConditionSummary = Omit<Condition, DetailField>

/** What the detail of one entry adds to its summary, asked for when it opens. */
export type ConditionDetails = Pick<Condition, 'whatToDo' | 'provenance'>

/**
 * The knowledge base: main holds it whole (`KnowledgeBase`), the renderer as
 * an outline (`KnowledgeOutline`). Logic that needs only the summaries takes
 * a `KnowledgeOutline`, so it serves both sides.
 */
export interface KnowledgeBase<C extends ConditionSummary = Condition> {
  /** Null only when meta.json itself is unusable (then `problems` says why). */
  meta: KnowledgeMeta | null
  causes: C[]
  differentials: C[]
  findings: Finding[]
  advice: Advice[]
  /** What the article says of groups of entries as a whole. */
  groups: GroupStatement[]
  topics: Topic[]
  handout: HandoutBlock[]
  /** Full text of the source article, to show each quote in place. */
  article: string
}

/** One thing wrong in a knowledge-base file, said in French. */
export interface KbProblem {
  file: string
  /** Entry id (or index, "n° 3") when the problem is inside an entry. */
  entry: string | null
  /** Dotted path of the faulty field inside the entry. */
  field: string | null
  message: string
}

export type KnowledgeOutline = KnowledgeBase<ConditionSummary>

export interface KnowledgeBaseSnapshot<C extends ConditionSummary = Condition> {
  kb: KnowledgeBase<C>
  /** Empty when every file is valid; otherwise the entries left out and why. */
  problems: KbProblem[]
}

/** What the renderer loads first: every entry's summary, and the rest of the base whole (it is small). */
export type KnowledgeOutlineSnapshot = KnowledgeBaseSnapshot<ConditionSummary>

/** A knowledge base with nothing in it yet: the loader fills it, the renderer shows it while loading. */
export function emptyKnowledgeBase(meta: KnowledgeMeta | null = null): KnowledgeBase {
  return { meta, causes: [], differentials: [], findings: [], advice: [], groups: [], topics: [], handout: [], article: '' }
}

const conditionLists = new WeakMap<object[], { differentials: object[]; length: number; all: readonly object[] }>()

/**
 * Every condition, causes first then differentials: the one way to read
 * "causes and differentials together" (the ids are unique across both, the
 * loader sees to it). Kept per pair of lists, so a hot path may call it freely.
 */
export function conditionsOf<C extends ConditionSummary>(kb: Pick<KnowledgeBase<C>, 'causes' | 'differentials'>): readonly C[] {
  const kept = conditionLists.get(kb.causes)
  if (kept && kept.differentials === kb.differentials && kept.length === kb.causes.length + kb.differentials.length)
    return kept.all as readonly C[]
  const all = [...kb.causes, ...kb.differentials]
  conditionLists.set(kb.causes, { differentials: kb.differentials, length: all.length, all })
  return all
}
