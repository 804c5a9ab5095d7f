// One react-pdf process of the handout bench, in a fresh process (bundled by
// handout.ts with esbuild, dependencies from node_modules as in the app's
// built main): the time from the process's start to the handout modules
// imported; then, after reading the knowledge base, the first
// composeHandout + renderHandoutPdf. It prints those as one JSON line, then
// draws one warm handout per line it reads on stdin (`standard`, `note` for
// the one with the longest note allowed, or `untagged` for the standard one
// drawn without its structure tree) and prints its time, so that the
// parent can alternate these with Chromium's samples and with each other
// (machine noise then hits all alike); `end` (or stdin closed) ends it.
import { createInterface } from 'node:readline'

const resourcesDir = process.argv[2] as string

// The bundle imports its packages (react-pdf, React…) statically, before any
// line here runs: the import time is taken from the process's start (Node's
// own start included), not from a mark in this file.
const [{ renderHandoutPdf }, { loadKnowledgeBase }, { standardHandout, handoutWithLongestNote }] = await Promise.all([
  import('../../electron/main/handout/pdf/document'),
  import('../../electron/main/knowledge/load'),
  import('./handout-doc'),
])
const imported = performance.now()
const { kb } = await loadKnowledgeBase(resourcesDir)

// Every render lays out a document composed anew, as the app's service does for each request.
const once = async (doc = standardHandout(kb), tagged = true): Promise<{ ms: number; bytes: number; pages: number }> => {
  const start = performance.now()
  const { pdf } = await renderHandoutPdf(doc, resourcesDir, { tagged })
  const ms = performance.now() - start
  const pages = new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/gu)?.length ?? 0
  return { ms, bytes: pdf.byteLength, pages }
}
const first = await once()
process.stdout.write(`${JSON.stringify({ imported, first: first.ms, bytes: first.bytes, pages: first.pages })}\n`)

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'end') break
  const result = await once(line === 'note' ? handoutWithLongestNote(kb) : standardHandout(kb), line !== 'untagged')
  process.stdout.write(`${JSON.stringify(result)}\n`)
}
process.stdin.destroy()
