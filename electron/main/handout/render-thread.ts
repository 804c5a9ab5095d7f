// Runs handout renders in one worker thread (worker.ts), one after the other,
// so that the Electron main process never lays out a PDF. Plain Node: the app,
// the command line and the tests use it alike.
//
// - Serialised: one render at a time in the worker (react-pdf#310).
// - Cancellable: a request whose AbortSignal fires before it starts never
//   reaches the worker; one that fires while it runs is answered at once
//   (AbortError) and the worker's late answer is dropped. The render itself is
//   bounded by the note's limits (options.ts), so it is let finish rather than
//   paying a new worker's start-up on every keystroke.
// - Bounded: a render that takes longer than `timeoutMs` ends the worker; the
//   next request starts a new one.
import { Worker } from 'node:worker_threads'
import type { HandoutDocument } from '../../../shared/handout/compose'
import type { RenderedPdf } from './pdf/document'

export interface RenderRequest {
  id: number
  doc: HandoutDocument
  resourcesDir: string
}

export type RenderReply = { id: number; ok: true; pdf: Uint8Array; unprintable: string[] } | { id: number; ok: false; errorName: string }

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

/** A render that did not finish in time; the worker was ended. */
export class RenderTimeoutError extends Error {
  constructor() {
    super('handout render timed out')
    this.name = 'RenderTimeoutError'
  }
}

/** A render the worker could not make; `name` is the class of its error (its message may quote the handout). */
export class RenderFailedError extends Error {
  constructor(name: string) {
    super('handout render failed')
    this.name = name
  }
}

const abortError = (): Error => new DOMException('render superseded', 'AbortError')

interface Job {
  doc: HandoutDocument
  resourcesDir: string
  signal: AbortSignal | undefined
  resolve: (value: RenderedPdf) => void
  reject: (error: unknown) => void
}

export function createRenderThread(options: RenderThreadOptions): PdfRenderer {
  const timeoutMs = options.timeoutMs ?? 30_000
  const queue: Job[] = []
  let worker: Worker | null = null
  let running: { id: number; job: Job; timer: NodeJS.Timeout; settled: boolean } | null = null
  let nextId = 1

  function settle(outcome: { value: RenderedPdf } | { error: unknown }): void {
    const current = running
    if (!current) return
    running = null
    clearTimeout(current.timer)
    if (!current.settled) {
      if ('value' in outcome) current.job.resolve(outcome.value)
      else current.job.reject(outcome.error)
    }
    pump()
  }

  function startWorker(): Worker {
    // React (external to the built worker, as every package) picks its build
    // from NODE_ENV at import: unset in the packaged app, it would lay out
    // every handout with the development build's checks.
    const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' }
    const w = new Worker(options.entry, { workerData: options.workerData, env })
    w.on('message', (reply: RenderReply) => {
      if (!running || reply.id !== running.id) return
      settle(reply.ok ? { value: { pdf: reply.pdf, unprintable: reply.unprintable } } : { error: new RenderFailedError(reply.errorName) })
    })
    const lost = (error: Error) => {
      if (worker !== w) return
      worker = null
      settle({ error })
    }
    w.on('error', lost)
    w.on('exit', (code) => lost(new RenderFailedError(`WorkerExit${code}`)))
    return w
  }

  function pump(): void {
    if (running) return
    const job = queue.shift()
    if (!job) {
      // Idle: the thread does not keep the command line (or a test) alive.
      worker?.unref()
      return
    }
    worker ??= startWorker()
    worker.ref()
    const id = nextId++
    const timer = setTimeout(() => {
      const w = worker
      worker = null
      settle({ error: new RenderTimeoutError() })
      void w?.terminate()
    }, timeoutMs)
    running = { id, job, timer, settled: false }
    const request: RenderRequest = { id, doc: job.doc, resourcesDir: job.resourcesDir }
    worker.postMessage(request)
  }

  return (doc, resourcesDir, signal) =>
    new Promise<RenderedPdf>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError())
        return
      }
      const job: Job = { doc, resourcesDir, signal, resolve, reject }
      signal?.addEventListener(
        'abort',
        () => {
          const waiting = queue.indexOf(job)
          if (waiting >= 0) {
            queue.splice(waiting, 1)
            reject(abortError())
          } else if (running?.job === job && !running.settled) {
            running.settled = true
            reject(abortError())
          }
        },
        { once: true },
      )
      queue.push(job)
      pump()
    })
}
