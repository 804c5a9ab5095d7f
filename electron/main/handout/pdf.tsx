/** @jsxRuntime automatic */
/** @jsxImportSource react */
// Draws a composed handout as an A4 PDF with @react-pdf/renderer. Plain Node
// (no Electron): the main process and the command line both call it. The font
// is the bundled Noto Sans, embedded, found under the resources folder the
// caller passes in (never a path relative to this file, which moves when built).
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import { syllables as frenchSyllables } from '@react-pdf/hyphenate/fr'
import { join } from 'node:path'
import type { HandoutContent, HandoutDocument, HandoutItem, HandoutSection } from '../../../shared/handout/compose'
import { handoutFooterLine } from '../../../shared/handout/compose'

/** Lines of a text typed with line breaks; each becomes its own Text (no '\n' reaches the layout). */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/u).map((l) => l.trim())
}
/** The letterhead's address: its blank lines mean nothing on a letterhead. */
const addressLines = (text: string): string[] => linesOf(text).filter((l) => l.length > 0)

export const FONT_FAMILY = 'Noto Sans'
export const FONT_FILES = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const
export const FONTS_DIR = 'fonts'

interface BundledFont {
  /** Family name in react-pdf's (global) font store, one per resources folder. */
  family: string
  /** Whether every weight draws a code point (react-pdf 4.9 crashes on one it cannot). */
  covers: (codePoint: number) => boolean
  /** Width in points of a text set in the bold face at `size` (the widest the handout uses). */
  boldWidth: (text: string, size: number) => number
}

const bundled = new Map<string, Promise<BundledFont>>()
let registrations = 0

/** Registers and loads the bundled font of a resources folder, once. */
function bundledFont(resourcesDir: string): Promise<BundledFont> {
  let font = bundled.get(resourcesDir)
  if (!font) {
    // A new family name each time: a failed registration is never reused.
    registrations += 1
    font = loadBundledFont(resourcesDir, `${FONT_FAMILY} ${registrations}`)
    font.catch(() => bundled.delete(resourcesDir))
    bundled.set(resourcesDir, font)
  }
  return font
}

async function loadBundledFont(resourcesDir: string, family: string): Promise<BundledFont> {
  Font.register({
    family,
    fonts: [
      { src: join(resourcesDir, FONTS_DIR, FONT_FILES.regular), fontWeight: 400 },
      { src: join(resourcesDir, FONTS_DIR, FONT_FILES.bold), fontWeight: 700 },
    ],
  })
  const faces = await Promise.all(
    [400, 700].map(async (fontWeight) => {
      const descriptor = { fontFamily: family, fontWeight }
      await Font.load(descriptor)
      const data = Font.getFont(descriptor).data
      if (!data) throw new Error(`police ${family} ${fontWeight} non chargée`)
      return data
    }),
  )
  const bold = faces[1] as (typeof faces)[number]
  return {
    family,
    covers: (codePoint) => faces.every((face) => face.hasGlyphForCodePoint(codePoint)),
    boldWidth: (text, size) => (bold.layout(text).advanceWidth / bold.unitsPerEm) * size,
  }
}

/**
 * Controls and bidirectional overrides: they would reorder or hide text. Soft
 * hyphens too: a text that starts with one crashes react-pdf 4.9 (it has no
 * font for it), and the handout hyphenates French by itself.
 */
const DROPPED = /^[\p{Cc}\u00ad\u202a-\u202e\u2066-\u2069]$/u
/**
 * Text the bundled font can draw: tabs as spaces, line breaks kept in a
 * multi-line field (drawn line by line) and spaces elsewhere, controls dropped,
 * and a character the font lacks (emoji, Hebrew, Arabic…) shown as U+FFFD
 * rather than silently lost; each such character is passed to `unprintable`,
 * so that the form can say which ones before the handout is printed.
 */
export function fitToFont(
  text: string,
  covers: (codePoint: number) => boolean,
  multiline = false,
  unprintable: (grapheme: string) => void = () => undefined,
): string {
  let out = ''
  for (const { segment } of graphemes.segment(text.replace(/\t/gu, ' '))) {
    if (segment === '\n' || segment === '\r\n' || segment === '\r') out += multiline ? '\n' : ' '
    else if (DROPPED.test(segment)) continue
    else if ([...segment].every((ch) => covers(ch.codePointAt(0) as number))) out += segment
    else {
      unprintable(segment)
      out += '\ufffd'
    }
  }
  return out
}

/** Fields typed on several lines; every other string is drawn as one paragraph. */
const MULTILINE_FIELDS = new Set(['note', 'address'])

