// The handout's layout, read back from the real PDF (word positions by
// pdftotext -bbox-layout), for inputs nobody chose: fast-check draws
// letterheads, patient names and notes — long, short, hyphenated, accented,
// any Unicode, at the limits — and the invariants must hold in standard and
// large print: no two lines overlap, no text leaves the margins, every red flag
// is there, no page but the last is under a third full, the warning signs start
// on page 1 (the letterhead's bounds leave room for them), no hyphen is printed twice.
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { resolve } from 'node:path'
import { composeHandout } from '../../shared/handout/compose'
import { LETTERHEAD_LIMITS, PATIENT_NAME_MAX, type HandoutOptions, type Letterhead } from '../../shared/handout/options'
import { standardSelection } from '../../shared/handout/selection'
import { conditionsOf, type KnowledgeBase } from '../../shared/kb/types'
import { renderHandoutPdf } from '../../electron/main/handout/pdf/document'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { letterhead, note, patientName } from './arbitraries'
import { emptyBoxes, laidOutPages, overlappingWords, wordsOutside, type LaidOutPage } from './pdf-layout'
import { searchable } from './pdf-tools'

const resourcesDir = resolve(import.meta.dirname, '../../resources')
const DATE = new Date(2026, 11, 1, 12)
/** The page’s margins (pdf/styles.ts): 56 pt left and right, 48 pt at the top, the footer 24 pt above the bottom. */
const MARGIN = { side: 56, top: 48, bottom: 20 }
const PADDING_BOTTOM = { standard: 70, large: 78 }

let kb: KnowledgeBase
beforeAll(async () => {
  kb = (await loadKnowledgeBase(resourcesDir)).kb
})

/** The pages, the headings the handout has (its sections', the note's), and its boxes drawn empty. */
type LaidOut = LaidOutPage[] & { headings: readonly string[]; emptyBoxes: readonly string[] }

async function layout(options: HandoutOptions, letterhead: Letterhead): Promise<LaidOut> {
  const doc = composeHandout(kb, options, letterhead, DATE)
  const headings = [...doc.sections.map((s) => s.heading), ...(doc.note ? [NOTE_HEADING] : [])]
  const { pdf } = await renderHandoutPdf(doc, resourcesDir)
  return Object.assign(laidOutPages(pdf), { headings, emptyBoxes: emptyBoxes(pdf) })
}

const NOTE_HEADING = 'Note de votre soignant'

