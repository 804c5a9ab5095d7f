// Text made drawable before layout: what the font lacks, control characters,
// line breaks, and where words may be cut (French hyphenation, overlong runs).
import { syllables as frenchSyllables } from '@react-pdf/hyphenate/fr'
import { INVISIBLE, LINE_ENDS, LINE_SEPARATOR, STAND_INS } from '../../../../shared/handout/printable'
import type { BundledFont } from './fonts'
import { Lru } from './lru'

const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' })

/** Lines of a text typed with line breaks; each becomes its own Text (no '\n' reaches the layout). */
export function linesOf(text: string): string[] {
  return text.split(LINE_ENDS).map((l) => l.trim())
}

/** Control characters (an escape sequence pasted from a terminal, a NUL): nothing to print. */
const CONTROL = /^\p{Cc}$/u
/**
 * Text the bundled font can draw (as shared/handout/printable.ts says): tabs as
 * spaces, line separators kept in a multi-line field (drawn line by line) and
 * spaces elsewhere, runs of spaces as one, controls and invisible characters dropped,
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
    if (LINE_SEPARATOR.test(segment)) {
      out += multiline ? '\n' : ' '
      continue
    }
    if (CONTROL.test(segment)) continue
    const seen = segment.replace(INVISIBLE, '')
    if (seen === '') continue
    const drawn = STAND_INS[seen] ?? seen
    if ([...drawn].every((ch) => covers(ch.codePointAt(0) as number))) out += drawn
    else {
      unprintable(segment)
      out += '\ufffd'
    }
  }
  // One space where several were typed, or were left around a dropped character: react-pdf
  // starts the line after a break between two spaces left of the margin.
  return out.replace(/ {2,}/gu, ' ')
}

/** Fields typed on several lines; every other string is drawn as one paragraph. */
const MULTILINE_FIELDS = new Set(['note', 'address'])

/** The same document with every string passed through `fitString`. */
export function mapStrings<T>(value: T, fitString: (s: string, multiline: boolean) => string, key = ''): T {
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

/**
 * A word's pieces are kept across renders: react-pdf asks for every word of
 * every text on every render, and measuring a word shapes it with fontkit
 * (about 2 ms a word). Bounded: a note types new words at every key.
 */
const WORDS_KEPT = 20_000

/** A hyphen of the text itself: a break next to one would print it twice (react-pdf adds its own at every break). */
const HYPHEN_LIKE = /^[-\u2010\u2011\u2012\u2013\u2014]$/u

function cutOverlong(word: string, fitsOnALine: (word: string) => boolean): string[] {
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
function frenchPieces(word: string, cut: (word: string) => string[]): string[] {
  if (/[\p{Lu}\d/@.:_]/u.test(word.replace(/[.,;:!?…»)\u00a0\u202f]+$/u, ''))) return Object.freeze(cut(word)) as string[]
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
  return Object.freeze(merged.flatMap(cut)) as string[]
}

/** How a text's words may be cut at the end of a line (react-pdf's hyphenationCallback). */
export interface WordCutters {
  /** Running text: French hyphenation, and an overlong run cut. */
  french: (word: string) => string[]
  /** Headings, names, the letterhead: never hyphenated, only an overlong run is cut. */
  whole: (word: string) => string[]
}

function cutters(fitsOnALine: (word: string) => boolean): WordCutters {
  const hyphenated = new Lru<string, string[]>(WORDS_KEPT)
  const kept = new Lru<string, string[]>(WORDS_KEPT)
  const cut = (word: string) => cutOverlong(word, fitsOnALine)
  return {
    french: (word) => hyphenated.through(word, (w) => frenchPieces(w, cut)),
    whole: (word) => kept.through(word, (w) => Object.freeze(cut(w)) as string[]),
  }
}

const cuttersOf = new WeakMap<BundledFont, WordCutters>()

/**
 * The cutters of the font in use, made once per font and kept with it (the
 * cuts depend on its widths): the same functions every render, so that a
 * text laid out before is found again (text-layout-cache.ts).
 */
export function wordCutters(font: BundledFont): WordCutters {
  const made =
    cuttersOf.get(font) ??
    cutters((word) => font.boldWidthAtMost(word, WIDEST_SIZE) <= NARROWEST_COLUMN || font.boldWidth(word, WIDEST_SIZE) <= NARROWEST_COLUMN)
  cuttersOf.set(font, made)
  return made
}

/** French hyphenation without a font (the word functions alone): a word of 30 characters or more is cut. */
export const hyphenateFrench = cutters((word) => word.length <= 30).french
