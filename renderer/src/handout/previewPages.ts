// The preview's pages on screen. Each page has two canvases: the one shown and
// one drawn behind it, swapped when the new page is ready; a canvas drawn again
// keeps its pixel buffer. A new PDF is drawn first where the clinician is
// looking (the pages in view, shown together), then the others, one by one.
// A page not drawn yet for the new PDF is shown blank, never as the old PDF's:
// the preview never shows a mix of two PDFs. One PDF is drawn at a time; a
// newer one stops the drawing of the older (pdf.js cancels its page).
// The PDF of a tick still being pressed is drawn ahead on the canvases behind
// the pages in view, and kept open: if the release gives it, showing it is a
// swap; if not, the next PDF draws over those canvases, which were never shown.
import { openPdf, type OpenedPdf } from './pdfjs'

interface Slot {
  shown: HTMLCanvasElement
  behind: HTMLCanvasElement
}

export interface ShowOptions {
  /** How many pixels wide a page is drawn. */
  width: number
  /** Aborts the drawing: a newer PDF came, or the preview went away. */
  signal: AbortSignal
  /** Called once the pages in view show the new PDF (the others may still be blank). */
  onInView: (pageCount: number) => void
}

const context = (canvas: HTMLCanvasElement) =>
  // What pdf.js asks for (no alpha, read back on the CPU): the first call decides a canvas's context.
  canvas.getContext('2d', { alpha: false, willReadFrequently: true })

/** A PDF drawn ahead: its document kept open, and the pages already on their canvases behind. */
interface Ahead {
  pdf: Uint8Array
  width: number
  doc: Promise<OpenedPdf>
  drawn: Set<number>
  stop: AbortController
}

export class PreviewPages {
  private slots: Slot[] = []
  private queue: Promise<unknown> = Promise.resolve()
  private ahead: Ahead | null = null

  /**
   * @param host the element the pages are shown in
   * @param viewport the element that scrolls them (what is "in view" is within it and the window)
   */
  constructor(
    private readonly host: HTMLElement,
    private readonly viewport: HTMLElement,
  ) {}

  /** Draws `pdf`; resolves true once every page is shown, false if aborted first. */
  show(pdf: Uint8Array, options: ShowOptions): Promise<boolean> {
    if (this.ahead?.pdf !== pdf) this.dropAhead()
    const run = this.queue.then(() => this.draw(pdf, options))
    // Then, before anything else is drawn, the canvases behind get their pixels: the next
    // tick then draws on canvases that have them (a new canvas costs 10–15 ms at its first
    // drawing, which fell on the first ticks).
    this.queue = run.catch(() => undefined).then(() => this.warm())
    return run
  }

  /**
   * Draws the pages in view of `pdf`, a PDF that may be shown next, on the
   * canvases behind them. Resolves true once they are drawn, false if another
   * PDF came first or they could not be (`show` then draws what is missing).
   */
  drawAhead(pdf: Uint8Array, width: number): Promise<boolean> {
    this.dropAhead()
    const stop = new AbortController()
    const ahead: Ahead = { pdf, width, doc: openPdf(pdf), drawn: new Set(), stop }
    // A document nobody draws from any more is still closed, once opened.
    ahead.doc.catch(() => undefined)
    this.ahead = ahead
    const run = this.queue.then(async () => {
      try {
        const doc = await ahead.doc
        stop.signal.throwIfAborted()
        this.addSlots(doc.pageCount)
        for (const i of this.inView(doc.pageCount)) {
          await doc.drawPage(i + 1, this.slot(i).behind, scaleTo(width), stop.signal)
          ahead.drawn.add(i)
        }
        return true
      } catch {
        return false
      }
    })
    this.queue = run
    return run
  }

  /** Forgets the PDF drawn ahead (and stops its drawing): the canvases behind hold nothing to show. */
  dropAhead(): void {
    if (this.ahead) close(this.ahead)
    this.ahead = null
  }