/** The same document with every string passed through `fit`. */
function mapStrings<T>(value: T, fitString: (s: string, multiline: boolean) => string, key = ''): T {
  if (typeof value === 'string') return fitString(value, MULTILINE_FIELDS.has(key)) as T
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fitString)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fitString, k)])) as T
  }
  return value
}

const LETTERS = /\p{L}/gu
const letterCount = (s: string): number => s.match(LETTERS)?.length ?? 0

/**
 * A "word" wider than the narrowest column that holds typed text (the note's
 * box: 457 pt) set in bold at 14 pt — a pasted link too long for a line, a
 * key held down — is cut so that it stays on the page. Narrower ones are kept
 * whole: react-pdf prints a hyphen at every cut, and « doctolib.fr/- »
 * « medecin… » or « martin@- » is an address a patient would mistype.
 */
const NARROWEST_COLUMN = 450
const WIDEST_SIZE = 14
const CHUNK = 24
/** Until the font is loaded (and in tests of the word functions alone): a word of 30 graphemes or more is cut. */
let fitsOnALine = (word: string): boolean => word.length <= 30

/**
 * The width test of the font in use. Set before each render: renders are
 * one at a time (render-thread.ts; react-pdf cannot run two at once).
 */
function measureWith(font: BundledFont): void {
  fitsOnALine = (word) => font.boldWidth(word, WIDEST_SIZE) <= NARROWEST_COLUMN
}

const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' })

/** A hyphen of the text itself: a break next to one would print it twice (react-pdf adds its own at every break). */
const HYPHEN_LIKE = /^[-\u2010\u2011\u2012\u2013\u2014]$/u

function cutOverlong(word: string): string[] {
  if (fitsOnALine(word)) return [word]
  const chars = Array.from(graphemes.segment(word), (g) => g.segment)
  const pieces: string[] = []
  let start = 0
  while (chars.length - start > CHUNK) {
    let end = start + CHUNK
    // Never cut right before or after the word's own hyphen (« Saint- » / « -Georges » would read doubled).
    while (end > start + 1 && (HYPHEN_LIKE.test(chars[end - 1] as string) || HYPHEN_LIKE.test(chars[end] as string))) end--
    if (end === start + 1) end = start + CHUNK
    pieces.push(chars.slice(start, end).join(''))
    start = end
  }
  pieces.push(chars.slice(start).join(''))
  return pieces
}

/**
 * French hyphenation (TeX patterns) made stricter: at least 2 letters before
 * the break and 3 after, no break next to an apostrophe or a no-break space,
 * and never inside a name, a number, an address or an e-mail.
 */
export function hyphenateFrench(word: string): string[] {
  if (/[\p{Lu}\d/@.:_]/u.test(word.replace(/[.,;:!?…»)\u00a0\u202f]+$/u, ''))) return cutOverlong(word)
  const parts = frenchSyllables(word)
  const merged: string[] = []
  for (const part of parts) {
    const last = merged[merged.length - 1]
    const glued = last !== undefined && (letterCount(last) < 2 || /['’\u00a0\u202f-]$/u.test(last) || /^['’\u00a0\u202f-]/u.test(part))
    if (glued) merged[merged.length - 1] = last + part
    else merged.push(part)
  }
  while (merged.length > 1 && letterCount(merged[merged.length - 1] as string) < 3) {
    const tail = merged.pop() as string
    merged[merged.length - 1] += tail
  }
  return merged.flatMap(cutOverlong)
}

/** Headings, names, the letterhead: never hyphenated, only an overlong run is cut. */
export const wholeWords = (word: string): string[] => cutOverlong(word)

const INK = '#1a1a1a'
/** Line height in points: a unitless number is not a plain multiplier in react-pdf 4.9. */
const leading = (fontSize: number, ratio = 1.45): string => `${Math.round(fontSize * ratio * 10) / 10}pt`
const ACCENT = '#1d3d6b'
const ALERT = '#8f1d1d'

