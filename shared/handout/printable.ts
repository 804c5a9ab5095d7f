// What the handout can print: the code points its font draws (font-coverage.ts,
// made from resources/fonts). The knowledge base's text is checked against it
// when it is loaded: a pack whose red flag holds a character the font lacks
// would otherwise block every handout (they all carry the red flags), with a
// message asking the clinician to remove what they never typed.
import { guillemets } from '../text/french'
import { FONT_COVERAGE } from './font-coverage'

const escaped = (cp: number): string => `\\u{${cp.toString(16)}}`
const FONT_CLASS = FONT_COVERAGE.map(([from, to]) => `${escaped(from)}-${escaped(to)}`).join('')
/**
 * One character the handout cannot print: outside the font's ranges, or a
 * control whatever glyph the font maps it to; tab and line feed aside (the
 * layout makes them a space and a line break). One native pattern, so that
 * checking 10,000 entries' text at load costs a scan, not a lookup per character.
 */
const UNPRINTABLE = new RegExp(`[^\\t\\n${FONT_CLASS}]|(?![\\t\\n])\\p{Cc}`, 'gu')

/** The characters of `text` a handout cannot print, each once, in order: those the font lacks, and controls. */
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
