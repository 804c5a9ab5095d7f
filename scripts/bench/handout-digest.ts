// Prints one digest per handout of a fixed corpus (standard, large print, every
// cause, notes at the limits, and 60 letterheads, names and notes drawn by
// fast-check with a fixed seed), of what reaches the reader: every stream of
// the PDF inflated (page contents, fonts, their glyphs) and every object, the
// creation date and file ID left out. For a change to the render that must not
// change the PDF (a cache, a faster pagination): the digests before and after
// must be the same (with --rounded, the same to 0.01 pt). With --paper only
// what is printed counts (page contents and fonts; not the structure tree, the
// metadata, the marked-content operators that tag what is drawn): a change to
// the tagging must leave these the same. Each handout is drawn twice in a row
// and again after the whole corpus, so a cache that leaked one document into
// another would show.
// `npx tsx scripts/bench/handout-digest.ts > before.txt`, change, again, diff.
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { renderHandoutPdf } from '../../electron/main/handout/pdf/document'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { composeHandout } from '../../shared/handout/compose'
import { LETTERHEAD_LIMITS, NOTE_LINES_MAX, NOTE_MAX, PATIENT_NAME_MAX, type HandoutOptions } from '../../shared/handout/options'
import { standardSelection } from '../../shared/handout/selection'
import { handoutWithLongestNote } from './handout-doc'
import { digest, paperDigest } from './pdf-digest'

const resourcesDir = resolve(import.meta.dirname, '../../resources')
const DATE = new Date(Date.UTC(2026, 10, 25, 12))
const { kb } = await loadKnowledgeBase(resourcesDir)
const LETTERHEAD = { name: 'Cabinet médical du Parc', address: '12 rue des Lilas\n75011 Paris', phone: '01 23 45 67 89' }
/** The bench's longest note (40 lines, the most characters allowed). */
const NOTE_AT_LIMIT = handoutWithLongestNote(kb).note ?? ''

const every = [...kb.causes, ...kb.differentials].map((c) => c.id)
const standard: HandoutOptions = { ...standardSelection(kb), patientName: 'Mme Exemple', note: '', largePrint: false, alerts: [] }
const fixed: [string, HandoutOptions, typeof LETTERHEAD][] = [
  ['standard', standard, LETTERHEAD],
  ['large print', { ...standard, largePrint: true }, LETTERHEAD],
  ['longest note', { ...standard, note: NOTE_AT_LIMIT }, LETTERHEAD],
  ['longest note, large print', { ...standard, note: NOTE_AT_LIMIT, largePrint: true }, LETTERHEAD],
  ['every cause and advice', { ...standard, causes: every, advice: kb.advice.map((a) => a.id), largePrint: true }, LETTERHEAD],
  [
    'nothing ticked',
    { causes: [], advice: [], patientName: '', note: '', largePrint: false, alerts: [] },
    { name: '', address: '', phone: '' },
  ],
  ['3,000 characters', { ...standard, note: 'Buvez un grand verre d’eau le matin et le soir. '.repeat(70).slice(0, NOTE_MAX) }, LETTERHEAD],
]

const PIECES = [
  'Maison',
  'de',
  'santé',
  'pluriprofessionnelle',
  'Villeneuve-Saint-Georges',
  'Jean-Baptiste',
  'Zoé',
  '94190',
  'x'.repeat(45),
  '😀',
  'שלום',
  '\u00a0',
]
const words = (max: number) =>
  fc.oneof(
    fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((ws) => ws.join(' ').slice(0, max)),
    fc.string({ unit: 'grapheme', maxLength: max }),
  )
const lines = (maxChars: number, maxLines: number) =>
  fc.array(words(200), { maxLength: maxLines }).map((ls) => ls.join('\n').slice(0, maxChars))
const drawn = fc.sample(
  fc.record({
    letterhead: fc.record({
      name: words(LETTERHEAD_LIMITS.name),
      address: lines(LETTERHEAD_LIMITS.address, LETTERHEAD_LIMITS.addressLines),
      phone: words(LETTERHEAD_LIMITS.phone),
    }),
    patientName: words(PATIENT_NAME_MAX),
    note: fc.oneof(fc.constant(''), lines(NOTE_MAX, NOTE_LINES_MAX)),
    largePrint: fc.boolean(),
    causes: fc.subarray(every),
  }),
  { numRuns: 60, seed: 12 },
)
const corpus = [
  ...fixed,
  ...drawn.map((d, i): [string, HandoutOptions, typeof LETTERHEAD] => [
    `drawn ${i}`,
    { causes: d.causes, advice: [], patientName: d.patientName, note: d.note, largePrint: d.largePrint, alerts: [] },
    d.letterhead,
  ]),
]

// `--only name` draws that one handout, and `--out file.pdf` writes it.
const only = process.argv.indexOf('--only')
if (only > 0) {
  const entry = corpus.find(([name]) => name === process.argv[only + 1])
  if (!entry) throw new Error(`no handout named ${process.argv[only + 1]}`)
  corpus.splice(0, corpus.length, entry)
  console.error(JSON.stringify(entry))
}
const out = process.argv.indexOf('--out')

const once = async ([, options, letterhead]: (typeof corpus)[number]) => {
  const { pdf } = await renderHandoutPdf(composeHandout(kb, options, letterhead, DATE), resourcesDir)
  if (out > 0) await writeFile(process.argv[out + 1] as string, pdf)
  const rounded = process.argv.includes('--rounded')
  return process.argv.includes('--paper') ? paperDigest(pdf, rounded) : digest(pdf, rounded)
}
const first: string[] = []
for (const entry of corpus) {
  const a = await once(entry)
  const b = await once(entry)
  first.push(a === b ? a : `${a} then ${b}`)
}
for (const [i, entry] of corpus.entries()) {
  const again = await once(entry)
  console.log(`${entry[0]}: ${first[i]}${again === first[i]?.slice(0, 16) ? '' : ` later ${again}`}`)
}