function stylesFor(largePrint: boolean, family: string) {
  const body = largePrint ? 14 : 12
  return StyleSheet.create({
    page: {
      fontFamily: family,
      fontSize: body,
      color: INK,
      paddingTop: 48,
      paddingBottom: largePrint ? 78 : 70,
      paddingHorizontal: 56,
      textAlign: 'left',
    },
    // Line height is set on each text, never inherited from the page or a view:
    // react-pdf then drops the page-number text (render prop) and doubles it on views.
    line: { lineHeight: leading(body - 2) },
    // One column, full width: side by side, react-pdf laid a long clinic name
    // out at its unshrunk width, over the date, and the patient's name past
    // the margin. Stacked, every line wraps inside the page.
    letterhead: { fontSize: body - 2, marginBottom: 8 },
    clinicName: { fontWeight: 700, fontSize: body, lineHeight: leading(body) },
    dateBlock: { fontSize: body - 2, marginBottom: 16, paddingTop: 6, borderTopWidth: 0.75, borderTopColor: '#9aa5b1' },
    title: { fontSize: body + 8, fontWeight: 700, color: ACCENT, lineHeight: leading(body + 8, 1.2) },
    subtitle: { fontSize: body, lineHeight: leading(body), marginTop: 2, marginBottom: 14 },
    main: {
      backgroundColor: '#eef3f9',
      borderLeftWidth: 4,
      borderLeftColor: ACCENT,
      paddingVertical: 8,
      paddingHorizontal: 12,
      marginBottom: 14,
    },
    mainText: { fontWeight: 700, fontSize: body + 1, lineHeight: leading(body + 1) },
    // Space above, never below, a block that may break: react-pdf moves a block
    // to the next page when its bottom margin does not fit, though the block does.
    section: { marginTop: 10 },
    heading: { fontSize: body + 3, fontWeight: 700, color: ACCENT, marginBottom: 4, lineHeight: leading(body + 3, 1.25) },
    alert: {
      borderWidth: 1.5,
      borderColor: ALERT,
      backgroundColor: '#fdf3f2',
      paddingVertical: 8,
      paddingHorizontal: 12,
    },
    alertHeading: { color: ALERT },
    paragraph: { lineHeight: leading(body), marginBottom: 5 },
    list: { marginBottom: 5 },
    item: { flexDirection: 'row', marginBottom: 2 },
    bullet: { width: body, flexShrink: 0, lineHeight: leading(body) },
    itemText: { flexGrow: 1, flexShrink: 1, flexBasis: 0, lineHeight: leading(body) },
    lead: { fontWeight: 700 },
    note: { borderWidth: 1, borderColor: '#9aa5b1', paddingVertical: 8, paddingHorizontal: 12, marginTop: 12 },
    noteHeading: { fontWeight: 700, lineHeight: leading(body), marginBottom: 2 },
    noteLine: { lineHeight: leading(body), marginBottom: 3 },
    footer: {
      position: 'absolute',
      left: 56,
      right: 56,
      bottom: 24,
      fontSize: largePrint ? 11 : 9,
      color: '#3d4650',
      borderTopWidth: 0.75,
      borderTopColor: '#9aa5b1',
      paddingTop: 4,
    },
  })
}

type Styles = ReturnType<typeof stylesFor>

function Item({ item, s }: { item: HandoutItem; s: Styles }) {
  return (
    <View style={s.item} wrap={false}>
      <Text style={s.bullet} hyphenationCallback={wholeWords}>
        •
      </Text>
      <Text style={s.itemText} hyphenationCallback={hyphenateFrench}>
        {item.lead ? <Text style={s.lead}>{`${item.lead} `}</Text> : null}
        {item.text}
      </Text>
    </View>
  )
}

function Content({ content, s }: { content: HandoutContent; s: Styles }) {
  if (content.type === 'paragraph') {
    return (
      <Text style={s.paragraph} hyphenationCallback={hyphenateFrench}>
        {content.text}
      </Text>
    )
  }
  return (
    <View style={s.list}>
      {content.items.map((item, j) => (
        <Item key={j} item={item} s={s} />
      ))}
    </View>
  )
}

/** Paragraphs short enough to be kept whole ("wrap={false}" on a block taller than a page leaves an empty page). */
const KEEP_WHOLE_CHARS = 600
const fitsOnAPage = (text: string): boolean => text.length <= KEEP_WHOLE_CHARS

