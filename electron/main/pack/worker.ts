// Knowledge packs are verified, content diffs worked out and the bundled
// content loaded here in a worker thread, never on Electron's main process (verify-thread.ts queues the jobs).
// Nothing is logged: a pack's files are clinical content.
import { serveJobs } from '../job-thread'
import { type PackAnswer, type PackJob, runPackJob } from './verify-thread'

serveJobs<PackJob, PackAnswer>(runPackJob)
