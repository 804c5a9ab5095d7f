// The main process's answers to every IPC method. Plain TypeScript: what
// Electron-only work a handler needs (dialogs, printing) comes in as `desktop`.
import type { Handlers } from './ipc/dispatcher'
import { loadKnowledgeBase } from './knowledge/load'

export interface HandlerDeps {
  /** Folder holding knowledge/ and source/ (resources/ in the repo). */
  resourcesDir: string
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    loadKnowledgeBase: () => loadKnowledgeBase(deps.resourcesDir),
  }
}
