/** @jsxRuntime automatic */
/** @jsxImportSource react */
// Draws a composed handout as an A4 PDF with @react-pdf/renderer. Plain Node
// (no Electron): the render thread and the command line both call it. Each
// part of the page is its own component with its styles (Header,
// MainMessage, Section, Note, Footer); text fitting is in text.ts, the shared
// look and the print in styles.ts, fonts in fonts.ts.
import { Document, Page, renderToBuffer } from '@react-pdf/renderer'
import type { HandoutDocument } from '../../../../shared/handout/compose'
import { type BundledFont, bundledFont } from './fonts'
import { Footer } from './Footer'
import { DateAndPatient, Letterhead, Title } from './Header'
import { MainMessage } from './MainMessage'
import { Note } from './Note'
import { Lru } from './lru'
import { Section } from './Section'
import { bodySize, type Print, PrintContext, usePageStyles } from './styles'
import { fitToFont, mapStrings, wordCutters } from './text'
import { cacheTextLayout } from './text-layout-cache'

function HandoutPdf({ doc, print, tagged }: { doc: HandoutDocument; print: Print; tagged: boolean }) {
  return (
    <PrintContext.Provider value={print}>
      <HandoutPages doc={doc} tagged={tagged} />
    </PrintContext.Provider>
  )
}

function HandoutPages({ doc, tagged }: { doc: HandoutDocument; tagged: boolean }) {
  const s = usePageStyles()
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
        <Letterhead letterhead={doc.letterhead} />
        <DateAndPatient date={doc.date} patientName={doc.patientName} />
        <Title title={doc.title} subtitle={doc.subtitle} />
        <MainMessage paragraphs={doc.mainMessage} />
        {/* The warning signs (composeHandout puts them first), then the clinician's note, then the rest. */}
        {doc.sections
          .filter((section) => section.emphasis)
          .map((section) => (
            <Section key={section.id} section={section} />
          ))}
        <Note note={doc.note} />
        {doc.sections
          .filter((section) => !section.emphasis)
          .map((section) => (
            <Section key={section.id} section={section} />
          ))}
        <Footer footer={doc.footer} />
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
  cacheTextLayout()
  const fitted = fitterFor(font)
  const unprintable = new Set<string>()
  const drawable = mapStrings(doc, (text, multiline) => {
    const drawn = fitted(text, multiline)
    for (const g of drawn.unprintable) unprintable.add(g)
    return drawn.text
  })
  const print: Print = { largePrint: doc.largePrint, family: font.family, body: bodySize(doc.largePrint), words: wordCutters(font) }
  const buffer = await renderToBuffer(<HandoutPdf doc={drawable} print={print} tagged={tagged} />)
  return { pdf: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), unprintable: [...unprintable] }
}
