// Lookups the views need over one knowledge-base snapshot: labels of findings,
// topics and article sections, every condition by id, and the article split
// into its sections (to show each quote in place).
import { sectionsOf, type ArticleSection } from '@shared/kb/provenance'
import { conditionsOf, emptyKnowledgeBase, type ConditionSummary, type Finding, type KnowledgeOutline, type Topic } from '@shared/kb/types'

export interface KbIndex {
  kb: KnowledgeOutline
  conditions: Map<string, ConditionSummary>
  findings: Map<string, Finding>
  topics: Map<string, Topic>
  /** Article heading → label shown in the interface. */
  sectionLabels: Map<string, string>
  sections: ArticleSection[]
}

export function indexKnowledgeBase(kb: KnowledgeOutline): KbIndex {
  const headings = kb.meta?.sections ?? []
  return {
    kb,
    conditions: new Map(conditionsOf(kb).map((c) => [c.id, c])),
    findings: new Map(kb.findings.map((f) => [f.id, f])),
    topics: new Map(kb.topics.map((t) => [t.id, t])),
    sectionLabels: new Map(headings.map((s) => [s.heading, s.label])),
    sections: kb.article
      ? sectionsOf(
          kb.article,
          headings.map((s) => s.heading),
        )
      : [],
  }
}

export function findingLabel(index: KbIndex, id: string): string {
  return index.findings.get(id)?.label ?? id
}

export const EMPTY_KB: KnowledgeOutline = emptyKnowledgeBase()
