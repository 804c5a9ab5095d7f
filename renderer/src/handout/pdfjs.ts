// pdf.js, loaded once and lazily (it only reaches the Fiche patient view), for
// the preview and for printing. Under the app's CSP (script-src 'self',
// worker-src 'self', font-src 'self', no eval): the worker is a file of the
// bundle; WebAssembly is off (it would need 'wasm-unsafe-eval'; the handout has
// no image to decode); the PDF's embedded fonts are read by pdf.js and their
// glyphs drawn as paths, never loaded as fonts of the page.
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

/** An opened PDF whose pages are drawn on demand, on canvases the caller keeps. */
export interface OpenedPdf {
  readonly pageCount: number
  /**
   * Draws page `n` (from 1) on `canvas`, at the scale `scaleOf` gives for the
   * page's width in PDF points. The canvas is resized only when its size
   * changes: a canvas drawn again keeps its pixel buffer (a new one cost 10–15 ms
   * to allocate at 720 px, on every page of every preview). Rejects when
   * `signal` aborts first.
   */
  drawPage(n: number, canvas: HTMLCanvasElement, scaleOf: (widthPt: number) => number, signal?: AbortSignal): Promise<void>
  /** Frees the document (and stops any drawing in progress). */
  close(): void
}

export async function openPdf(pdf: Uint8Array): Promise<OpenedPdf> {
  const { pdfjs, worker } = await loadPdfJs()
  // pdf.js transfers the buffer to its worker: give it a copy. Glyphs are drawn as paths
  // (disableFontFace), not through fonts added to the document: each PDF's fonts added and then
  // removed made the page recompute its styles, and its pages in view took 38–42 ms to show
  // instead of 59 ms (bench, p50 of the ticks).
  const task = pdfjs.getDocument({ data: pdf.slice(), useWasm: false, worker, disableFontFace: true })
  const doc = await task.promise.catch((error: unknown) => {
    void task.destroy()
    throw error
  })
  return {
    pageCount: doc.numPages,
    async drawPage(n, canvas, scaleOf, signal) {
      signal?.throwIfAborted()
      const page = await doc.getPage(n)
      signal?.throwIfAborted()
      const viewport = page.getViewport({ scale: scaleOf(page.getViewport({ scale: 1 }).width) })
      const width = Math.floor(viewport.width)
      const height = Math.floor(viewport.height)
      if (canvas.width !== width) canvas.width = width
      if (canvas.height !== height) canvas.height = height
      // Drawn in one go: for the display intent pdf.js waits for an animation frame between
      // slices of drawing, which put 60–90 ms on a tick's preview (bench, interleaved runs);
      // a page is shown only once drawn, so its slices are of no use. The pixels are the same
      // (the handout has no annotation nor optional content, where the print intent differs).
      const rendering = page.render({ canvas, viewport, intent: 'print' })
      const cancel = () => rendering.cancel()
      signal?.addEventListener('abort', cancel, { once: true })
      try {
        await rendering.promise
      } finally {
        signal?.removeEventListener('abort', cancel)
      }
    },
    close() {
      void task.destroy()
    },
  }
}

/**
 * Draws each page of `pdf` on a new canvas at `scale` pixels per PDF point
 * and hands it to `onPage` (in page order). Resolves with the page count.
 */
export async function drawPages(
  pdf: Uint8Array,
  scale: number,
  onPage: (canvas: HTMLCanvasElement, pageNumber: number, pageCount: number) => Promise<void> | void,
): Promise<number> {
  const doc = await openPdf(pdf)
  try {
    for (let n = 1; n <= doc.pageCount; n++) {
      const canvas = document.createElement('canvas')
      await doc.drawPage(n, canvas, () => scale)
      await onPage(canvas, n, doc.pageCount)
    }
    return doc.pageCount
  } finally {
    doc.close()
  }
}
