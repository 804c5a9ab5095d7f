// The bundled Noto Sans, registered with react-pdf once per resources folder
// (the caller passes it in: never a path relative to this file, which moves
// when built), with what the text fitting needs to know of it.
import { Font } from '@react-pdf/renderer'
import { join } from 'node:path'

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
  return {
    family,
    covers: (codePoint) => faces.every((face) => face.hasGlyphForCodePoint(codePoint)),
    boldWidth: (text, size) => (bold.layout(text).advanceWidth / bold.unitsPerEm) * size,
    boldWidthAtMost: (text, size) => {
      let units = 0
      for (const ch of text) units += bold.glyphForCodePoint(ch.codePointAt(0) as number).advanceWidth
      return ((units * 1.5) / bold.unitsPerEm) * size
    },
  }
}
