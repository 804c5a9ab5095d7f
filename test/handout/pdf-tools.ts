// Reads a PDF back with poppler-utils (pdftotext, pdfinfo, pdffonts) and
// pdfminer's pdf2txt, which keeps U+00A0 and U+202F (pdftotext turns them into spaces).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function withFile<T>(pdf: Uint8Array, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'mollet-pdf-'))
  const path = join(dir, 'fiche.pdf')
  writeFileSync(path, pdf)
  try {
    return run(path)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 })

/** What a poppler tool prints for the PDF, in UTF-8 (`pdfinfo -struct-text`, `pdfinfo -meta`). */
export function pdfTool(pdf: Uint8Array, cmd: string, args: string[]): string {
  return withFile(pdf, (path) => run(cmd, ['-enc', 'UTF-8', ...args, path]))
}

/** Text by pdftotext, made searchable (see `searchable`). */
export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (path) => searchable(run('pdftotext', ['-enc', 'UTF-8', path, '-'])))
}

/** Text of each page by pdftotext, made searchable. */
export function pdfPages(pdf: Uint8Array): string[] {
  const pages = pdfInfo(pdf).pages
  return withFile(pdf, (path) =>
    Array.from({ length: pages }, (_, i) =>
      searchable(run('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), path, '-'])),
    ),
  )
}

/** Text by pdf2txt (pdfminer), no-break spaces kept. */
export function pdfTextKeepingSpaces(pdf: Uint8Array): string {
  return withFile(pdf, (path) => run('pdf2txt', [path]))
}

/**
 * For looking a passage up in a PDF's text: hyphens dropped (a word broken at
 * the end of a line comes back whole), every run of spaces (no-break ones too)
 * and line ends folded to one space. Apply it to both sides of a comparison.
 */
export function searchable(text: string): string {
  return text
    .replace(/[-\u00ad]\s*\n\s*/gu, '')
    .replace(/[-\u00ad]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
}

export interface PdfInfo {
  pages: number
  width: number
  height: number
  title: string
  author: string
  /** « Tagged: yes »: the catalog's MarkInfo says Marked true. */
  tagged: boolean
  version: string
}

export function pdfInfo(pdf: Uint8Array): PdfInfo {
  const out = withFile(pdf, (path) => run('pdfinfo', ['-enc', 'UTF-8', path]))
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'mu').exec(out)?.[1]?.trim() ?? ''
  const size = /^Page size:\s*([\d.]+) x ([\d.]+) pts/mu.exec(out)
  return {
    pages: Number(field('Pages')),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    title: field('Title'),
    author: field('Author'),
    tagged: field('Tagged') === 'yes',
    version: field('PDF version'),
  }
}

export interface PdfFont {
  name: string
  embedded: boolean
  /** A ToUnicode map: its text can be read back (by a screen reader too). */
  toUnicode: boolean
}

export function pdfFonts(pdf: Uint8Array): PdfFont[] {
  const out = withFile(pdf, (path) => run('pdffonts', [path]))
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const cols = line.trim().split(/\s+/u)
      // name type... encoding emb sub uni id gen: "emb" is the 5th column from the end, "uni" the 3rd.
      return { name: cols[0] as string, embedded: cols[cols.length - 5] === 'yes', toUnicode: cols[cols.length - 3] === 'yes' }
    })
}

/** The most common height of a word box (pdftotext -bbox): the body text's size, in points. */
export function bodyWordHeight(pdf: Uint8Array): number {
  const out = withFile(pdf, (path) => run('pdftotext', ['-bbox', path, '-']))
  const counts = new Map<number, number>()
  for (const m of out.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/gu)) {
    const h = Math.round((Number(m[2]) - Number(m[1])) * 10) / 10
    counts.set(h, (counts.get(h) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
}

/** A page drawn in grey levels (0 black … 255 white). */
export interface GreyPage {
  width: number
  height: number
  pixels: Uint8Array
}

/** Each page drawn by pdftoppm at `dpi`, in grey (PGM, read here without any image library). */
export function greyPages(pdf: Uint8Array, dpi = 72): GreyPage[] {
  return withFile(pdf, (path) => {
    const prefix = join(path, '..', 'page')
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', path, prefix])
    const files = readdirSync(join(path, '..'))
      .filter((f) => f.startsWith('page') && f.endsWith('.pgm'))
      .sort()
    return files.map((f) => readPgm(readFileSync(join(path, '..', f))))
  })
}

function readPgm(bytes: Buffer): GreyPage {
  // "P5" width height maxval, each followed by one whitespace, then the raster.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/u.exec(bytes.subarray(0, 64).toString('latin1'))
  if (header?.[3] !== '255') throw new Error('PGM inattendu')
  const width = Number(header[1])
  const height = Number(header[2])
  return { width, height, pixels: new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height)) }
}

/**
 * Share of `block` × `block` squares whose mean grey differs by more than
 * `tolerance` levels, over the area both pages cover. Squares, not pixels: the
 * same text drawn by two renderers (a 300 dpi image scaled down, vector glyphs)
 * differs at every glyph edge, while a missing, shifted or other page differs
 * over whole lines. Pages more than one pixel apart in size differ whole (A4
 * in points is not a whole number: one PDF may round it up, another down).
 */
export function differingShare(a: GreyPage, b: GreyPage, block = 8, tolerance = 32): number {
  if (Math.abs(a.width - b.width) > 1 || Math.abs(a.height - b.height) > 1) return 1
  const columns = Math.floor(Math.min(a.width, b.width) / block)
  const rows = Math.floor(Math.min(a.height, b.height) / block)
  const mean = (page: GreyPage, bx: number, by: number): number => {
    let sum = 0
    for (let y = by * block; y < (by + 1) * block; y++) {
      for (let x = bx * block; x < (bx + 1) * block; x++) sum += page.pixels[y * page.width + x] as number
    }
    return sum / (block * block)
  }
  let differing = 0
  for (let by = 0; by < rows; by++)
    for (let bx = 0; bx < columns; bx++) if (Math.abs(mean(a, bx, by) - mean(b, bx, by)) > tolerance) differing++
  return differing / (rows * columns)
}
