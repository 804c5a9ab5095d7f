// Runs handout renders in one worker thread (worker.ts, through job-thread.ts),
// one after the other, so that the Electron main process never lays out a PDF.
//
// A render whose AbortSignal fires (a superseded preview) never reaches the
// worker if it has not started, and is answered at once if it has. The render
// itself is bounded by the note's limits (options.ts), so it is let finish
// rather than paying a new worker's start-up on every keystroke; one that takes
// longer than `timeoutMs` ends the worker.
import type { HandoutDocument } from '../../../shared/handout/compose'
import { createJobThread } from '../job-thread'
import type { RenderedPdf } from './pdf/document'

export interface RenderJob {
  doc: HandoutDocument
  resourcesDir: string
}

/** Draws a composed handout as PDF bytes; `signal` drops a request nobody waits for any more. */
export type PdfRenderer = (doc: HandoutDocument, resourcesDir: string, signal?: AbortSignal) => Promise<RenderedPdf>

export interface RenderThreadOptions {
  /** The worker's module: the built worker.js in the app. */
  entry: URL
  /** Passed to the worker (the development loader reads its entry from it). */
  workerData?: unknown
  /** Longest render allowed before the worker is ended (default 30 s). */
  timeoutMs?: number
}

export function createRenderThread(options: RenderThreadOptions): PdfRenderer {
  const run = createJobThread<RenderJob, RenderedPdf>({
    entry: options.entry,
    workerData: options.workerData,
    // React (external to the built worker, as every package) picks its build
    // from NODE_ENV at import: unset in the packaged app, it would lay out
    // every handout with the development build's checks.
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
    timeoutMs: options.timeoutMs ?? 30_000,
  })
  return (doc, resourcesDir, signal) => run({ doc, resourcesDir }, signal)
}
