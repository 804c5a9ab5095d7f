// The one way Mollet makes a handout, for the app's handlers and the command
// line alike: knowledge base → composeHandout → a PdfRenderer (the render
// thread, render-thread.ts). Plain Node.
import { composeHandout, type HandoutDocument } from '../../../shared/handout/compose'
import type { HandoutOptions, Letterhead } from '../../../shared/handout/options'
import type { KnowledgeBase } from '../../../shared/kb/types'
import type { KnowledgeStore } from '../knowledge/store'
import type { RenderedPdf } from './pdf/document'
import type { PdfRenderer } from './render-thread'

export interface RenderedHandout extends RenderedPdf {
  doc: HandoutDocument
}

export interface HandoutService {
  knowledgeBase(): Promise<KnowledgeBase>
  render(options: HandoutOptions, letterhead: Letterhead, how?: { date?: Date; signal?: AbortSignal }): Promise<RenderedHandout>
}

/**
 * Handouts compose from the same snapshot the tables show (`knowledge`);
 * `resourcesDir` gives the fonts.
 */
export function createHandoutService(knowledge: KnowledgeStore, resourcesDir: string, renderPdf: PdfRenderer): HandoutService {
  const knowledgeBase = async (): Promise<KnowledgeBase> => (await knowledge.current()).kb
  return {
    knowledgeBase,
    async render(options, letterhead, how = {}) {
      const doc = composeHandout(await knowledgeBase(), options, letterhead, how.date ?? new Date())
      return { doc, ...(await renderPdf(doc, resourcesDir, how.signal)) }
    },
  }
}
