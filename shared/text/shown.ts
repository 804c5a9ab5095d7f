// Text that comes from a file nobody vouches for yet (a pack's entry names, its
// labels and ids, a key file's name), made safe to show in a terminal or on
// the screen: every control, format or unassigned character (\p{C}: ESC, NUL,
// the bidi overrides, zero-width spaces…) and the line and paragraph
// separators are written as « <U+001B> », and the text is cut to a length a
// line can hold. A refused file can then neither draw over its own refusal
// (ANSI sequences), reverse what follows it (U+202E) nor forge lines.

const HIDDEN = /[\p{C}\p{Zl}\p{Zp}]/u

/** True when `text` holds a character shown() writes out. */
export function hasHidden(text: string): boolean {
  return HIDDEN.test(text)
}

/** The longest text shown, in characters (code points), before « … ». */
const SHOWN_MAX = 80

/** `text` with its hidden characters as <U+XXXX>, cut after `max` characters. */
export function shown(text: string, max: number = SHOWN_MAX): string {
  let out = ''
  let count = 0
  for (const ch of text) {
    if (count === max) return `${out}…`
    count += 1
    out += HIDDEN.test(ch) ? `<U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}>` : ch
  }
  return out
}
