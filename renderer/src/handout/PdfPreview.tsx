// Draws the real handout PDF (the bytes main produced) with pdf.js (pdfjs.ts:
// loaded lazily, under the app's CSP unchanged): the pages in view first, then
// the others, never some pages of one PDF beside some of another
// (previewPages.ts). The e2e checks that no CSP violation is reported while the
// preview draws.
import { useEffect, useRef, useState } from 'react'
import { PreviewPages } from './previewPages'

/** The widest a page is shown, in CSS pixels (handout.css, .pdf-page). */
const MAX_PAGE_WIDTH = 720

interface Props {
  /** PDF bytes; null while the first one is being made. */
  pdf: Uint8Array | null
  /** Accessible name of the preview region. */
  label: string
  /** Told of each PDF once all its pages are on screen (`drawn`) or could not be drawn: until then it is not shown. */
  onSettled?: (pdf: Uint8Array, drawn: boolean) => void
}

export function PdfPreview({ pdf, label, onSettled }: Props) {
  const section = useRef<HTMLElement>(null)
  const container = useRef<HTMLDivElement>(null)
  const pages = useRef<PreviewPages | null>(null)
  const [pageCount, setPageCount] = useState(0)
  const [drawing, setDrawing] = useState(false)
  const [failed, setFailed] = useState(false)
  // Read when a drawing ends, so that a new callback does not draw the pages again.
  const settled = useRef(onSettled)
  settled.current = onSettled

  useEffect(() => {
    const host = container.current
    const viewport = section.current
    if (!pdf || !host || !viewport) return
    pages.current ??= new PreviewPages(host, viewport)
    const abort = new AbortController()
    setDrawing(true)
    // Drawn for the most pixels a page takes on screen (its widest CSS width times the
    // device's pixel ratio, which zoom raises): sharp at any window size, no pixel more to draw.
    const width = MAX_PAGE_WIDTH * window.devicePixelRatio
    pages.current.show(pdf, { scaleOf: (widthPt) => width / widthPt, signal: abort.signal, onInView: setPageCount }).then(
      (drawn) => {
        if (!drawn) return
        setFailed(false)
        setDrawing(false)
        settled.current?.(pdf, true)
      },
      () => {
        if (abort.signal.aborted) return
        setFailed(true)
        setDrawing(false)
        settled.current?.(pdf, false)
      },
    )
    return () => abort.abort()
  }, [pdf])

  return (
    // Focusable: it scrolls, and the keyboard must be able to scroll it.
    <section ref={section} className="pdf-preview" aria-label={label} aria-busy={pdf === null || drawing} tabIndex={0}>
      {failed && (
        <p className="banner banner-error" role="alert">
          L’aperçu n’a pas pu être affiché. La fiche peut tout de même être imprimée ou enregistrée.
        </p>
      )}
      <div ref={container} className="pdf-pages" data-pages={pageCount} />
    </section>
  )
}
