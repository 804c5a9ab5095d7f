/** @jsxRuntime automatic */
/** @jsxImportSource react */
// Draws a composed handout as an A4 PDF with @react-pdf/renderer. Plain Node
// (no Electron): the render thread and the command line both call it. Each
// part of the page is its own component (Header, MainMessage, Section, Note,
// Footer); text fitting is in text.ts, the look in styles.ts, fonts in fonts.ts.
import { Document, Page, renderToBuffer } from '@react-pdf/renderer'
import type { HandoutDocument } from '../../../../shared/handout/compose'
import { type BundledFont, bundledFont } from './fonts'
import { Footer } from './Footer'
import { DateAndPatient, Letterhead, Title } from './Header'
import { MainMessage } from './MainMessage'
import { Note } from './Note'
import { Lru } from './lru'
import { Section } from './Section'
import { bodySize, stylesFor } from './styles'
import { fitToFont, mapStrings, measureWith } from './text'
import { cacheTextLayout } from './text-layout-cache'

function HandoutPdf({ doc, family, tagged }: { doc: HandoutDocument; family: string; tagged: boolean }) {
  const body = bodySize(doc.largePrint)
  const s = stylesFor(doc.largePrint, family)
  return (
    <Document
      title={doc.metadata.title}
      author={doc.metadata.author}
      subject={doc.metadata.subject}
      creator="Mollet"
      producer="Mollet"
      language={doc.metadata.language}
      // PDF/UA-1: tagged (each part's `tag`), PDF 1.7, pdfuaid:part 1 in the XMP metadata.
      conformance={tagged ? 'PDF/UA' : undefined}
    >
      <Page size="A4" style={s.page}>
        <Letterhead letterhead={doc.letterhead} s={s} />
        <DateAndPatient date={doc.date} patientName={doc.patientName} s={s} />
        <Title title={doc.title} subtitle={doc.subtitle} s={s} />
        <MainMessage paragraphs={doc.mainMessage} s={s} />
        {/* The warning signs (composeHandout puts them first), then the clinician's note, then the rest. */}
        {doc.sections
          .filter((section) => section.emphasis)
          .map((section) => (
            <Section key={section.id} section={section} s={s} body={body} />
          ))}
        <Note note={doc.note} s={s} body={body} />
        {doc.sections
          .filter((section) => !section.emphasis)
          .map((section) => (
            <Section key={section.id} section={section} s={s} body={body} />
          ))}
        <Footer footer={doc.footer} s={s} />
      </Page>
    </Document>
  )
}

export interface RenderedPdf {
  pdf: Uint8Array
  /** Characters of the handout the bundled font cannot draw (printed as « \ufffd »), each once, in reading order. */
  unprintable: string[]
}

/**
 * Each string of the handout made drawable once per font (the coverage pass
 * segments every string into graphemes), with the characters it could not
 * draw, in order; bounded like the other caches of the render.
 */
interface Fitted {
  text: string
  unprintable: string[]
}
const STRINGS_KEPT = 5_000
const fittedBy = new WeakMap<BundledFont, Lru<string, Fitted>>()

function fitterFor(font: BundledFont): (text: string, multiline: boolean) => Fitted {
  const cache = fittedBy.get(font) ?? new Lru<string, Fitted>(STRINGS_KEPT)
  fittedBy.set(font, cache)
  return (text, multiline) =>
    cache.through(`${multiline ? 'm' : 's'}${text}`, () => {
      const unprintable: string[] = []
      return { text: fitToFont(text, font.covers, multiline, (g) => unprintable.push(g)), unprintable }
    })
}

/**
 * The handout as PDF bytes. `resourcesDir` holds fonts/ (resources/ in the repo).
 * Always tagged (PDF/UA-1) but for the bench and tagged.test.ts, which draw
 * `tagged: false` (the same pages, PDF 1.3 without structure, as before
 * tagging) to say what tagging costs and that it changes nothing on paper.
 */
export async function renderHandoutPdf(
  doc: HandoutDocument,
  resourcesDir: string,
  { tagged = true }: { tagged?: boolean } = {},
): Promise<RenderedPdf> {
  const font = await bundledFont(resourcesDir)
  measureWith(font)
  cacheTextLayout()
  const fitted = fitterFor(font)
  const unprintable = new Set<string>()
  const drawable = mapStrings(doc, (text, multiline) => {
    const drawn = fitted(text, multiline)
    for (const g of drawn.unprintable) unprintable.add(g)
    return drawn.text
  })
  const buffer = await renderToBuffer(<HandoutPdf doc={drawable} family={font.family} tagged={tagged} />)
  return { pdf: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), unprintable: [...unprintable] }
}
