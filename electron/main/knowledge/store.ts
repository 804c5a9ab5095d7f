// The knowledge base as main holds it: validated once, then that one snapshot
// serves every reader — the tables' IPC call, the handout service and the
// command line. Loading costs 0.5–0.7 s at 10,000 entries: too much to do per
// call, or to keep a second copy of for handouts.
import type { KnowledgeBaseSnapshot } from '../../../shared/kb/types'
import { loadKnowledgeBase } from './load'

export interface KnowledgeStore {
  /** The current snapshot; the first call loads it, the others share it. */
  current(): Promise<KnowledgeBaseSnapshot>
}

/** `load` runs once; a load that throws is tried again on the next call. */
export function createKnowledgeStore(load: () => Promise<KnowledgeBaseSnapshot>): KnowledgeStore {
  let snapshot: Promise<KnowledgeBaseSnapshot> | null = null
  return {
    current() {
      if (snapshot === null) {
        const loading = load()
        snapshot = loading
        loading.catch(() => {
          if (snapshot === loading) snapshot = null
        })
      }
      return snapshot
    },
  }
}

/**
 * The content that ships inside the app, from resources/knowledge and
 * resources/source; `load` reads it (the app: in the content worker thread).
 */
export function bundledKnowledge(
  resourcesDir: string,
  load: (resourcesDir: string) => Promise<KnowledgeBaseSnapshot> = loadKnowledgeBase,
): KnowledgeStore {
  return createKnowledgeStore(() => load(resourcesDir))
}
