// The one way Mollet makes a handout, for the app's handlers and the command
// line alike: knowledge base → composeHandout → a PdfRenderer (the render
// thread, render-thread.ts). Plain Node.
import { composeHandout, type HandoutDocument } from '../../../shared/handout/compose'
import type { HandoutOptions, Letterhead } from '../../../shared/handout/options'
import type { KnowledgeBase } from '../../../shared/kb/types'
import { loadKnowledgeBase } from '../knowledge/load'
import type { RenderedPdf } from './pdf'
import type { PdfRenderer } from './render-thread'

export interface RenderedHandout extends RenderedPdf {
  doc: HandoutDocument
}

export interface HandoutService {
  knowledgeBase(): Promise<KnowledgeBase>
  render(options: HandoutOptions, letterhead: Letterhead, how?: { date?: Date; signal?: AbortSignal }): Promise<RenderedHandout>
}

/** The knowledge base is read once, on first use (it ships with the app and does not change while it runs). */
export function createHandoutService(resourcesDir: string, renderPdf: PdfRenderer): HandoutService {
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
    async render(options, letterhead, how = {}) {
      const doc = composeHandout(await knowledgeBase(), options, letterhead, how.date ?? new Date())
      return { doc, ...(await renderPdf(doc, resourcesDir, how.signal)) }
    },
  }
}
