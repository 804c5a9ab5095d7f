// The handout's PDF is laid out here, in a worker thread, never on Electron's
// main process: react-pdf's layout is CPU-bound (hundreds of milliseconds, more
// for a long note), and a blocked main process freezes every window. One
// request at a time (react-pdf fails on concurrent renders in one thread,
// diegomura/react-pdf#310); render-thread.ts queues them.
import { serveJobs } from '../job-thread'
import { renderHandoutPdf, type RenderedPdf } from './pdf/document'
import type { RenderJob } from './render-thread'

serveJobs<RenderJob, RenderedPdf>(
  ({ doc, resourcesDir }) => renderHandoutPdf(doc, resourcesDir),
  ({ pdf }) => [pdf.buffer as ArrayBuffer],
)
