// Printing the handout without Chromium's PDF viewer: the pages of the PDF main
// made are drawn with pdf.js at print resolution, as Firefox's own viewer
// prints (pdf.js's pdf_print_service: canvas → image), placed in a print
// document that only print media shows (handout.css), then window.print()
// opens the system's print dialog from the app's own window, in the default
// session, with no plugin. Chromium snapshots the page when print() is called;
// the document is removed after printing. Nothing is written to disk: the
// pages are in-memory blobs.
import { drawPages } from './pdfjs'

/** Print resolution: 300 dots per inch, as Firefox's viewer at its best setting. */
const PRINT_DPI = 300
const PRINT_SCALE = PRINT_DPI / 72

let current: { host: HTMLElement; urls: string[] } | null = null

function removePrintDocument(): void {
  if (!current) return
  current.host.remove()
  for (const url of current.urls) URL.revokeObjectURL(url)
  current = null
}

/** Draws the pages, builds the print document and opens the print dialog. */
export async function printPdf(pdf: Uint8Array, title: string): Promise<void> {
  const urls: string[] = []
  const images: HTMLImageElement[] = []
  try {
    await drawPages(pdf, PRINT_SCALE, async (canvas, n, count) => {
      const blob = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('page non dessinée'))), 'image/png'),
      )
      // The 35-megabyte canvas goes as soon as its page is an image.
      canvas.width = 0
      canvas.height = 0
      const url = URL.createObjectURL(blob)
      urls.push(url)
      const img = new Image()
      img.className = 'print-page'
      img.alt = `${title}, page ${n} sur ${count}`
      img.src = url
      images.push(img)
    })
    await Promise.all(images.map((img) => img.decode()))
  } catch (error) {
    for (const url of urls) URL.revokeObjectURL(url)
    throw error
  }
  removePrintDocument()
  const host = document.createElement('div')
  host.className = 'print-document'
  host.dataset.testid = 'print-document'
  host.dataset.pages = String(images.length)
  host.setAttribute('aria-hidden', 'true')
  host.append(...images)
  document.body.append(host)
  current = { host, urls }
  window.addEventListener('afterprint', removePrintDocument, { once: true })
  window.print()
}
