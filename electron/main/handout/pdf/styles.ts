// The handout's look shared by its parts: the page and its margins, ink and
// accent colours, line heights, the print size. Each part keeps its own styles
// beside it (defineStyles), made for the print of the handout in hand, which
// the document gives them all (PrintContext): its size, its font, the cuts of
// its words.
//
// Line height is set on each text, never inherited from the page or a view:
// react-pdf then drops the page-number text (render prop) and doubles it on views.
import type { Styles } from '@react-pdf/renderer'
import { createContext, useContext } from 'react'
import type { WordCutters } from './text'

const INK = '#1a1a1a'
export const ACCENT = '#1d3d6b'
export const ALERT = '#8f1d1d'
export const RULE = '#9aa5b1'
/** The page's left and right margin (pt); the footer keeps to it. */
export const MARGIN = 56

/** Line height in points: a unitless number is not a plain multiplier in react-pdf 4.9. */
export const leading = (fontSize: number, ratio = 1.45): string => `${Math.round(fontSize * ratio * 10) / 10}pt`

/** Body text size in points. */
export const bodySize = (largePrint: boolean): number => (largePrint ? 14 : 12)

/** Paragraphs short enough to be kept whole ("wrap={false}" on a block taller than a page leaves an empty page). */
const KEEP_WHOLE_CHARS = 600
export const fitsOnAPage = (text: string): boolean => text.length <= KEEP_WHOLE_CHARS

/** The print of one handout: what every part's styles and text follow. */
export interface Print {
  largePrint: boolean
  /** The bundled font's family. */
  family: string
  /** Body text size in points (bodySize). */
  body: number
  /** How words are cut at the end of a line, measured with the bundled font. */
  words: WordCutters
}

export const PrintContext = createContext<Print | null>(null)

export function usePrint(): Print {
  const print = useContext(PrintContext)
  if (!print) throw new Error('A part of the handout is drawn outside its document')
  return print
}

/**
 * A part's styles, as a hook: made once per print size and font family and
 * frozen. A frozen style object cannot change, so react-pdf (patched, see
 * patches/@react-pdf+layout+5.2.0.patch) resolves it once for every node,
 * relayout and render that uses it.
 */
export function defineStyles<T extends Styles>(make: (print: Omit<Print, 'words'>) => T): () => T {
  const made = new Map<string, T>()
  return () => {
    const { largePrint, family, body } = usePrint()
    const key = `${largePrint} ${family}`
    const styles = made.get(key) ?? deepFreeze(make({ largePrint, family, body }))
    made.set(key, styles)
    return styles
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) deepFreeze(child)
  return Object.freeze(value)
}

/** The page: the font, the body size and the margins. */
export const usePageStyles = defineStyles(({ largePrint, family, body }) => ({
  page: {
    fontFamily: family,
    fontSize: body,
    color: INK,
    paddingTop: 48,
    paddingBottom: largePrint ? 78 : 70,
    paddingHorizontal: MARGIN,
    textAlign: 'left',
  },
}))
