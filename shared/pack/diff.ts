// What going from one knowledge base to another changes: entries added,
// removed, and changed with their fields, list by list; meta.json's fields;
// the article. Pure: main computes it before a pack is installed, the command
// line for `diff`, and the renderer shows it (shared/pack/describe.ts words it).
import type { KnowledgeBase, KnowledgeMeta } from '../kb/types'
import { DIFF_LISTED, KB_LISTS, type ChangedEntry, type ContentDiff, type ContentVersion, type DiffEntry, type KbList } from './types'

type Entry = { id: string } & Record<string, unknown>

/** The content's title, edition and revision, as a diff and « À propos du contenu » name them. */
export function versionOf(meta: KnowledgeMeta | null): ContentVersion | null {
  return meta ? { title: meta.title, edition: meta.edition ?? null, revision: meta.revision } : null
}

const NO_VERSION: ContentVersion = { title: '', edition: null, revision: '' }

/** How the interface names an entry of `list`. */
function entryLabel(list: KbList, entry: Entry): string {
  const pick = (key: string): string | null => (typeof entry[key] === 'string' ? (entry[key] as string) : null)
  const text =
    list === 'causes' || list === 'differentials'
      ? pick('name')
      : list === 'groups'
        ? pick('group')
        : list === 'handout'
          ? pick('text')
          : pick('label')
  const label = text ?? entry.id
  return label.length > 90 ? `${label.slice(0, 89).trimEnd()}…` : label
}

export function diffKnowledge(from: KnowledgeBase, to: KnowledgeBase, limit: number = DIFF_LISTED): ContentDiff {
  const added: DiffEntry[] = []
  const removed: DiffEntry[] = []
  const changed: ChangedEntry[] = []
  for (const list of KB_LISTS) {
    const before = new Map((from[list] as unknown as Entry[]).map((e) => [e.id, e]))
    const after = new Map((to[list] as unknown as Entry[]).map((e) => [e.id, e]))
    for (const [id, entry] of after) {
      const old = before.get(id)
      if (!old) {
        added.push({ list, id, label: entryLabel(list, entry) })
        continue
      }
      // Most entries are the same: one comparison of the whole (both parsed by the same schema, keys in the same order).
      if (JSON.stringify(old) === JSON.stringify(entry)) continue
      const fields = changedFields(old, entry)
      if (fields.length === 0) continue
      const label = entryLabel(list, entry)
      const previous = entryLabel(list, old)
      changed.push({ list, id, label, fields, previousLabel: previous === label ? null : previous })
    }
    for (const [id, entry] of before) if (!after.has(id)) removed.push({ list, id, label: entryLabel(list, entry) })
  }
  const metaFields =
    from.meta && to.meta
      ? changedFields(from.meta as unknown as Record<string, unknown>, to.meta as unknown as Record<string, unknown>).filter(
          (f) => f !== 'revision' && f !== 'edition',
        )
      : from.meta === to.meta
        ? []
        : ['meta']
  return {
    from: versionOf(from.meta) ?? NO_VERSION,
    to: versionOf(to.meta) ?? NO_VERSION,
    added: added.slice(0, limit),
    removed: removed.slice(0, limit),
    changed: changed.slice(0, limit),
    counts: { added: added.length, removed: removed.length, changed: changed.length },
    metaFields,
    articleChanged: from.article !== to.article,
  }
}

/** True when the diff changes nothing at all. */
export function isEmptyDiff(diff: ContentDiff): boolean {
  const { counts } = diff
  return (
    counts.added + counts.removed + counts.changed === 0 &&
    diff.metaFields.length === 0 &&
    !diff.articleChanged &&
    diff.from.edition === diff.to.edition &&
    diff.from.revision === diff.to.revision
  )
}

/** The keys whose values differ (key order inside objects does not count), in the newer object's order. */
function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  return keys.filter((k) => canonical(a[k]) !== canonical(b[k]))
}

function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
        : v,
    ) ?? 'undefined'
  )
}
