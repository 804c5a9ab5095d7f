// One cold react-pdf run, in a fresh process (bundled by handout.ts with
// esbuild, dependencies from node_modules as in the app's built main): the
// time from the process's start to the handout modules imported; then, after
// reading the knowledge base, the first
// composeHandout + renderHandoutPdf, then WARM_RUNS more; then WARM_RUNS pairs
// of the handout without a note and with the longest note allowed,
// interleaved (one of each in turn) so the machine's noise hits both. Prints JSON.
const WARM_RUNS = Number(process.argv[3] ?? 25)
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

const once = async (doc = standardHandout(kb)): Promise<{ ms: number; bytes: number; pages: number }> => {
  const start = performance.now()
  const { pdf } = await renderHandoutPdf(doc, resourcesDir)
  const ms = performance.now() - start
  const pages = new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/gu)?.length ?? 0
  return { ms, bytes: pdf.byteLength, pages }
}
const first = await once()
const warm: number[] = []
for (let i = 0; i < WARM_RUNS; i++) warm.push((await once()).ms)
const withoutNote: number[] = []
const longestNote: number[] = []
let notePages = 0
for (let i = 0; i < WARM_RUNS; i++) {
  withoutNote.push((await once()).ms)
  const noted = await once(handoutWithLongestNote(kb))
  longestNote.push(noted.ms)
  notePages = noted.pages
}
process.stdout.write(
  `${JSON.stringify({ imported, first: first.ms, bytes: first.bytes, pages: first.pages, warm, withoutNote, longestNote, notePages })}\n`,
)

export {}
