// The indexed knowledge base, shared with every view and the detail panel.
import { createContext, useContext } from 'react'
import { EMPTY_KB, indexKnowledgeBase, type KbIndex } from './kbIndex'

export const KbIndexContext = createContext<KbIndex>(indexKnowledgeBase(EMPTY_KB))

export function useKbIndex(): KbIndex {
  return useContext(KbIndexContext)
}
