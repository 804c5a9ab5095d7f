// The handout as a screen reader gets it: a tagged PDF/UA-1 file, read back by
// poppler (`pdfinfo`, `pdfinfo -struct-text`) and pdf.js (`getStructTree()`),
// which share no code with the pdfkit that wrote it. The structure tree holds
// every visible text in reading order, artifacts aside; headings and lists
// are what they look like; and the machine-checkable PDF/UA-1 conditions hold
// for handouts fast-check draws.
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { resolve } from 'node:path'
import { composeHandout, handoutFooterLine, type HandoutDocument } from '../../shared/handout/compose'
import type { HandoutOptions, Letterhead } from '../../shared/handout/options'
import { standardSelection } from '../../shared/handout/selection'
import { conditionsOf, type KnowledgeBase } from '../../shared/kb/types'
import { renderHandoutPdf } from '../../electron/main/handout/pdf/document'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { letterhead, note, patientName } from './arbitraries'
import {
  elementsOf,
  headingProblems,
  listProblems,
  pdfjsPages,
  pdfUaProblems,
  popplerStructure,
  structureText,
  visibleContent,
} from './pdf-structure'
import { pdfInfo, pdfPages, searchable } from './pdf-tools'
import { paperDigest } from '../../scripts/bench/pdf-digest'

const resourcesDir = resolve(import.meta.dirname, '../../resources')
const DATE = new Date(2026, 11, 1, 12)
const LETTERHEAD: Letterhead = { name: 'Cabinet du Parc', address: '12 rue des Lilas\n75011 Paris', phone: '01 23 45 67 89' }
/** Long enough, in large print, to push the end of the warning signs overleaf. */
const LONG_LETTERHEAD: Letterhead = {
  name: 'Maison de santé pluriprofessionnelle de Villeneuve-Saint-Georges et des communes voisines',
  address: '12 rue des Lilas\nBâtiment B, 2e étage\nEntrée par la cour\n94190 Villeneuve-Saint-Georges\nFrance',
  phone: '01 23 45 67 89',
}

let kb: KnowledgeBase
beforeAll(async () => {
  kb = (await loadKnowledgeBase(resourcesDir)).kb
})

async function render(options: HandoutOptions, lh: Letterhead): Promise<{ doc: HandoutDocument; pdf: Uint8Array }> {
  const doc = composeHandout(kb, options, lh, DATE)
  return { doc, pdf: (await renderHandoutPdf(doc, resourcesDir)).pdf }
}

/** Everything wrong with a handout's tagging, empty when it is right. */
async function taggingProblems(pdf: Uint8Array, doc: HandoutDocument): Promise<string[]> {
  const tree = popplerStructure(pdf)
  const pages = await pdfjsPages(pdf)
  const problems = [...pdfUaProblems(pdf, doc.metadata.language), ...headingProblems(tree), ...listProblems(tree)]
  if (tree.children.map((e) => e.role).join() !== 'Document') problems.push(`racine : ${tree.children.map((e) => e.role)}`)
  for (const [i, page] of pages.entries()) for (const text of page.untagged) problems.push(`page ${i + 1}, hors structure : ${text}`)
  const byPoppler = searchable(structureText(tree))
  const byPdfjs = searchable(pages.map((p) => p.structured).join('\n'))
  const visible = visibleContent(pdfPages(pdf), pages)
  // Compared without their spaces: the readers disagree on a space beside a soft hyphen the line did not
  // break at (« universitaire \u00ad Maison »), never on the order of what is drawn.
  // And with compatibility forms folded: one reader gives a ligature character (« ﬄ ») as it is, the other as its letters.
  const squash = (text: string): string => text.replace(/\s+/gu, '').normalize('NFKC')
  if (squash(byPoppler) !== squash(byPdfjs)) problems.push(`poppler et pdf.js lisent deux arbres :\n${byPoppler}\n${byPdfjs}`)
  // Against the page's reading order, combining marks aside: pdftotext places a mark drawn over a letter
  // by its own position (« Ḯ" » read « Ï"́ »), where the tree keeps it with its letter.
  const bare = (text: string): string => squash(text).normalize('NFKD').replace(/\p{M}/gu, '')
  if (bare(byPoppler) !== bare(visible)) problems.push(`ordre de la structure ≠ ordre de lecture :\n${byPoppler}\n${visible}`)
  return problems
}

