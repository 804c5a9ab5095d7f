// Draws the real handout PDF (the bytes main produced) with pdf.js (pdfjs.ts:
// loaded lazily, under the app's CSP unchanged): the pages in view first, then
// the others, never some pages of one PDF beside some of another
// (previewPages.ts). The e2e checks that no CSP violation is reported while the
// preview draws.
import { useEffect, useRef, useState } from 'react'
import { PreviewPages } from './previewPages'

/** The widest a page is shown, in CSS pixels (handout.css, .pdf-page). */
const MAX_PAGE_WIDTH = 720

/**
 * Pages are drawn for the most pixels they take on screen (their widest CSS
 * width times the device's pixel ratio, which zoom raises): sharp at any window
 * size, no pixel more to draw.
 */
const pageWidth = () => MAX_PAGE_WIDTH * window.devicePixelRatio

interface Props {
  /** PDF bytes; null while the first one is being made. */
  pdf: Uint8Array | null
  /** A PDF that may be shown next (a tick being pressed): drawn ahead, out of sight. */
  upcoming?: Uint8Array | null
  /** Accessible name of the preview region. */
  label: string
  /** Told of each PDF once all its pages are on screen (`drawn`) or could not be drawn: until then it is not shown. */
  onSettled?: (pdf: Uint8Array, drawn: boolean) => void
}

export function PdfPreview({ pdf, upcoming = null, label, onSettled }: Props) {
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
    pages.current.show(pdf, { width: pageWidth(), signal: abort.signal, onInView: setPageCount }).then(
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

  // The upcoming PDF whose pages in view are drawn behind the shown ones.
  const [drawnAhead, setDrawnAhead] = useState<Uint8Array | null>(null)
  useEffect(() => {
    // Once the pages of a first PDF are there: before, there is nothing to draw behind.
    if (!upcoming || !pages.current) return
    void pages.current.drawAhead(upcoming, pageWidth()).then((drawn) => drawn && setDrawnAhead(upcoming))
  }, [upcoming])

  useEffect(() => () => pages.current?.dropAhead(), [])

  return (
    // Focusable: it scrolls, and the keyboard must be able to scroll it.
    <section ref={section} className="pdf-preview" aria-label={label} aria-busy={pdf === null || drawing} tabIndex={0}>
      {failed && (
        <p className="banner banner-error" role="alert">
          L’aperçu n’a pas pu être affiché. La fiche peut tout de même être imprimée ou enregistrée.
        </p>
      )}
      <div
        ref={container}
        className="pdf-pages"
        data-pages={pageCount}
        data-drawn-ahead={drawnAhead !== null && drawnAhead === upcoming && drawnAhead !== pdf ? '' : undefined}
      />
    </section>
  )
}