/** Every invariant at once; a list of what broke, empty when all hold. */
function broken(pages: LaidOut, largePrint: boolean): string[] {
  const problems: string[] = []
  const bodyBottom = (p: LaidOutPage) => p.height - (largePrint ? PADDING_BOTTOM.large : PADDING_BOTTOM.standard)
  const filled = (page: LaidOutPage): number => {
    const body = page.lines.filter((l) => l.yMax <= bodyBottom(page) + 0.5)
    return (Math.max(...body.map((l) => l.yMax)) - MARGIN.top) / (bodyBottom(page) - MARGIN.top)
  }
  pages.forEach((page, i) => {
    const n = i + 1
    for (const pair of overlappingWords(page)) problems.push(`page ${n}: chevauchement ${pair}`)
    const area = { xMin: MARGIN.side, xMax: page.width - MARGIN.side, yMin: MARGIN.top, yMax: page.height - MARGIN.bottom }
    for (const word of wordsOutside(page, area)) problems.push(`page ${n}: hors marges ${word}`)
    if (n < pages.length && filled(page) < 1 / 3) problems.push(`page ${n}: remplie à ${Math.round(filled(page) * 100)} %`)
    // A heading never ends a page, on one line or two: what it heads follows it.
    const body = page.lines.filter((l) => l.yMax <= bodyBottom(page) + 0.5).map((l) => searchable(l.text))
    const ends = [body.at(-1), body.slice(-2).join(' ')]
    if (n < pages.length && pages.headings.some((h) => ends.includes(searchable(h)))) problems.push(`page ${n}: finit sur un titre`)
    const lines = page.lines.map((l) => l.text)
    // A compound broken at its own hyphen, the hyphen printed twice. Only where a
    // part has two letters or more: « a-b-c-d… » has no place to break that is
    // not next to one of its hyphens.
    lines.forEach((text, j) => {
      const next = lines[j + 1] ?? ''
      if (
        /\p{L}{2}--|--\p{L}{2}/u.test(text) ||
        (/-$/u.test(text) && /^-/u.test(next) && (/\p{L}{2}-$/u.test(text) || /^-\p{L}{2}/u.test(next)))
      ) {
        problems.push(`page ${n}: trait d’union doublé « ${text} »`)
      }
    })
  })
  // No piece of a box is drawn on a page without a line of its text (its padding alone).
  for (const piece of pages.emptyBoxes) problems.push(`boîte vide, ${piece}`)
  const text = searchable(pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n'))
  for (const flag of kb.findings.filter((f) => f.redFlag))
    if (!text.includes(searchable(flag.label))) problems.push(`signe d’alerte absent : ${flag.label}`)
  // The warning signs start on page 1, with their first sign, whatever the letterhead (within its bounds), name or note.
  const first = searchable(pages[0]?.lines.map((l) => l.text).join('\n') ?? '')
  const firstSign = kb.findings.find((f) => f.redFlag)
  if (!first.includes(searchable('Quand consulter un médecin')) || !firstSign || !first.includes(searchable(firstSign.label))) {
    problems.push('les signes d’alerte ne commencent pas en page 1')
  }
  return problems
}

describe('the handout’s layout, for inputs nobody chose', () => {
  it('with the letterhead at its limits, the longest name, large print: the warning signs on page 1', async () => {
    const lh = {
      name: 'Maison de santé pluriprofessionnelle universitaire '.repeat(4).slice(0, LETTERHEAD_LIMITS.name),
      address: Array.from(
        { length: LETTERHEAD_LIMITS.addressLines },
        (_, i) => `Dr Anne-Sophie Martin-Durand ${i}, médecine générale, bâtiment C`,
      )
        .join('\n')
        .slice(0, LETTERHEAD_LIMITS.address),
      phone: '04 72 00 00 00 · secrétariat 04 72 00 00 01 · urgences 15 · fax 04 72 00 00 02'.slice(0, LETTERHEAD_LIMITS.phone),
    }
    const options = {
      ...standardSelection(kb),
      patientName: 'Mme Marie-Thérèse de La Rochefoucauld-Montmorency '.repeat(5).slice(0, PATIENT_NAME_MAX),
      note: '',
      largePrint: true,
      alerts: kb.findings.filter((f) => f.redFlag).map((f) => f.id),
    }
    expect(broken(await layout(options, lh), true)).toEqual([])
  }, 60_000)

  it('with a letterhead of the widest letters within its limits: the warning box never left as its heading alone', async () => {
    // The limits count characters, not width: « WWWWWWW » words fill the page's top, and the box's
    // heading (drawn again on each page the box spans) fitted at the foot of page 1 with none of its signs.
    const lh = {
      name: Array.from({ length: 19 }, () => 'WWWWWWW')
        .join(' ')
        .slice(0, LETTERHEAD_LIMITS.name),
      address: Array.from({ length: LETTERHEAD_LIMITS.addressLines }, () => 'W'.repeat(60)).join('\n'),
      phone: 'W'.repeat(LETTERHEAD_LIMITS.phone),
    }
    const options = {
      ...standardSelection(kb),
      patientName: Array.from({ length: 22 }, () => 'WWWWWWWW')
        .join(' ')
        .slice(0, PATIENT_NAME_MAX),
      note: '',
      largePrint: true,
      alerts: kb.findings.filter((f) => f.redFlag).map((f) => f.id),
    }
    const pages = await layout(options, lh)
    // The box goes whole overleaf: the one invariant such a letterhead cannot keep is the signs on page 1.
    expect(broken(pages, true)).toEqual(['les signes d’alerte ne commencent pas en page 1'])
    const heading = searchable('Quand consulter un médecin')
    expect(pages.map((p) => p.lines.filter((l) => searchable(l.text) === heading).length)).toEqual([0, 1, 0])
  }, 60_000)

  it('a warning box whose text all fits on page 1 is not drawn again overleaf as its heading alone', async () => {
    // Its bottom padding and rule went to page 2, where its repeated heading was drawn in an empty
    // red frame above the note: the longest name, a note at its limit, large print, two alerts.
    const note = Array.from({ length: 40 }, (_, i) => `Ligne ${i} : buvez un verre d eau, reposez la jambe, revenez si douleur.`).join(
      '\u2028',
    )
    const options = {
      ...standardSelection(kb),
      patientName: 'Marie-Thérèse\u200b de La Rochefoucauld\u2028'.repeat(10).slice(0, PATIENT_NAME_MAX),
      note,
      largePrint: true,
      alerts: ['fievre', 'douleur-mollet'],
    }
    const pages = await layout(options, { name: '', address: '', phone: '' })
    expect(broken(pages, true)).toEqual([])
    const heading = searchable('Quand consulter un médecin')
    expect(pages.map((p) => p.lines.filter((l) => searchable(l.text) === heading).length)).toEqual([1, 0, 0, 0])
  }, 60_000)

  it('with the letterhead that once collided, standard and large print', async () => {
    const lh = {
      name: 'Maison de santé pluriprofessionnelle universitaire de Villeneuve-Saint-Georges – Valenton',
      address: 'Centre commercial des Temps-Durables, bâtiment C, 2e étage\n94190 Villeneuve-Saint-Georges',
      phone: '01 23 45 67 89',
    }
    for (const largePrint of [false, true]) {
      const options = {
        ...standardSelection(kb),
        patientName: 'M. Jean-Baptiste de La Rochefoucauld-Montmorency',
        note: '',
        largePrint,
        alerts: [],
      }
      expect(broken(await layout(options, lh), largePrint)).toEqual([])
    }
  }, 60_000)

  it('a link and an e-mail address that fit on a line are never cut (a cut prints a hyphen in them)', async () => {
    const url = 'https://www.doctolib.fr/medecin-generaliste/lyon/anne-martin'
    const mail = 'secretariat.docteur-martin@maisondesante-tilleuls.fr'
    for (const largePrint of [false, true]) {
      const note = `Pour prendre rendez-vous en ligne : ${url}\nOu écrivez au secrétariat : ${mail}`
      const lh = { name: 'Maison de santé des Tilleuls', address: `12 avenue du Général-Leclerc\n${mail}`, phone: url }
      const pages = await layout({ ...standardSelection(kb), patientName: '', note, largePrint, alerts: [] }, lh)
      const words = pages.flatMap((p) => p.lines.flatMap((l) => l.words.map((w) => w.text)))
      expect(words.filter((w) => w === url).length, `${largePrint}`).toBeGreaterThanOrEqual(2)
      expect(words.filter((w) => w === mail).length, `${largePrint}`).toBeGreaterThanOrEqual(2)
      expect(words).toContain('Général-Leclerc')
      expect(broken(pages, largePrint)).toEqual([])
    }
  }, 60_000)

  it('with nothing ticked, every cause ticked, and each print size', async () => {
    const every = conditionsOf(kb).map((c) => c.id)
    for (const largePrint of [false, true]) {
      for (const causes of [[], every]) {
        const options = {
          causes,
          advice: causes.length ? kb.advice.map((a) => a.id) : [],
          patientName: '',
          note: '',
          largePrint,
          alerts: [],
        }
        expect(
          broken(await layout(options, { name: '', address: '', phone: '' }), largePrint),
          `${causes.length} causes, ${largePrint}`,
        ).toEqual([])
      }
    }
  }, 60_000)

  it('a name with a soft hyphen between two spaces, in large print, stays within the margins', async () => {
    // Drawn by the property below: the line after the break started 1 pt left of the margin.
    const patientName =
      'a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t Cabinet-Médical \u00ad xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx Martin & Fils <Lyon> שלום'
    const options = { causes: [], advice: [], patientName, note: 'mot '.repeat(750).trim(), largePrint: true, alerts: [] }
    expect(broken(await layout(options, { name: '', address: '', phone: '' }), true)).toEqual([])
  }, 60_000)

  it('a note whose first paragraph is too long to keep whole starts on the page of its heading', async () => {
    // Found reading a handout: the heading stayed alone at the foot of page 1, in an empty box.
    const note = 'Boire régulièrement dans la journée, surtout en cas de chaleur ou d’effort, et noter quand les contractions surviennent. '
      .repeat(8)
      .trim()
    const options = { ...standardSelection(kb), patientName: 'Jeanne Dupont-Martin', note, largePrint: true, alerts: ['fievre'] }
    const pages = await layout(options, { name: '', address: '', phone: '' })
    expect(broken(pages, true)).toEqual([])
    const pageOf = (text: string) => pages.findIndex((p) => p.lines.some((l) => searchable(l.text).includes(searchable(text))))
    expect(pageOf('Boire régulièrement dans')).toBe(pageOf(NOTE_HEADING))
  }, 60_000)

  it('a note that fits at the foot of a page keeps its box whole there, not its last rule alone overleaf', async () => {
    // Found scanning handouts: the box's bottom padding and rule, drawn alone at the top of page 2.
    const note = 'Boire régulièrement dans la journée, surtout en cas de chaleur ou d’effort. '.repeat(2).trim()
    const options = { ...standardSelection(kb), patientName: 'Jean Test', note, largePrint: false, alerts: [] }
    const pages = await layout(options, { name: 'Cabinet du Parc', address: '12 rue des Lilas\n75011 Paris', phone: '01 23 45 67 89' })
    expect(pages.length).toBeGreaterThan(1)
    expect(broken(pages, false)).toEqual([])
  }, 60_000)

  it('a note whose heading does not fit at the foot of a page takes its whole box overleaf', async () => {
    // Drawn by the property below: the heading went overleaf, its box's top stayed, empty, on page 1.
    const lh = { name: 'Maison', address: `${'Maison'.repeat(33)}Ma\nMaison\n!`, phone: '01 23 45 67 89' }
    const options = {
      causes: [],
      advice: [],
      patientName: 'Maison',
      note: 'mot '.repeat(750).slice(0, 2999),
      largePrint: false,
      alerts: [],
    }
    expect(broken(await layout(options, lh), false)).toEqual([])
  }, 60_000)

  it('holds for any letterhead, name and note (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        letterhead,
        patientName,
        note,
        fc.boolean(),
        fc.subarray(conditionsOf(kb).map((c) => c.id)),
        fc.subarray(kb.findings.filter((f) => f.redFlag).map((f) => f.id)),
        async (lh, name, typed, largePrint, causes, alerts) => {
          const options = { causes, advice: [], patientName: name, note: typed, largePrint, alerts }
          expect(broken(await layout(options, lh), largePrint)).toEqual([])
        },
      ),
      // 30 drawn handouts (~1 s each on two cores); a failure's shrinking is cut at 2 minutes, reported as a failure.
      { numRuns: 30, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
    )
  }, 240_000)
})
