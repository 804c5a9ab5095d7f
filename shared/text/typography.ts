// French typography for displayed text. Pure and idempotent: running it twice
// gives the same text. Applied to what the clinician types (patient name, note,
// letterhead) and to the handout's text; verbatim quotes of the article are
// never passed through it.

import { NBSP, NNBSP } from './french'

/** Breaking spaces only: the no-break ones are what this module puts in. */
const BREAKING = '[ \\t]'
/** A character after which a punctuation mark is "glued" to a word. */
const WORDISH = '[^\\s;:!?«»]'
/** What may follow a mark for it to be French punctuation rather than part of a URL or a time. */
const AFTER = '(?=[\\s»)\\]"”’.,]|$)'

const RULES: readonly [RegExp, string][] = [
  // ’ between two letters: l'eau → l’eau, aujourd'hui → aujourd’hui.
  [/(\p{L})'(?=\p{L})/gu, '$1’'],
  // Before ":" a no-break space; never in "10:30" or "https://" (nothing or no space after).
  [new RegExp(`${BREAKING}+:${AFTER}`, 'gu'), `${NBSP}:`],
  [new RegExp(`(${WORDISH}):${AFTER}`, 'gu'), `$1${NBSP}:`],
  [new RegExp(`${NNBSP}:${AFTER}`, 'gu'), `${NBSP}:`],
  // Before ; ! ? a narrow no-break space, once per run ("?!" stays together).
  [new RegExp(`(?:${BREAKING}|${NBSP})+([;!?]+)${AFTER}`, 'gu'), `${NNBSP}$1`],
  [new RegExp(`(${WORDISH})([;!?]+)${AFTER}`, 'gu'), `$1${NNBSP}$2`],
  // Inside « » a no-break space on each side.
  [new RegExp(`«(?:${BREAKING}|${NNBSP})*(?=[^\\s])`, 'gu'), `«${NBSP}`],
  [new RegExp(`(?<=[^\\s])(?:${BREAKING}|${NNBSP})*»`, 'gu'), `${NBSP}»`],
]

export function frenchTypography(text: string): string {
  let out = text
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement)
  return out
}
