// The one way Mollet makes a handout, for the app's handlers and the command
// line alike: knowledge base → composeHandout → renderHandoutPdf. Plain Node.
import { composeHandout, type HandoutDocument } from '../../../shared/handout/compose'
import type { HandoutOptions, Letterhead } from '../../../shared/handout/options'
import type { KnowledgeBase } from '../../../shared/kb/types'
import { loadKnowledgeBase } from '../knowledge/load'
import { renderHandoutPdf } from './pdf'

/** Draws a composed handout as PDF bytes (`renderHandoutPdf` in the app; the fault tests pass one that fails). */
export type PdfRenderer = (doc: HandoutDocument, resourcesDir: string) => Promise<Uint8Array>

export interface RenderedHandout {
  doc: HandoutDocument
  pdf: Uint8Array
}

export interface HandoutService {
  knowledgeBase(): Promise<KnowledgeBase>
  render(options: HandoutOptions, letterhead: Letterhead, date?: Date): Promise<RenderedHandout>
}

/** The knowledge base is read once, on first use (it ships with the app and does not change while it runs). */
export function createHandoutService(resourcesDir: string, renderPdf: PdfRenderer = renderHandoutPdf): HandoutService {
  let kb: Promise<KnowledgeBase> | null = null
  const knowledgeBase = (): Promise<KnowledgeBase> => {
    kb ??= loadKnowledgeBase(resourcesDir).then((snapshot) => snapshot.kb)
    kb.catch(() => {
      kb = null
    })
    return kb
  }
  return {
    knowledgeBase,
    async render(options, letterhead, date = new Date()) {
      const doc = composeHandout(await knowledgeBase(), options, letterhead, date)
      return { doc, pdf: await renderPdf(doc, resourcesDir) }
    },
  }
}
