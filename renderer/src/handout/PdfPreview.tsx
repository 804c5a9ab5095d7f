// Draws the real handout PDF (the bytes main produced) page by page with
// pdf.js. Loaded lazily: pdf.js only reaches the handout view.
//
// Under the app's CSP (script-src 'self', worker-src 'self', font-src 'self',
// no eval): the worker is a file of the bundle; WebAssembly is off (it would
// need 'wasm-unsafe-eval'; the handout has no image to decode); the PDF's
// embedded fonts are handed to the FontFace API as bytes, which font-src does
// not govern (it governs URLs), so nothing is relaxed. The e2e checks that no
// CSP violation is reported while the preview draws.
import { useEffect, useRef, useState } from 'react'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

type PdfJs = typeof import('pdfjs-dist')
interface Loaded {
  pdfjs: PdfJs
  /** One worker for every preview: each new PDF does not start (and parse) another. */
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

/** Pixels per PDF point: a sharp A4 page at the preview's width. */
const SCALE = 1.5

interface Props {
  /** PDF bytes; null while the first one is being made. */
  pdf: Uint8Array | null
  /** Accessible name of the preview region. */
  label: string
}

export function PdfPreview({ pdf, label }: Props) {
  const container = useRef<HTMLDivElement>(null)
  const [pageCount, setPageCount] = useState(0)
  const [drawing, setDrawing] = useState(false)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    const host = container.current
    if (!pdf || !host) return
    let cancelled = false
    let destroy: (() => Promise<void>) | null = null
    setDrawing(true)
    void (async () => {
      try {
        const { pdfjs, worker } = await loadPdfJs()
        if (cancelled) return
        // pdf.js transfers the buffer to its worker: give it a copy.
        const task = pdfjs.getDocument({ data: pdf.slice(), useWasm: false, worker })
        destroy = () => task.destroy()
        const doc = await task.promise
        const canvases: HTMLCanvasElement[] = []
        for (let n = 1; n <= doc.numPages && !cancelled; n++) {
          const page = await doc.getPage(n)
          const viewport = page.getViewport({ scale: SCALE })
          const canvas = document.createElement('canvas')
          canvas.width = Math.floor(viewport.width)
          canvas.height = Math.floor(viewport.height)
          canvas.className = 'pdf-page'
          canvas.setAttribute('role', 'img')
          canvas.setAttribute('aria-label', `Page ${n} sur ${doc.numPages}`)
          await page.render({ canvas, viewport }).promise
          canvases.push(canvas)
        }
        if (cancelled) return
        // The old pages stay until the new ones are all drawn: no flicker.
        host.replaceChildren(...canvases)
        setPageCount(doc.numPages)
        setFailed(false)
        setDrawing(false)
      } catch {
        if (!cancelled) {
          setFailed(true)
          setDrawing(false)
        }
      } finally {
        void destroy?.()
      }
    })()
    return () => {
      cancelled = true
    }
  }, [pdf])

  return (
    // Focusable: it scrolls, and the keyboard must be able to scroll it.
    <section className="pdf-preview" aria-label={label} aria-busy={pdf === null || drawing} tabIndex={0}>
      {failed && (
        <p className="banner banner-error" role="alert">
          L’aperçu n’a pas pu être affiché. La fiche peut tout de même être imprimée ou enregistrée.
        </p>
      )}
      <div ref={container} className="pdf-pages" data-pages={pageCount} />
    </section>
  )
}
