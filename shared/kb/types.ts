import type { Advice, Condition, Finding, GroupStatement, HandoutBlock, KnowledgeMeta, Topic } from './schema'

export type { Advice, Condition, Finding, GroupStatement, HandoutBlock, KnowledgeMeta, Provenance, Topic } from './schema'

/** The knowledge base as the main process serves it. */
export interface KnowledgeBase {
  /** Null only when meta.json itself is unusable (then `problems` says why). */
  meta: KnowledgeMeta | null
  causes: Condition[]
  differentials: Condition[]
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

export interface KnowledgeBaseSnapshot {
  kb: KnowledgeBase
  /** Empty when every file is valid; otherwise the entries left out and why. */
  problems: KbProblem[]
}

/** A knowledge base with nothing in it yet: the loader fills it, the renderer shows it while loading. */
export function emptyKnowledgeBase(meta: KnowledgeMeta | null = null): KnowledgeBase {
  return { meta, causes: [], differentials: [], findings: [], advice: [], groups: [], topics: [], handout: [], article: '' }
}

const conditionLists = new WeakMap<Condition[], { differentials: Condition[]; length: number; all: readonly Condition[] }>()

/**
 * Every condition, causes first then differentials: the one way to read
 * "causes and differentials together" (the ids are unique across both, the
 * loader sees to it). Kept per pair of lists, so a hot path may call it freely.
 */
export function conditionsOf(kb: Pick<KnowledgeBase, 'causes' | 'differentials'>): readonly Condition[] {
  const kept = conditionLists.get(kb.causes)
  if (kept && kept.differentials === kb.differentials && kept.length === kb.causes.length + kb.differentials.length) return kept.all
  const all = [...kb.causes, ...kb.differentials]
  conditionLists.set(kb.causes, { differentials: kb.differentials, length: all.length, all })
  return all
}
