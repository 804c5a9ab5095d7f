// One worker thread that runs one kind of job, one job after the other, so
// that Electron's main process never spends their CPU time (a blocked main
// process freezes every window). Plain Node: the app, the command line and the
// tests use it alike. Its users: the handout's renders (handout/render-thread.ts)
// and the packs' verifying, diffing and loading (pack/verify-thread.ts).
//
// - Serialised: one job at a time in the worker (react-pdf fails on
//   concurrent renders in one thread, diegomura/react-pdf#310).
// - Cancellable: a job whose AbortSignal fires before it starts never reaches
//   the worker; one that fires while it runs is answered at once (AbortError)
//   and the worker's late answer is dropped.
// - Bounded: a job that takes longer than `timeoutMs` ends the worker
//   (JobTimeoutError); the next job starts a new one. A worker may be given
//   `resourceLimits` (its heap): past them it ends, and its job fails with
//   JobFailedError('ERR_WORKER_OUT_OF_MEMORY'). A worker that fails a job,
//   dies or cannot start rejects it with JobFailedError.
import { parentPort, type ResourceLimits, type Transferable, Worker } from 'node:worker_threads'

export interface JobRequest<J> {
  id: number
  job: J
}

/** A failed job sends only its error's class: a message may quote a handout or a pack's content. */
export type JobReply<A> = { id: number; ok: true; answer: A } | { id: number; ok: false; errorName: string }

export interface JobThreadOptions {
  /** The worker's module: a built worker in the app, scripts/tsx-worker.mjs from the sources. */
  entry: URL
  /** Passed to the worker (the development loader reads its entry from it). */
  workerData?: unknown
  /** The worker's environment (default: the process's). */
  env?: NodeJS.ProcessEnv
  /** Longest job allowed before the worker is ended. */
  timeoutMs: number
  /** The worker's heap and stack sizes (Node's defaults when absent). */
  resourceLimits?: ResourceLimits
}

/** A job that did not finish in time; its worker was ended. */
export class JobTimeoutError extends Error {
  constructor() {
    super('worker job timed out')
    this.name = 'JobTimeoutError'
  }
}

/** A job the worker could not do; `errorName` is the class (or Node's code) of its error, or how the worker ended. */
export class JobFailedError extends Error {
  constructor(readonly errorName: string) {
    super(`worker job failed (${errorName})`)
    this.name = 'JobFailedError'
  }
}

const abortError = (): Error => new DOMException('job superseded', 'AbortError')

interface Queued<J, A> {
  job: J
  resolve: (answer: A) => void
  reject: (error: unknown) => void
}

/** Runs `job` in the thread; `signal` drops a job nobody waits for any more. */
export type JobRunner<J, A> = (job: J, signal?: AbortSignal) => Promise<A>

export function createJobThread<J, A>(options: JobThreadOptions): JobRunner<J, A> {
  const queue: Queued<J, A>[] = []
  let worker: Worker | null = null
  let running: { id: number; queued: Queued<J, A>; timer: NodeJS.Timeout; settled: boolean } | null = null
  let nextId = 1

  function settle(outcome: { answer: A } | { error: unknown }): void {
    const current = running
    if (!current) return
    running = null
    clearTimeout(current.timer)
    if (!current.settled) {
      if ('answer' in outcome) current.queued.resolve(outcome.answer)
      else current.queued.reject(outcome.error)
    }
    pump()
  }

  function startWorker(): Worker {
    const w = new Worker(options.entry, { workerData: options.workerData, env: options.env, resourceLimits: options.resourceLimits })
    w.on('message', (reply: JobReply<A>) => {
      if (!running || reply.id !== running.id) return
      settle(reply.ok ? { answer: reply.answer } : { error: new JobFailedError(reply.errorName) })
    })
    const lost = (errorName: string) => {
      if (worker !== w) return
      worker = null
      settle({ error: new JobFailedError(errorName) })
    }
    w.on('error', (error) =>
      lost((error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'ERR_WORKER_OUT_OF_MEMORY' : error.name),
    )
    w.on('exit', (code) => lost(`WorkerExit${code}`))
    return w
  }

  function pump(): void {
    if (running) return
    const queued = queue.shift()
    if (!queued) {
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
      settle({ error: new JobTimeoutError() })
      void w?.terminate()
    }, options.timeoutMs)
    running = { id, queued, timer, settled: false }
    const request: JobRequest<J> = { id, job: queued.job }
    worker.postMessage(request)
  }

  return (job, signal) =>
    new Promise<A>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError())
        return
      }
      const queued: Queued<J, A> = { job, resolve, reject }
      signal?.addEventListener(
        'abort',
        () => {
          const waiting = queue.indexOf(queued)
          if (waiting >= 0) {
            queue.splice(waiting, 1)
            reject(abortError())
          } else if (running?.queued === queued && !running.settled) {
            running.settled = true
            reject(abortError())
          }
        },
        { once: true },
      )
      queue.push(queued)
      pump()
    })
}

/**
 * The worker's side: answers each request with `run`'s answer, moving the
 * buffers `transfer` names rather than copying them. Nothing is logged.
 */
export function serveJobs<J, A>(run: (job: J) => Promise<A>, transfer: (answer: A) => Transferable[] = () => []): void {
  const port = parentPort
  if (!port) throw new Error('job worker started outside a worker thread')
  port.on('message', async (request: JobRequest<J>) => {
    try {
      const answer = await run(request.job)
      const reply: JobReply<A> = { id: request.id, ok: true, answer }
      port.postMessage(reply, transfer(answer))
    } catch (error) {
      const reply: JobReply<A> = { id: request.id, ok: false, errorName: error instanceof Error ? error.name : typeof error }
      port.postMessage(reply)
    }
  })
}
