// The handout's PDF is laid out here, in a worker thread, never on Electron's
// main process: react-pdf's layout is CPU-bound (hundreds of milliseconds, more
// for a long note), and a blocked main process freezes every window. One
// request at a time (react-pdf fails on concurrent renders in one thread,
// diegomura/react-pdf#310); render-thread.ts queues them.
import { parentPort } from 'node:worker_threads'
import { renderHandoutPdf } from './pdf/document'
import type { RenderReply, RenderRequest } from './render-thread'

const port = parentPort
if (!port) throw new Error('handout worker started outside a worker thread')

port.on('message', (request: RenderRequest) => {
  renderHandoutPdf(request.doc, request.resourcesDir).then(
    ({ pdf, unprintable }) => {
      const reply: RenderReply = { id: request.id, ok: true, pdf, unprintable }
      port.postMessage(reply, [pdf.buffer as ArrayBuffer])
    },
    (error: unknown) => {
      // Only the class crosses: a layout error's message may quote the handout's text.
      const reply: RenderReply = { id: request.id, ok: false, errorName: error instanceof Error ? error.name : typeof error }
      port.postMessage(reply)
    },
  )
})
