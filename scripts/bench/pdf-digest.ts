// A digest of what a PDF shows its reader: every stream inflated (page
// contents, fonts and their glyphs) and every object, without the creation
// date and file ID, which change at every render.
import { createHash } from 'node:crypto'
import { inflateSync } from 'node:zlib'

/** What changes at every render: the creation date (an object of its own, and in the XMP metadata) and the file ID. */
const VARYING = /\(D:\d{14}Z\)|\/ID \[[^\]]*\]|<xmp:CreateDate>[^<]*<\/xmp:CreateDate>/gu

/** Objects between streams: rounded, the compressed lengths and offsets they hold are left out too. */
const outside = (text: string, rounded: boolean): string =>
  rounded ? text.replace(VARYING, '').replace(/\/Length \d+|\d{10} \d{5} [nf]|startxref\s+\d+/gu, '') : text.replace(VARYING, '')

/**
 * The PDF without what changes at every render, every stream inflated.
 * `rounded`: the numbers of the streams rounded to 0.01 pt, so that a change
 * moving a box by a float's last digits (Yoga computes in 32-bit floats) keeps
 * the digest, and one moving anything a reader could see does not.
 */
export function digest(pdf: Uint8Array, rounded = false): string {
  const text = Buffer.from(pdf).toString('latin1')
  const hash = createHash('sha256')
  const stream = /(?<!end)stream\r?\n/gu
  let at = 0
  for (let m = stream.exec(text); m; m = stream.exec(text)) {
    const start = m.index + m[0].length
    const end = text.indexOf('endstream', start)
    hash.update(outside(text.slice(at, m.index), rounded))
    const body = Buffer.from(pdf.subarray(start, end))
    let inflated: Buffer
    try {
      inflated = inflateSync(body)
    } catch {
      // Not deflated: the XMP metadata (a tagged handout's), with its creation date.
      inflated = Buffer.from(body.toString('latin1').replace(VARYING, ''), 'latin1')
    }
    hash.update(rounded ? inflated.toString('latin1').replace(/-?\d+\.\d+/gu, (n) => Number(n).toFixed(2)) : inflated)
    at = end
  }
  hash.update(outside(text.slice(at), rounded))
  return hash.digest('hex').slice(0, 16)
}

/** Marked-content operators: they tag what is drawn and draw nothing. */
const MARKED_CONTENT = /^(?:\/\w+ <<[^>]*>> BDC|\/\w+ BMC|EMC)\n/gmu

/**
 * A digest of what a PDF puts on paper: its streams (page contents, fonts and
 * their glyphs) inflated, in order, without the marked-content operators, the
 * XMP metadata and the fonts' CIDSet (a list of the glyphs a subset holds,
 * which pdfkit's PDF/UA mode adds). Two PDFs that draw the same pages with the
 * same fonts have the same one, whether or not one of them is tagged (its
 * structure tree and object numbers sit outside these streams).
 */
export function paperDigest(pdf: Uint8Array, rounded = false): string {
  const text = Buffer.from(pdf).toString('latin1')
  const undrawn = new Set(Array.from(text.matchAll(/\/(?:Metadata|CIDSet) (\d+) 0 R/gu), (m) => m[1]))
  const hash = createHash('sha256')
  const stream = /(?<!end)stream\r?\n/gu
  for (let m = stream.exec(text); m; m = stream.exec(text)) {
    const start = m.index + m[0].length
    const object = /(\d+) 0 obj(?![\s\S]*\d+ 0 obj)/u.exec(text.slice(Math.max(0, m.index - 4096), m.index))?.[1]
    if (object !== undefined && undrawn.has(object)) continue
    const body = Buffer.from(pdf.subarray(start, text.indexOf('endstream', start)))
    let inflated: string
    try {
      inflated = inflateSync(body).toString('latin1')
    } catch {
      inflated = body.toString('latin1')
    }
    const drawn = inflated.replace(MARKED_CONTENT, '')
    hash.update(rounded ? drawn.replace(/-?\d+\.\d+/gu, (n) => Number(n).toFixed(2)) : drawn, 'latin1')
  }
  return hash.digest('hex').slice(0, 16)
}
