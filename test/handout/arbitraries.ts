// What fast-check draws for a handout's typed fields (layout.test.ts,
// tagged.test.ts): inputs a clinic types, and worse.
import fc from 'fast-check'
import { LETTERHEAD_LIMITS, NOTE_LINES_MAX, NOTE_MAX, PATIENT_NAME_MAX } from '../../shared/handout/options'

// Inputs a clinic types, and worse: words of French names and places, long
// compounds, any Unicode, at the fields' limits.
const PIECES = [
  'Maison',
  'de',
  'santé',
  'pluriprofessionnelle',
  'universitaire',
  'Villeneuve-Saint-Georges',
  '–',
  'Valenton',
  'Cabinet-Médical',
  'Martin & Fils <Lyon>',
  'Jean-Baptiste',
  'de La Rochefoucauld-Montmorency',
  'Dr',
  'Zoé',
  'Œdipe',
  'bâtiment C,',
  '2e étage',
  '94190',
  'Temps-Durables',
  'Saint-Rémy-lès-Chevreuse',
  'anticonstitutionnellement',
  'x'.repeat(45),
  'a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t',
  '😀',
  'שלום',
  'مرحبا',
  '中文',
  'Ⅻ',
  '\u00ad',
  '\u00a0',
]
const words = (max: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((ws) => ws.join(' ').slice(0, max)) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: max }) },
    { weight: 1, arbitrary: fc.constantFrom(...PIECES).map((p) => p.repeat(Math.ceil(max / p.length)).slice(0, max)) },
  )
const lines = (maxChars: number, maxLines: number) =>
  fc.array(words(200), { maxLength: maxLines }).map((ls) => ls.join('\n').slice(0, maxChars))

export const letterhead = fc.record({
  name: words(LETTERHEAD_LIMITS.name),
  address: lines(LETTERHEAD_LIMITS.address, LETTERHEAD_LIMITS.addressLines),
  phone: fc.oneof(fc.constant('01 23 45 67 89'), words(LETTERHEAD_LIMITS.phone)),
})
export const patientName = words(PATIENT_NAME_MAX)
export const note = fc.oneof(fc.constant(''), lines(NOTE_MAX, NOTE_LINES_MAX), fc.constant('mot '.repeat(NOTE_MAX / 4).trim()))
