// The bundled Noto Sans, registered with react-pdf once per resources folder
// (the caller passes it in: never a path relative to this file, which moves
// when built), with what the text fitting needs to know of it.
import { Font } from '@react-pdf/renderer'
import { join } from 'node:path'
import { Lru } from './lru'

const FONT_FAMILY = 'Noto Sans'
const FONT_FILES = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const
const FONTS_DIR = 'fonts'

export interface BundledFont {
  /** Family name in react-pdf's (global) font store, one per resources folder. */
  family: string
  /** Whether every weight draws a code point (react-pdf 4.9 crashes on one it cannot). */
  covers: (codePoint: number) => boolean
  /** Width in points of a text set in the bold face at `size` (the widest the handout uses). */
  boldWidth: (text: string, size: number) => number
  /**
   * A width in points the text set in bold at `size` never exceeds: its
   * characters' own advances plus half again (kerning and substitutions move a
   * run by far less), without shaping it. For a cheap "surely fits" test.
   */
  boldWidthAtMost: (text: string, size: number) => number
}

const bundled = new Map<string, Promise<BundledFont>>()
let registrations = 0

/** Registers and loads the bundled font of a resources folder, once. */
export function bundledFont(resourcesDir: string): Promise<BundledFont> {
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
  // Before the caches below: measuring a word is memoised by the caller (text.ts).
  const boldLayout = bold.layout.bind(bold)
  for (const face of faces) keepShapes(face as unknown as Face)
  const covered = new Lru<number, boolean>(CODE_POINTS_KEPT)
  return {
    family,
    covers: (codePoint) => covered.through(codePoint, () => faces.every((face) => face.hasGlyphForCodePoint(codePoint))),
    boldWidth: (text, size) => (boldLayout(text).advanceWidth / bold.unitsPerEm) * size,
    boldWidthAtMost: (text, size) => {
      let units = 0
      for (const ch of text) units += bold.glyphForCodePoint(ch.codePointAt(0) as number).advanceWidth
      return ((units * 1.5) / bold.unitsPerEm) * size
    },
  }
}

const CODE_POINTS_KEPT = 10_000

/** What of a fontkit font (react-pdf's `Font.getFont(…).data`) the caches below wrap. */
interface Face {
  /** The name table (read once, so that fontkit has parsed it). */
  name: unknown
  layout(text: string, ...options: unknown[]): GlyphRun
  createSubset(): Subset
}
interface GlyphRun {
  glyphs: unknown[]
  positions: object[]
}
interface Subset {
  glyphs: number[]
  encode(): Uint8Array
}

/**
 * Shaped runs kept across renders, per face: textkit (react-pdf's text
 * layout) shapes every run of every text with fontkit on every render, and
 * shaping with Noto Sans costs about 2 ms a word. Keyed by the run's string
 * and every other argument (features, script, language, direction), so a run
 * comes out as fontkit would shape it. The run is frozen: textkit and
 * react-pdf's renderer copy positions before changing them, and a frozen run
 * makes any code that would not fail rather than change a later render.
 * Bounded: a typed note adds new runs at every key.
 */
const RUNS_KEPT = 2_000
/** Encoded subsets kept per face (one per glyph list: a new glyph or a new order is another subset). */
const SUBSETS_KEPT = 16

function keepShapes(face: Face): void {
  const layout = face.layout.bind(face)
  const runs = new Lru<string, GlyphRun>(RUNS_KEPT)
  face.layout = (text, ...options) =>
    runs.through(
      `${JSON.stringify(options, (_key, value: unknown) => (value === undefined ? '\u0000undefined' : value))}\u0000${text}`,
      () => {
        const run = layout(text, ...options)
        for (const position of run.positions) Object.freeze(position)
        Object.freeze(run.positions)
        Object.freeze(run.glyphs)
        return Object.freeze(run)
      },
    )
  // pdfkit opens the font again for every run react-pdf draws, then keeps the
  // first one it opened when both have the same checksum and the same name
  // records, compared as JSON (isEqualFont): the records' JSON is made once.
  void face.name
  const names = (face as unknown as { _tables?: { name?: { records?: object } } })._tables?.name?.records
  if (names && !('toJSON' in names)) {
    const json = JSON.stringify(names)
    Object.defineProperty(names, 'toJSON', { value: () => json })
  }
  // The subset pdfkit embeds, encoded once per list of glyphs (the ids it
  // holds, in the order pdfkit numbered them): the same handout drawn again
  // embeds the same bytes without fontkit re-encoding its glyph tables.
  const createSubset = face.createSubset.bind(face)
  const encoded = new Lru<string, Uint8Array>(SUBSETS_KEPT)
  face.createSubset = () => {
    const subset = createSubset()
    const encode = subset.encode.bind(subset)
    subset.encode = () => encoded.through(subset.glyphs.join(','), encode)
    return subset
  }
}
