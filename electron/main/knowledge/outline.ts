// What main sends the renderer of the knowledge base: first the outline (the
// tables' fields of every entry, and the rest of the base, which is small),
// then one entry's details when its detail opens. At 10,000 entries the
// detail fields are half the snapshot, and the first screen shows none.
import {
  DETAIL_FIELDS,
  conditionsOf,
  type Condition,
  type ConditionDetails,
  type ConditionSummary,
  type KnowledgeBaseSnapshot,
  type KnowledgeOutlineSnapshot,
} from '../../../shared/kb/types'

const detailFields: ReadonlySet<string> = new Set(DETAIL_FIELDS)

function summaryOf(condition: Condition): ConditionSummary {
  return Object.fromEntries(Object.entries(condition).filter(([field]) => !detailFields.has(field))) as ConditionSummary
}

const outlines = new WeakMap<KnowledgeBaseSnapshot, KnowledgeOutlineSnapshot>()

/** The snapshot without its entries' detail fields; made once per snapshot (snapshots are never changed). */
export function outlineOf(snapshot: KnowledgeBaseSnapshot): KnowledgeOutlineSnapshot {
  let outline = outlines.get(snapshot)
  if (outline === undefined) {
    const { kb, problems } = snapshot
    outline = { kb: { ...kb, causes: kb.causes.map(summaryOf), differentials: kb.differentials.map(summaryOf) }, problems }
    outlines.set(snapshot, outline)
  }
  return outline
}

const byId = new WeakMap<KnowledgeBaseSnapshot, Map<string, Condition>>()

/** The detail fields of entry `id` (a cause or a differential), or null when the snapshot has no such entry. */
export function detailsOf(snapshot: KnowledgeBaseSnapshot, id: string): ConditionDetails | null {
  let entries = byId.get(snapshot)
  if (entries === undefined) {
    entries = new Map(conditionsOf(snapshot.kb).map((c) => [c.id, c]))
    byId.set(snapshot, entries)
  }
  const entry = entries.get(id)
  return entry ? { whatToDo: entry.whatToDo, provenance: entry.provenance } : null
}