function Section({ section, s, body }: { section: HandoutSection; s: Styles; body: number }) {
  const heading = (
    <Text style={s.heading} hyphenationCallback={wholeWords} minPresenceAhead={body * 4}>
      {section.heading}
    </Text>
  )
  // A heading never ends a page: it stays with what follows it — a short
  // paragraph, or the first item of a list (not the whole list: a long list
  // moved whole to the next page left most of a page empty). react-pdf's
  // minPresenceAhead alone does not hold.
  const [first, ...rest] = section.content
  const lead: ReactNode =
    first === undefined ? null : first.type === 'list' ? (
      <Item item={first.items[0] as HandoutItem} s={s} />
    ) : fitsOnAPage(first.text) ? (
      <Content content={first} s={s} />
    ) : null
  const afterLead: ReactNode[] = []
  if (first?.type === 'list' && first.items.length > 1) {
    afterLead.push(<Content key="list-rest" content={{ type: 'list', items: first.items.slice(1) }} s={s} />)
  } else if (first !== undefined && lead === null) {
    afterLead.push(<Content key="first" content={first} s={s} />)
  }
  // When to see a doctor: the framed box starts right after the main message,
  // so it is never moved whole past a mostly empty page; when a long
  // letterhead or large print pushes its end overleaf, its heading is drawn
  // again at the top of the continuation (fixed inside the box), so the part
  // overleaf never reads as another notice.
  if (section.emphasis) {
    return (
      <View style={s.alert}>
        <Text fixed style={[s.heading, s.alertHeading]} hyphenationCallback={wholeWords}>
          {section.heading}
        </Text>
        {lead}
        {afterLead}
        {rest.map((c, i) => (
          <Content key={i} content={c} s={s} />
        ))}
      </View>
    )
  }
  return (
    <View style={s.section}>
      {lead ? (
        <View wrap={false}>
          {heading}
          {lead}
        </View>
      ) : (
        heading
      )}
      {afterLead}
      {rest.map((c, i) => (
        <Content key={i} content={c} s={s} />
      ))}
    </View>
  )
}

function NoteLines({ lines, s, body }: { lines: string[]; s: Styles; body: number }) {
  const heading = (
    <Text style={s.noteHeading} hyphenationCallback={wholeWords} minPresenceAhead={body * 2}>
      Note de votre soignant
    </Text>
  )
  const line = (text: string, key: number) => (
    <Text key={key} style={s.noteLine} hyphenationCallback={hyphenateFrench}>
      {/* A blank line the clinician typed keeps its height. */}
      {text || '\u00a0'}
    </Text>
  )
  const [first, ...rest] = lines
  const keepFirst = first !== undefined && fitsOnAPage(first)
  return (
    <>
      {keepFirst ? (
        <View wrap={false}>
          {heading}
          {line(first, 0)}
        </View>
      ) : (
        heading
      )}
      {(keepFirst ? rest : lines).map((text, i) => line(text, i + 1))}
    </>
  )
}

function HandoutPdf({ doc, family }: { doc: HandoutDocument; family: string }) {
  const body = doc.largePrint ? 14 : 12
  const s = stylesFor(doc.largePrint, family)
  const lh = doc.letterhead
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
        {lh.name || lh.address || lh.phone ? (
          <View style={s.letterhead}>
            {lh.name ? (
              <Text style={s.clinicName} hyphenationCallback={wholeWords}>
                {lh.name}
              </Text>
            ) : null}
            {addressLines(lh.address).map((line, i) => (
              <Text key={i} style={s.line} hyphenationCallback={wholeWords}>
                {line}
              </Text>
            ))}
            {lh.phone ? <Text style={s.line} hyphenationCallback={wholeWords}>{`Tél.\u00a0: ${lh.phone}`}</Text> : null}
          </View>
        ) : null}
        <View style={s.dateBlock}>
          <Text style={s.line} hyphenationCallback={wholeWords}>{`Le ${doc.date}`}</Text>
          {doc.patientName ? (
            <Text style={s.line} hyphenationCallback={wholeWords}>
              {'Pour\u00a0: '}
              <Text style={s.lead}>{doc.patientName}</Text>
            </Text>
          ) : null}
        </View>

        <Text style={s.title} hyphenationCallback={wholeWords}>
          {doc.title}
        </Text>
        <Text style={s.subtitle} hyphenationCallback={wholeWords}>
          {doc.subtitle}
        </Text>

        {doc.mainMessage.length > 0 ? (
          <View style={s.main} wrap={false}>
            {doc.mainMessage.map((p, i) => (
              <Text key={i} style={s.mainText} hyphenationCallback={hyphenateFrench}>
                {p}
              </Text>
            ))}
          </View>
        ) : null}

        {/* The warning signs (composeHandout puts them first), then the clinician's note, then the rest. */}
        {doc.sections
          .filter((section) => section.emphasis)
          .map((section) => (
            <Section key={section.id} section={section} s={s} body={body} />
          ))}

        {doc.note ? (
          <View style={s.note}>
            <NoteLines lines={linesOf(doc.note)} s={s} body={body} />
          </View>
        ) : null}

        {doc.sections
          .filter((section) => !section.emphasis)
          .map((section) => (
            <Section key={section.id} section={section} s={s} body={body} />
          ))}

        <View style={s.footer} fixed>
          <Text hyphenationCallback={wholeWords}>{handoutFooterLine(doc.footer)}</Text>
          <Text
            hyphenationCallback={wholeWords}
            render={({ pageNumber, totalPages }) => `${doc.footer.disclaimer} Page ${pageNumber}\u00a0/\u00a0${totalPages}`}
          />
        </View>
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
