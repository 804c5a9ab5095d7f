// What the handout can print: the code points its font draws (font-coverage.ts,
// made from resources/fonts). The knowledge base's text is checked against it
// when it is loaded: a pack whose red flag holds a character the font lacks
// would otherwise block every handout (they all carry the red flags), with a
// message asking the clinician to remove what they never typed.
import { guillemets } from '../text/french'
import { FONT_COVERAGE } from './font-coverage'

/**
 * Line and paragraph separators: besides CR and LF, a manual line break pasted
 * from a word processor (\v), a form feed, NEL, U+2028/2029. Each is the line
 * break the clinician typed (a space in a one-line field); dropped, they glued
 * « Ligne un » to « Ligne deux ».
 */
const SEPARATORS = '\\n\\r\\v\\f\\u0085\\u2028\\u2029'
export const LINE_SEPARATOR = new RegExp(`^(?:\\r\\n|[${SEPARATORS}])$`, 'u')
/** Where a typed text's lines end, for splitting it: every separator above, CR LF as one. */
export const LINE_ENDS = new RegExp(`\\r\\n|[${SEPARATORS}]`, 'u')
/**
 * Characters no one sees, taken out of what is printed: zero-width spaces and
 * joiners, direction marks and overrides (they would reorder text), variation
 * selectors, fillers, soft hyphens (the handout hyphenates French by itself).
 * Drawn, the font's empty glyphs read back as spaces (« Mar tin »).
 */
export const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu
/** Characters the font lacks, printed as the one a reader takes them for. */
export const STAND_INS: Readonly<Record<string, string>> = { '\u2212': '-' }

const escaped = (cp: number): string => `\\u{${cp.toString(16)}}`
const FONT_CLASS = FONT_COVERAGE.map(([from, to]) => `${escaped(from)}-${escaped(to)}`).join('')
const STAND_IN_CLASS = Object.keys(STAND_INS)
  .map((ch) => escaped(ch.codePointAt(0) as number))
  .join('')
/**
 * One character the handout cannot print: outside the font's ranges and neither
 * invisible nor given a stand-in, or a control whatever glyph the font maps it to;
 * tab and line separators aside (the layout makes them a space and a line break).
 * One native pattern, so that checking 10,000 entries' text at load costs a scan,
 * not a lookup per character.
 */
const UNPRINTABLE = new RegExp(
  `[^\\t${SEPARATORS}\\p{Default_Ignorable_Code_Point}${STAND_IN_CLASS}${FONT_CLASS}]|(?![\\t${SEPARATORS}])\\p{Cc}`,
  'gu',
)

/** The characters of `text` a handout cannot print, each once, in order: those the font lacks, and controls but line separators. */
export function unprintableChars(text: string): string[] {
  return [...new Set(text.match(UNPRINTABLE))]
}

const SHOWN = 5

/** Why a text of the content cannot be printed, naming its characters (and their code, for the invisible ones). */
export function unprintableContentMessage(characters: readonly string[]): string {
  const named = characters.slice(0, SHOWN).map((ch) => {
    const code = `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`
    return /^\p{Cc}$/u.test(ch) ? code : `${guillemets(ch)} (${code})`
  })
  const more = characters.length > SHOWN ? ` et ${characters.length - SHOWN} autre${characters.length - SHOWN > 1 ? 's' : ''}` : ''
  const one = characters.length === 1
  return `${one ? 'Caractère' : 'Caractères'} que la police des fiches ne peut pas imprimer\u00a0: ${named.join(', ')}${more}. ${one ? 'Remplacez-le' : 'Remplacez-les'}.`
}
