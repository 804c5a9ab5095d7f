// Verifies packs, works out what a change of content changes, and loads the
// bundled content, in a worker thread (worker.ts), one job after the other,
// so that Electron's main process never spends that CPU time (loading and
// validating 10,000 entries: ~0.4 s; the bundled 27: ~75 ms). Measured (2 loaded cores): a pack of the bundled
// content's size verifies in 0.1–0.2 s, one of 10,000 entries (14 MB) in
// 1–2 s, and diffing two 10,000-entry contents takes 0.2–1 s; on the main
// thread there remains posting the contents (about 70 ms for 10,000 entries,
// 1 ms for the bundled content) and reading the answer (under 20 ms).
// A job that takes longer than `timeoutMs` ends the worker and refuses its
// pack; a worker that fails refuses the pack it was verifying: a pack is never
// installed on a doubt. The queue and its bounds are job-thread.ts's.
import type { KbProblem, KnowledgeBase, KnowledgeBaseSnapshot } from '../../../shared/kb/types'
import type { ResourceLimits } from 'node:worker_threads'
import { createJobThread, JobFailedError, JobTimeoutError } from '../job-thread'
import { loadKnowledgeBase } from '../knowledge/load'
import { diffKnowledge } from '../../../shared/pack/diff'
import type { ContentDiff } from '../../../shared/pack/types'
import { verifyPack, type PackTrust, type PackVerdict } from './verify'

export interface PackThread {
  /** Verifies a pack's bytes against this trust (root keys, stored trust file, day); `archive` names it in the messages. With `baseline`, what the pack changes from it. */
  verify(
    bytes: Uint8Array,
    trust: PackTrust,
    archive: string,
    baseline?: KnowledgeBase,
  ): Promise<{ verdict: PackVerdict; diff: ContentDiff | null }>
  /** What going from one content to the other changes. */
  diff(from: KnowledgeBase, to: KnowledgeBase): Promise<ContentDiff>
  /** The knowledge base of a resources folder (the bundled content), read and validated. */
  load(resourcesDir: string): Promise<KnowledgeBaseSnapshot>
}

export type PackJob =
  | { op: 'verify'; bytes: Uint8Array; trust: PackTrust; archive: string; baseline: KnowledgeBase | null }
  | { op: 'diff'; from: KnowledgeBase; to: KnowledgeBase }
  | { op: 'load'; resourcesDir: string }

export type PackAnswer = { verdict: PackVerdict; diff: ContentDiff | null } | { diff: ContentDiff } | { snapshot: KnowledgeBaseSnapshot }

/** The job itself: what the worker runs, and what runs on the calling thread without one. */
export async function runPackJob(job: PackJob): Promise<PackAnswer> {
  if (job.op === 'load') return { snapshot: await loadKnowledgeBase(job.resourcesDir) }
  if (job.op === 'diff') return { diff: diffKnowledge(job.from, job.to) }
  const verdict = verifyPack(job.bytes, job.trust, job.archive)
  return { verdict, diff: verdict.ok && job.baseline ? diffKnowledge(job.baseline, verdict.pack.snapshot.kb) : null }
}

/** The same work on the calling thread (the command line, tests). */
export const packWorkHere: PackThread = {
  async verify(bytes, trust, archive, baseline) {
    return (await runPackJob({ op: 'verify', bytes, trust, archive, baseline: baseline ?? null })) as {
      verdict: PackVerdict
      diff: ContentDiff | null
    }
  },
  async diff(from, to) {
    return ((await runPackJob({ op: 'diff', from, to })) as { diff: ContentDiff }).diff
  },
  load: (resourcesDir) => loadKnowledgeBase(resourcesDir),
}

export interface PackThreadOptions {
  /** The worker's module: the built packWorker.js in the app. */
  entry: URL
  workerData?: unknown
  /** Longest job allowed (default 60 s). */
  timeoutMs?: number
  /** The worker's heap (default PACK_RESOURCE_LIMITS). */
  resourceLimits?: ResourceLimits
}

/**
 * The worst case the caps allow (limits.ts: 32 MiB expanded, one file 16 MiB):
 * a 16 MiB article is 32 MB as a string, its folded copy and index ~100 MB
 * more, and 16 MiB of JSON some hundreds of MB of objects — measured here,
 * verifying a pack with a 16 MiB article peaks near 600 MB for the whole
 * process. A pack that needs more is refused rather than let grow the app.
 */
const PACK_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 }

export function createPackThread(options: PackThreadOptions): PackThread {
  const submit = createJobThread<PackJob, PackAnswer>({
    entry: options.entry,
    workerData: options.workerData,
    timeoutMs: options.timeoutMs ?? 60_000,
    resourceLimits: options.resourceLimits ?? PACK_RESOURCE_LIMITS,
  })

  return {
    async verify(bytes, trust, archive, baseline) {
      try {
        return (await submit({ op: 'verify', bytes, trust, archive, baseline: baseline ?? null })) as {
          verdict: PackVerdict
          diff: ContentDiff | null
        }
      } catch (error) {
        const slow = error instanceof JobTimeoutError
        const large = error instanceof JobFailedError && error.errorName === 'ERR_WORKER_OUT_OF_MEMORY'
        const problem: KbProblem = {
          file: archive,
          entry: null,
          field: null,
          message: slow
            ? 'La vérification du paquet a pris trop de temps\u00a0: il est refusé.'
            : large
              ? 'La vérification du paquet demande trop de mémoire\u00a0: il est refusé.'
              : 'Le paquet n’a pas pu être vérifié\u00a0: il est refusé. Réessayez.',
        }
        return { verdict: { ok: false, problems: [problem] }, diff: null }
      }
    },
    async diff(from, to) {
      return ((await submit({ op: 'diff', from, to })) as { diff: ContentDiff }).diff
    },
    async load(resourcesDir) {
      try {
        return ((await submit({ op: 'load', resourcesDir })) as { snapshot: KnowledgeBaseSnapshot }).snapshot
      } catch {
        // A worker that failed or took too long: the content is read here rather than not
        // shown (the clinician would get an empty app); the loader's own faults are answers.
        return loadKnowledgeBase(resourcesDir)
      }
    },
  }
}