describe('the tagged handout', () => {
  let standard: { doc: HandoutDocument; pdf: Uint8Array }
  let overleaf: { doc: HandoutDocument; pdf: Uint8Array }
  const withNote = 'Buvez un grand verre d’eau le matin.\n\nRevenez me voir dans un mois.'

  beforeAll(async () => {
    const options = { ...standardSelection(kb), patientName: 'Mme Zoé Exemple', note: '', largePrint: false, alerts: [] }
    standard = await render(options, LETTERHEAD)
    overleaf = await render({ ...options, note: withNote, largePrint: true }, LONG_LETTERHEAD)
  })

  it('says « Tagged: yes », PDF 1.7, and meets the PDF/UA-1 conditions a machine can check', () => {
    for (const { pdf, doc } of [standard, overleaf]) {
      expect(pdfInfo(pdf).tagged).toBe(true)
      expect(pdfUaProblems(pdf, doc.metadata.language)).toEqual([])
    }
  })

  it('prints exactly what the untagged handout printed: the same page contents and fonts', async () => {
    for (const { doc, pdf } of [standard, overleaf]) {
      const untagged = (await renderHandoutPdf(doc, resourcesDir, { tagged: false })).pdf
      expect(pdfInfo(untagged).tagged).toBe(false)
      expect(paperDigest(pdf)).toBe(paperDigest(untagged))
    }
  })

  it('keeps its XMP metadata well formed whatever the clinic is called (pdfkit wrote it unescaped)', async () => {
    const { pdf, doc } = await render(
      { ...standardSelection(kb), patientName: '', note: '', largePrint: false, alerts: [] },
      {
        ...LETTERHEAD,
        name: 'Cabinet Martin & Fils <Lyon>',
      },
    )
    expect(pdfInfo(pdf).author).toBe('Cabinet Martin & Fils <Lyon>')
    expect(pdfUaProblems(pdf, doc.metadata.language)).toEqual([])
  })

  it('reads the letterhead, the date and the patient first, then the H1, the main message and each section under its H2', () => {
    const { doc, pdf } = standard
    const top = (popplerStructure(pdf).children[0]?.children ?? []).map((e) => `${e.role} ${e.text}`)
    const title = top.indexOf(`H1 ${doc.title}`)
    expect(top.slice(0, title)).toEqual([
      'P Cabinet du Parc',
      'P 12 rue des Lilas',
      'P 75011 Paris',
      'P Tél.\u00a0: 01 23 45 67 89',
      `P Le ${doc.date}`,
      'P Pour\u00a0: Mme Zoé Exemple',
    ])
    expect(top.slice(title + 1, title + 2 + doc.mainMessage.length)).toEqual([`P ${doc.subtitle}`, ...doc.mainMessage.map((p) => `P ${p}`)])
    const sections = popplerStructure(pdf).children[0]?.children.filter((e) => e.role === 'Sect') ?? []
    expect(sections.map((s) => `${s.children[0]?.role} ${s.children[0]?.text}`)).toEqual(doc.sections.map((s) => `H2 ${s.heading}`))
  })

  it('holds every visible text, in reading order, artifacts aside; poppler and pdf.js read the same tree', async () => {
    expect(await taggingProblems(standard.pdf, standard.doc)).toEqual([])
    expect(await taggingProblems(overleaf.pdf, overleaf.doc)).toEqual([])
  })

  it('lists hold their items, each a label and a body, the warning signs first', () => {
    const tree = popplerStructure(standard.pdf)
    const lists = elementsOf(tree).filter((e) => e.role === 'L')
    const warning = standard.doc.sections.find((s) => s.emphasis)
    const signs = warning?.content.flatMap((c) => (c.type === 'list' ? c.items : [])) ?? []
    expect(lists[0]?.children.map((li) => li.children.map((c) => `${c.role} ${c.text}`))).toEqual(
      signs.map((i) => ['Lbl •', `LBody ${i.text}`]),
    )
    expect(listProblems(tree)).toEqual([])
  })

  it('marks each page’s footer an artifact, and the warning signs’ heading drawn again overleaf', async () => {
    const { doc, pdf } = overleaf
    const pages = await pdfjsPages(pdf)
    const visible = pdfPages(pdf)
    expect(visible[1]?.startsWith(searchable('Quand consulter un médecin'))).toBe(true)
    pages.forEach((page, i) => {
      const artifacts = searchable(page.artifacts.join('\n'))
      expect(artifacts).toContain(searchable(handoutFooterLine(doc.footer)))
      expect(artifacts).toContain(searchable(`Page ${i + 1} / ${pages.length}`))
    })
    expect(searchable(pages[1]?.artifacts.join('\n') ?? '')).toContain(searchable('Quand consulter un médecin'))
    const headings = elementsOf(popplerStructure(pdf)).filter((e) => e.role === 'H2' && e.text === 'Quand consulter un médecin')
    expect(headings).toHaveLength(1)
  })

  it('gives the note its H2 and each typed line a paragraph, a blank line none', () => {
    const tree = popplerStructure(overleaf.pdf)
    const noteSection = tree.children[0]?.children.find((e) => e.role === 'Sect' && e.children[0]?.text === 'Note de votre soignant')
    expect(noteSection?.children.map((e) => `${e.role} ${e.text}`)).toEqual([
      'H2 Note de votre soignant',
      'P Buvez un grand verre d’eau le matin.',
      'P Revenez me voir dans un mois.',
    ])
  })

  it('breaks the note’s lines where any line separator was pasted, and reads invisible characters as nothing', async () => {
    // A manual line break from a word processor (\v), a form feed, NEL, U+2028/2029: dropped, they glued
    // « Ligne un » to « Ligne deux »; zero-width characters and direction marks read as spaces (« Mar tin »).
    const separators = ['\v', '\f', '\u0085', '\u2028', '\u2029']
    const lines = ['Ligne un', 'Ligne deux', 'Ligne trois', 'Ligne quatre', 'Ligne cinq', 'Ligne six']
    const note = lines.map((line, i) => `${line}${separators[i] ?? ''}`).join('')
    const options = { causes: [], advice: [], alerts: [], largePrint: false, patientName: 'Mar\u200btin\u200e Zo\u200de\u2060', note }
    const { pdf } = await render(options, LETTERHEAD)
    const tree = popplerStructure(pdf)
    const noteSection = tree.children[0]?.children.find((e) => e.role === 'Sect' && e.children[0]?.text === 'Note de votre soignant')
    expect(noteSection?.children.slice(1).map((e) => `${e.role} ${e.text}`)).toEqual(lines.map((l) => `P ${l}`))
    expect(structureText(tree)).toContain('Martin Zoe')
    expect(pdfPages(pdf).join('\n')).toContain('Martin Zoe')
  })

  it('holds for any letterhead, name, note, causes, advice, red flags present and print size (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        letterhead,
        patientName,
        note,
        fc.boolean(),
        fc.subarray(conditionsOf(kb).map((c) => c.id)),
        fc.subarray(kb.advice.map((a) => a.id)),
        fc.subarray(kb.findings.filter((f) => f.redFlag).map((f) => f.id)),
        async (drawnLh, drawnName, drawnNote, largePrint, causes, advice, alerts) => {
          // Without soft hyphens and runs of spaces (no-break spaces among them): they make pdftotext
          // (the reading-order oracle) put the halves of a word broken at a line end, or the words
          // after a wide gap, in the wrong place. The layout test draws them.
          const plain = (text: string): string => text.replaceAll('\u00ad', '').replace(/[^\S\n]{2,}/gu, ' ')
          const lh = { name: plain(drawnLh.name), address: plain(drawnLh.address), phone: plain(drawnLh.phone) }
          const [name, typed] = [plain(drawnName), plain(drawnNote)]
          const { doc, pdf } = await render({ causes, advice, patientName: name, note: typed, largePrint, alerts }, lh)
          expect(await taggingProblems(pdf, doc)).toEqual([])
          const untagged = (await renderHandoutPdf(doc, resourcesDir, { tagged: false })).pdf
          expect(paperDigest(pdf), 'the same on paper as untagged').toBe(paperDigest(untagged))
        },
      ),
      // 15 drawn handouts (~2 s each on two cores, drawn tagged and untagged); a failure's shrinking is cut at 2 minutes, reported as a failure.
      { numRuns: 15, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
    )
  }, 240_000)
})
