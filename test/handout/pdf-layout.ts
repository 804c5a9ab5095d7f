// Where the text of a PDF stands, read back with poppler (pdftotext
// -bbox-layout): every word's box and line, page by page. For the invariants
// of the handout's layout: no two lines overlap, nothing leaves the margins,
// pages are filled.
import { execFileSync } from 'node:child_process'
import { withFile } from './pdf-tools'

export interface Box {
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}
export interface Word extends Box {
  text: string
}
export interface Line extends Box {
  words: Word[]
  text: string
}
export interface LaidOutPage {
  width: number
  height: number
  lines: Line[]
}

const attr = (tag: string, name: string): number => Number(new RegExp(`${name}="([\\d.-]+)"`, 'u').exec(tag)?.[1])
const box = (tag: string): Box => ({ xMin: attr(tag, 'xMin'), yMin: attr(tag, 'yMin'), xMax: attr(tag, 'xMax'), yMax: attr(tag, 'yMax') })
const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&')

export function laidOutPages(pdf: Uint8Array): LaidOutPage[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 << 20 }).toString('utf8')
  return [...html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/gu)].map(([, pageAttrs, body]) => ({
    width: attr(pageAttrs as string, 'width'),
    height: attr(pageAttrs as string, 'height'),
    lines: [...(body as string).matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/gu)].map(([, lineAttrs, lineBody]) => {
      const words = [...(lineBody as string).matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/gu)].map(([, w, text]) => ({
        ...box(w as string),
        text: unescapeXml(text as string),
      }))
      return { ...box(lineAttrs as string), words, text: words.map((w) => w.text).join(' ') }
    }),
  }))
}

/**
 * The ink of a word: its box without the font's ascender and descender room
 * (a quarter of its height above and below), so that two lines set at a
 * normal leading do not count as overlapping, while two words drawn on the
 * same place do.
 */
function ink(b: Box): Box {
  const trim = (b.yMax - b.yMin) / 4
  return { xMin: b.xMin, xMax: b.xMax, yMin: b.yMin + trim, yMax: b.yMax - trim }
}

const intersect = (a: Box, b: Box): boolean =>
  Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.5 && Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5

/** Pairs of words of different lines whose ink overlaps, as "word1 / word2". */
export function overlappingWords(page: LaidOutPage): string[] {
  const words = page.lines.flatMap((line, l) => line.words.map((w) => ({ w, l, ink: ink(w) })))
  const found: string[] = []
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i] as (typeof words)[number]
      const b = words[j] as (typeof words)[number]
      if (a.l !== b.l && intersect(a.ink, b.ink)) found.push(`${a.w.text} / ${b.w.text}`)
    }
  }
  return found
}

/** Words that stand outside the rectangle `area` (0.5 pt of tolerance). */
export function wordsOutside(page: LaidOutPage, area: Box): string[] {
  return page.lines
    .flatMap((l) => l.words)
    .filter((w) => w.xMin < area.xMin - 0.5 || w.xMax > area.xMax + 0.5 || w.yMin < area.yMin - 0.5 || w.yMax > area.yMax + 0.5)
    .map((w) => `${w.text} (${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)}, ${w.yMin.toFixed(1)}–${w.yMax.toFixed(1)})`)
}

/**
 * The ruled or shaded boxes (a box's left side, a background) drawn on a page
 * with no line of text inside: a piece of a box split between two pages that
 * holds only its padding. Read with pdfminer (pdf2txt's XML: drawings and
 * text lines, in points from the bottom of the page), not poppler, which
 * reports text only. As "page N: y0–y1".
 */
export function emptyBoxes(pdf: Uint8Array): string[] {
  const xml = withFile(pdf, (path) => execFileSync('pdf2txt', ['-t', 'xml', path], { maxBuffer: 64 << 20 }).toString('utf8'))
  const bbox = (tag: string): Box => {
    const [xMin, yMin, xMax, yMax] = (/bbox="([^"]+)"/u.exec(tag)?.[1] ?? '').split(',').map(Number) as [number, number, number, number]
    return { xMin, yMin, xMax, yMax }
  }
  const found: string[] = []
  for (const [, id, body] of xml.matchAll(/<page id="(\d+)"[^>]*>([\s\S]*?)<\/page>/gu)) {
    const lines = [...(body as string).matchAll(/<textline [^>]*>/gu)].map(([tag]) => bbox(tag))
    const sides = [...(body as string).matchAll(/<curve [^>]*>/gu)]
      .map(([tag]) => bbox(tag))
      // Left sides only: a right side has its box's text to its left.
      .filter((b) => b.xMax - b.xMin < 0.5 && b.yMax - b.yMin > 1 && b.xMin < 300)
    const fills = [...(body as string).matchAll(/<rect [^>]*>/gu)].map(([tag]) => bbox(tag)).filter((b) => b.xMax - b.xMin > 300)
    for (const piece of [...sides, ...fills]) {
      const holds = lines.some((l) => l.xMin > piece.xMin && l.yMin >= piece.yMin - 1 && l.yMax <= piece.yMax + 1)
      if (!holds) found.push(`page ${id}: ${Math.round(piece.yMin)}–${Math.round(piece.yMax)}`)
    }
  }
  return found
}