  private warm(): void {
    const model = this.slots[0]?.shown
    if (!model) return
    for (const slot of this.slots) if (slot.behind.width !== model.width || slot.behind.height !== model.height) blank(slot.behind, model)
  }

  private addSlots(count: number): void {
    while (this.slots.length < count) this.slots.push({ shown: document.createElement('canvas'), behind: document.createElement('canvas') })
  }

  private async draw(pdf: Uint8Array, { width, signal, onInView }: ShowOptions): Promise<boolean> {
    // The PDF drawn ahead, if it is this one (one drawn ahead for a later PDF stays as it is).
    let ahead = this.ahead?.pdf === pdf ? this.ahead : null
    if (ahead) this.ahead = null
    if (ahead && (ahead.width !== width || signal.aborted)) {
      close(ahead)
      ahead = null
    }
    if (signal.aborted) return false
    const doc = await (ahead?.doc ?? openPdf(pdf))
    const scaleOf = scaleTo(width)
    try {
      const count = doc.pageCount
      this.addSlots(count)
      this.slots.length = count
      const first = this.inView(count)
      await Promise.all(first.filter((i) => !ahead?.drawn.has(i)).map((i) => doc.drawPage(i + 1, this.slot(i).behind, scaleOf, signal)))
      const model = this.slot(first[0] ?? 0).behind
      this.slots.forEach((slot, i) => {
        if (first.includes(i)) this.swap(slot)
        else blank(slot.shown, model)
        label(slot.shown, i, count, first.includes(i))
      })
      this.host.replaceChildren(...this.slots.map((s) => s.shown))
      onInView(count)
      for (let i = 0; i < count; i++) {
        if (first.includes(i)) continue
        const slot = this.slot(i)
        await doc.drawPage(i + 1, slot.behind, scaleOf, signal)
        const blanked = slot.shown
        this.swap(slot)
        label(slot.shown, i, count, true)
        blanked.replaceWith(slot.shown)
      }
      return true
    } catch (error) {
      if (signal.aborted) return false
      throw error
    } finally {
      doc.close()
    }
  }

  private slot(i: number): Slot {
    return this.slots[i] as Slot
  }

  private swap(slot: Slot): void {
    const { shown, behind } = slot
    slot.shown = behind
    slot.behind = shown
  }

  /** The pages (from 0, below `count`) whose canvas is at least partly in view; the first page if none is. */
  private inView(count: number): number[] {
    const box = this.viewport.getBoundingClientRect()
    const top = Math.max(box.top, 0)
    const bottom = Math.min(box.bottom, window.innerHeight)
    const seen: number[] = []
    this.slots.forEach((slot, i) => {
      if (i >= count || !slot.shown.isConnected) return
      const r = slot.shown.getBoundingClientRect()
      if (r.height > 0 && r.bottom > top && r.top < bottom) seen.push(i)
    })
    return seen.length > 0 ? seen : [0]
  }
}

/** Stops drawing a PDF ahead and closes its document. */
function close(ahead: Ahead): void {
  ahead.stop.abort()
  ahead.doc.then(
    (doc) => doc.close(),
    () => undefined,
  )
}

/** Pixels per PDF point for a page drawn `width` pixels wide. */
const scaleTo = (width: number) => (widthPt: number) => width / widthPt

/** A white page the size of `model`: where the new PDF's page is not drawn yet. */
function blank(canvas: HTMLCanvasElement, model: HTMLCanvasElement): void {
  if (canvas.width !== model.width) canvas.width = model.width
  if (canvas.height !== model.height) canvas.height = model.height
  const ctx = context(canvas)
  if (!ctx) return
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
}

function label(canvas: HTMLCanvasElement, i: number, count: number, drawn: boolean): void {
  canvas.className = 'pdf-page'
  canvas.setAttribute('role', 'img')
  canvas.setAttribute('aria-label', `Page ${i + 1} sur ${count}${drawn ? '' : ', en cours d’affichage'}`)
}
