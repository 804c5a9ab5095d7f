// Lines of text laid out once, then reused by every render that lays out the
// same text in the same style at the same width. react-pdf lays out every
// text of the handout again on every render (shaping, hyphenation, line
// breaking: the largest part of a render), though a preview redrawn after a
// tick changes one section. patches/@react-pdf+layout+5.2.0.patch (applied by
// patch-package after npm install) lets the caller put a cache on react-pdf's
// font store: react-pdf hands it the text layout engine's whole input (the
// attributed string: every run's text and style, the fonts among them; the
// container: width, height, line limit; the options: hyphenation) and a
// function that lays it out. Without the patch the cache is never asked, and
// renders are the same, only slower.
import { Font } from '@react-pdf/renderer'
import { Lru } from './lru'

type Layout = () => unknown[]
type TextLayoutCache = (attributedString: unknown, container: unknown, options: unknown, layout: Layout) => unknown[]

/** Distinct (text, style, width) kept: a handout has a few hundred; a typed note adds some at every key. */
const LAYOUTS_KEPT = 2_000

const layouts = new Lru<string, unknown[]>(LAYOUTS_KEPT)

/** A number per object or function that is not plain data (a font, a hyphenation callback); never reused. */
const identities = new WeakMap<object, number>()
let lastIdentity = 0
function identity(value: object): number {
  let id = identities.get(value)
  if (id === undefined) {
    id = ++lastIdentity
    identities.set(value, id)
  }
  return id
}

const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null || Array.isArray(value)
}

/**
 * The key of a layout: everything the engine reads, by value where it is
 * plain data and by identity otherwise (a font object, a callback), so two
 * inputs that could lay out differently never share a key. `undefined` and
 * the non-finite numbers (a container's height is often Infinity) are kept
 * apart from `null`, which JSON would make of them.
 */
function keyOf(input: unknown): string {
  return JSON.stringify(input, function (this: unknown, _key, value: unknown) {
    if (value === undefined) return '\u0000undefined'
    if (typeof value === 'number' && !Number.isFinite(value)) return `\u0000${value}`
    if (typeof value === 'function') return `\u0000fn${identity(value)}`
    if (typeof value === 'object' && value !== null && !isPlain(value)) return `\u0000obj${identity(value)}`
    return value
  })
}

/**
 * Freezes the plain objects and arrays of a layout (lines, runs, positions,
 * boxes), not the fonts and glyphs they point to: react-pdf copies what it
 * changes, and a frozen layout makes code that would change it fail rather
 * than change a later render.
 */
function freeze(value: unknown, seen = new Set<object>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value) || !isPlain(value)) return
  seen.add(value)
  for (const child of Object.values(value)) freeze(child, seen)
  Object.freeze(value)
}

const cachedLayout: TextLayoutCache = (attributedString, container, options, layout) =>
  layouts.through(keyOf([attributedString, container, options]), () => {
    const lines = layout()
    freeze(lines)
    return lines
  })

/** Puts the cache on react-pdf's font store (once; the same cache for every render of the process). */
export function cacheTextLayout(): void {
  ;(Font as unknown as { textLayoutCache?: TextLayoutCache }).textLayoutCache = cachedLayout
}

/** For tests: how many layouts are kept. */
export const textLayoutsKept = (): number => layouts.size
