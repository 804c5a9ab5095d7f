// pdf.js, loaded once and lazily (it only reaches the Fiche patient view), for
// the preview and for printing. Under the app's CSP (script-src 'self',
// worker-src 'self', font-src 'self', no eval): the worker is a file of the
// bundle; WebAssembly is off (it would need 'wasm-unsafe-eval'; the handout has
// no image to decode); the PDF's embedded fonts are handed to the FontFace API
// as bytes, which font-src does not govern (it governs URLs).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

type PdfJs = typeof import('pdfjs-dist')
interface Loaded {
  pdfjs: PdfJs
  /** One worker for every document: each new PDF does not start (and parse) another. */
  worker: InstanceType<PdfJs['PDFWorker']>
}
let pdfjsPromise: Promise<Loaded> | null = null

function loadPdfJs(): Promise<Loaded> {
  pdfjsPromise ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl
    return { pdfjs, worker: new pdfjs.PDFWorker() }
  })
  // A failed load (a chunk that did not come) is tried again next time.
  pdfjsPromise.catch(() => {
    pdfjsPromise = null
  })
  return pdfjsPromise
}

/**
 * Draws each page of `pdf` on a canvas at `scale` pixels per PDF point and
 * hands it to `onPage` (in page order); stops early when `cancelled()` says so.
 * Resolves with the page count.
 */
export async function drawPages(
  pdf: Uint8Array,
  scale: number,
  onPage: (canvas: HTMLCanvasElement, pageNumber: number, pageCount: number) => Promise<void> | void,
  cancelled: () => boolean = () => false,
): Promise<number> {
  const { pdfjs, worker } = await loadPdfJs()
  // pdf.js transfers the buffer to its worker: give it a copy.
  const task = pdfjs.getDocument({ data: pdf.slice(), useWasm: false, worker })
  try {
    const doc = await task.promise
    for (let n = 1; n <= doc.numPages && !cancelled(); n++) {
      const page = await doc.getPage(n)
      const viewport = page.getViewport({ scale })
      const canvas = document.createElement('canvas')
      canvas.width = Math.floor(viewport.width)
      canvas.height = Math.floor(viewport.height)
      await page.render({ canvas, viewport }).promise
      await onPage(canvas, n, doc.numPages)
    }
    return doc.numPages
  } finally {
    void task.destroy()
  }
}

/**
 * Draws every page of `pdf` at once (pdf.js's worker prepares one page while
 * the main thread draws another), each at the scale `scaleOf` gives for its
 * width in PDF points. Resolves with the canvases in page order, or null when
 * `cancelled()` says so first.
 */
export async function drawAllPages(
  pdf: Uint8Array,
  scaleOf: (widthPt: number) => number,
  cancelled: () => boolean,
): Promise<HTMLCanvasElement[] | null> {
  const { pdfjs, worker } = await loadPdfJs()
  const task = pdfjs.getDocument({ data: pdf.slice(), useWasm: false, worker })
  try {
    const doc = await task.promise
    const numbers = Array.from({ length: doc.numPages }, (_, i) => i + 1)
    const canvases = await Promise.all(
      numbers.map(async (n) => {
        const page = await doc.getPage(n)
        const viewport = page.getViewport({ scale: scaleOf(page.getViewport({ scale: 1 }).width) })
        const canvas = document.createElement('canvas')
        canvas.width = Math.floor(viewport.width)
        canvas.height = Math.floor(viewport.height)
        // Drawn in one go: for the display intent pdf.js waits for an animation frame between
        // slices of drawing, which put 60–90 ms on a tick's preview (bench, interleaved runs);
        // the page is shown only once drawn, so its slices are of no use. The pixels are the same
        // (the handout has no annotation nor optional content, where the print intent differs).
        if (!cancelled()) await page.render({ canvas, viewport, intent: 'print' }).promise
        return canvas
      }),
    )
    return cancelled() ? null : canvases
  } finally {
    void task.destroy()
  }
}
