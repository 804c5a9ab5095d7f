// Knowledge packs are verified, content diffs worked out and the bundled
// content loaded here in a worker thread, never on Electron's main process (verify-thread.ts queues the jobs).
// Nothing is logged: a pack's files are clinical content.
import { parentPort } from 'node:worker_threads'
import { runPackJob, type PackReply, type PackRequest } from './verify-thread'

const port = parentPort
if (!port) throw new Error('pack worker started outside a worker thread')

port.on('message', async (request: PackRequest) => {
  let reply: PackReply
  try {
    reply = { id: request.id, ok: true, answer: await runPackJob(request.job) }
  } catch {
    reply = { id: request.id, ok: false }
  }
  port.postMessage(reply)
})
