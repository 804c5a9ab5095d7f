/** @jsxRuntime automatic */
/** @jsxImportSource react */
// Draws a composed handout as an A4 PDF with @react-pdf/renderer. Plain Node
// (no Electron): the render thread and the command line both call it. Each
// part of the page is its own component (Header, MainMessage, Section, Note,
// Footer); text fitting is in text.ts, the look in styles.ts, fonts in fonts.ts.
import { Document, Page, renderToBuffer } from '@react-pdf/renderer'
import type { HandoutDocument } from '../../../../shared/handout/compose'
import { bundledFont } from './fonts'
import { Footer } from './Footer'
import { DateAndPatient, Letterhead, Title } from './Header'
import { MainMessage } from './MainMessage'
import { Note } from './Note'
import { Section } from './Section'
import { bodySize, stylesFor } from './styles'
import { fitToFont, mapStrings, measureWith } from './text'

function HandoutPdf({ doc, family }: { doc: HandoutDocument; family: string }) {
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

/** The handout as PDF bytes. `resourcesDir` holds fonts/ (resources/ in the repo). */
export async function renderHandoutPdf(doc: HandoutDocument, resourcesDir: string): Promise<RenderedPdf> {
  const font = await bundledFont(resourcesDir)
  measureWith(font)
  const unprintable = new Set<string>()
  const drawable = mapStrings(doc, (text, multiline) => fitToFont(text, font.covers, multiline, (g) => unprintable.add(g)))
  const buffer = await renderToBuffer(<HandoutPdf doc={drawable} family={font.family} />)
  return { pdf: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), unprintable: [...unprintable] }
}
