// The handout PDF made from the real knowledge base, read back with
// pdftotext / pdfinfo / pdffonts / pdf2txt.
import { beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { composeHandout, handoutBodyBlocks, type HandoutDocument } from '../../shared/handout/compose'
import { LETTERHEAD_LIMITS, NOTE_MAX, type HandoutOptions, type Letterhead } from '../../shared/handout/options'
import { standardSelection } from '../../shared/handout/selection'
import { conditionsOf, type KnowledgeBase } from '../../shared/kb/types'
import { kandelMoles } from '../../shared/text/readability'
import { NBSP, NNBSP } from '../../shared/text/french'
import { renderHandoutPdf } from '../../electron/main/handout/pdf/document'
import { fitToFont, hyphenateFrench } from '../../electron/main/handout/pdf/text'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { bodyWordHeight, pdfFonts, pdfInfo, pdfPages, pdfText, pdfTextKeepingSpaces, searchable } from './pdf-tools'

const resourcesDir = resolve(import.meta.dirname, '../../resources')
const LETTERHEAD: Letterhead = { name: 'Cabinet du Parc', address: '12 rue des Lilas\n75011 Paris', phone: '01 23 45 67 89' }
const DATE = new Date(2026, 10, 25, 12)
const EMPTY: HandoutOptions = { causes: [], advice: [], patientName: '', note: '', largePrint: false, alerts: [] }

let kb: KnowledgeBase
let standard: HandoutOptions

beforeAll(async () => {
  kb = (await loadKnowledgeBase(resourcesDir)).kb
  standard = { ...EMPTY, ...standardSelection(kb) }
})

async function render(options: HandoutOptions, letterhead = LETTERHEAD): Promise<{ doc: HandoutDocument; pdf: Uint8Array }> {
  const doc = composeHandout(kb, options, letterhead, DATE)
  return { doc, pdf: (await renderHandoutPdf(doc, resourcesDir)).pdf }
}

/**
 * Renders `docs` in turn with the bundled font loaded afresh (a resources folder of its own: no text
 * of another test drew its glyphs first, so an order-dependent fault shows); the last one's PDF.
 */
async function lastOfFreshRenders(docs: readonly HandoutDocument[]): Promise<Uint8Array> {
  const root = await mkdtemp(join(tmpdir(), 'mollet-fontkit-'))
  try {
    const fresh = join(root, 'resources')
    await symlink(resourcesDir, fresh)
    let pdf: Uint8Array = new Uint8Array()
    for (const doc of docs) pdf = (await renderHandoutPdf(doc, fresh)).pdf
    return pdf
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

const has = (text: string, passage: string): boolean => text.includes(searchable(passage))
const conditionLine = (id: string): string => {
  const c = conditionsOf(kb).find((x) => x.id === id)!
  return `${c.name}. ${c.patientExplanation}`
}
const adviceLine = (id: string): string => kb.advice.find((a) => a.id === id)!.patientText
const redFlags = (): string[] => kb.findings.filter((f) => f.redFlag).map((f) => f.label)

describe('the standard handout', () => {
  let pdf: Uint8Array
  let doc: HandoutDocument
  let text: string

  beforeAll(async () => {
    const coldStart = performance.now()
    ;({ pdf, doc } = await render(standard))
    const cold = performance.now() - coldStart
    const warmStart = performance.now()
    await render(standard)
    const warm = performance.now() - warmStart
    console.log(`Fiche standard : rendu à froid ${Math.round(cold)} ms, à chaud ${Math.round(warm)} ms, ${pdf.byteLength} octets`)
    text = pdfText(pdf)
  })

  it('is a 1–3 page A4 PDF, with title, author (the clinic) and language fr-FR', () => {
    const info = pdfInfo(pdf)
    console.log(`Fiche standard : ${info.pages} page(s)`)
    expect(info.pages).toBeGreaterThanOrEqual(1)
    expect(info.pages).toBeLessThanOrEqual(3)
    expect(info.width).toBeCloseTo(595.28, 0)
    expect(info.height).toBeCloseTo(841.89, 0)
    expect(info.title).toBe('Contractions musculaires au mollet — Fiche d’information pour le patient')
    expect(info.author).toBe('Cabinet du Parc')
    expect(Buffer.from(pdf).toString('latin1')).toContain('/Lang (fr-FR)')
  })

  it('embeds the bundled Noto Sans and no other font', () => {
    const fonts = pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThanOrEqual(2)
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true)
      expect(font.name).toMatch(/\+NotoSans-(Regular|Bold)$/u)
    }
  })

  it('holds every red flag of the knowledge base', () => {
    expect(redFlags().length).toBeGreaterThanOrEqual(8)
    for (const flag of redFlags()) expect(has(text, flag), flag).toBe(true)
  })

  it('holds the article’s red flags in the patient’s words', () => {
    for (const word of [
      'douleur',
      'picotements',
      'engourdissement',
      'faiblesse',
      'fièvre',
      'circulatoires',
      'perte de connaissance',
      'fréquentes',
      'persistantes',
    ]) {
      expect(text.toLowerCase()).toContain(word)
    }
  })

  it('holds the main message first, then each section with its heading', () => {
    const main = doc.mainMessage[0] as string
    expect(text.indexOf(searchable(main))).toBeGreaterThan(-1)
    let last = text.indexOf(searchable(main))
    for (const section of doc.sections) {
      const at = text.indexOf(searchable(section.heading), last)
      expect(at, section.heading).toBeGreaterThan(last)
      last = at
    }
  })

  it('holds the chosen causes and advice and none of the others', () => {
    const chosen = new Set(standard.causes)
    for (const c of conditionsOf(kb)) {
      expect(has(text, conditionLine(c.id)), c.id).toBe(chosen.has(c.id))
    }
    const chosenAdvice = new Set(standard.advice)
    for (const a of kb.advice) expect(has(text, a.patientText), a.id).toBe(chosenAdvice.has(a.id))
    // The advice a standard handout is expected to give.
    for (const id of ['boire-suffisamment', 'calcium-magnesium', 'alimentation-equilibree', 'recuperation', 'reduire-stress']) {
      expect(chosenAdvice.has(id), id).toBe(true)
    }
  })

  it('carries the letterhead, the date and the footer on every page', () => {
    expect(text).toContain('Cabinet du Parc')
    expect(text).toContain('12 rue des Lilas 75011 Paris Tél. : 01 23 45 67 89')
    expect(text).toContain('Le 25 novembre 2026')
    const pages = pdfInfo(pdf).pages
    const footers = text.split(searchable('Cette fiche ne remplace pas une consultation médicale.')).length - 1
    expect(footers).toBe(pages)
    expect(text).toContain(`Source : ${kb.meta!.source.title}. Édition 1. Contenu révisé le 25 novembre 2026.`)
    expect(text).toContain(`Page 1 / ${pages}`)
  })

  it('keeps French spacing in the PDF (no-break before :, narrow before ?)', () => {
    const raw = pdfTextKeepingSpaces(pdf)
    expect(raw).toContain(`Qu’est-ce que c’est${NNBSP}?`)
    expect(raw).toContain(`Tél.${NBSP}: 01 23 45 67 89`)
    expect(raw).toContain(`Le 25${NBSP}novembre 2026`)
    expect(raw).not.toContain("'")
  })

  it('reads fairly easily (Kandel & Moles ≥ 70)', () => {
    const r = kandelMoles(handoutBodyBlocks(doc))!
    console.log(
      `Lisibilité (Kandel & Moles) de la fiche standard : ${r.score} — ${r.sentences} phrases, ${r.words} mots, ` +
        `${r.wordsPerSentence} mots/phrase, ${r.syllablesPerWord} syllabes/mot`,
    )
    const perBlock = handoutBodyBlocks(doc)
      .map((b) => ({ b, s: kandelMoles([b])!.score }))
      .sort((x, y) => x.s - y.s)
      .slice(0, 3)
    console.log(`Blocs les moins lisibles : ${perBlock.map((x) => `${x.s} « ${x.b.slice(0, 60)}… »`).join(' | ')}`)
    expect(r.score).toBeGreaterThanOrEqual(70)
  })
})

describe('large print', () => {
  it('is 14 pt, still 1–3 pages, with the same content', async () => {
    const { pdf } = await render({ ...standard, largePrint: true })
    const info = pdfInfo(pdf)
    console.log(`Fiche gros caractères : ${info.pages} page(s)`)
    expect(info.pages).toBeGreaterThanOrEqual(1)
    expect(info.pages).toBeLessThanOrEqual(3)
    const text = pdfText(pdf)
    for (const flag of redFlags()) expect(has(text, flag), flag).toBe(true)
    const { pdf: normal } = await render(standard)
    expect(info.pages).toBeGreaterThanOrEqual(pdfInfo(normal).pages)
    // Body words are 14/12 as tall as in the standard handout.
    expect(bodyWordHeight(pdf) / bodyWordHeight(normal)).toBeCloseTo(14 / 12, 1)
  }, 60_000)
})

describe('tailoring', () => {
  it('a nerve and alcohol: those explained, the harmless causes left out, red flags kept', async () => {
    const causes = ['consommation-alcool', 'hernie-discale-lombaire', 'compression-nerveuse']
    const options = { ...EMPTY, causes, advice: ['traitement-causes-neurologiques'] }
    const text = pdfText((await render(options)).pdf)
    expect(has(text, adviceLine('traitement-causes-neurologiques'))).toBe(true)
    for (const id of causes) expect(has(text, conditionLine(id)), id).toBe(true)
    for (const id of standard.causes) expect(has(text, conditionLine(id)), id).toBe(false)
    for (const id of standard.advice) expect(has(text, adviceLine(id)), id).toBe(false)
    for (const flag of redFlags()) expect(has(text, flag), flag).toBe(true)
  })

  it('nothing ticked: no causes or advice section, red flags kept', async () => {
    const text = pdfText((await render(EMPTY)).pdf)
    expect(text).not.toContain('Causes fréquentes')
    expect(text).not.toContain('Ce que vous pouvez faire')
    expect(text).toContain('Quand consulter un médecin')
    for (const flag of redFlags()) expect(has(text, flag), flag).toBe(true)
  })

  it('the patient’s name and the note are printed', async () => {
    const text = pdfText((await render({ ...standard, patientName: 'Mme Dupont', note: 'Revenez me voir dans 15 jours.' })).pdf)
    expect(text).toContain('Pour : Mme Dupont')
    expect(text).toContain('Note de votre soignant Revenez me voir dans 15 jours.')
  })
})

describe('odd input still gives a valid PDF', () => {
  const noteAtLimit = 'Buvez un grand verre d’eau le matin et le soir, puis reposez-vous. '.repeat(160).slice(0, NOTE_MAX)
  it.each<[string, Partial<HandoutOptions>, Partial<Letterhead>, string[]]>([
    ['a note of 3,000 characters', { note: noteAtLimit }, {}, ['reposez-vous']],
    ['emoji', { patientName: 'Zoé 😀', note: 'Courage 💪🏽 ! 👨‍👩‍👧 à bientôt' }, { name: 'Cabinet 🌿' }, ['Zoé', 'à bientôt']],
    [
      'markup',
      { patientName: '<script>alert(1)</script>', note: '<b>gras</b> & </Page> %PDF' },
      {},
      ['<script>alert(1)</script>', '<b>gras</b> & </Page>'],
    ],
    ['right-to-left text', { patientName: 'מרים כהן', note: 'تشنج عضلي في الساق, suite en français' }, {}, ['suite en français']],
    ['empty fields', { patientName: '', note: '' }, { name: '', address: '', phone: '' }, ['Quand consulter un médecin']],
    [
      'blank and control characters',
      { patientName: '\t\n', note: 'a\u0000b\u0007c\u202e inversé\r\nligne' },
      { address: '\n\n' },
      ['abc inversé', 'ligne'],
    ],
    ['one 3,000-letter word', { note: 'x'.repeat(NOTE_MAX) }, { name: 'y'.repeat(LETTERHEAD_LIMITS.name) }, ['xxxxxxxxxxxxxxxxxxxxxxxx']],
  ])(
    '%s',
    async (_label, options, letterhead, expected) => {
      const { pdf } = await render({ ...standard, ...options }, { ...LETTERHEAD, ...letterhead })
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
      expect(Buffer.from(pdf.subarray(-6)).toString('latin1')).toContain('%%EOF')
      const info = pdfInfo(pdf)
      expect(info.pages).toBeGreaterThanOrEqual(1)
      expect(info.width).toBeCloseTo(595.28, 0)
      const text = pdfText(pdf)
      for (const passage of expected) expect(has(text, passage), passage).toBe(true)
      for (const flag of redFlags()) expect(has(text, flag), flag).toBe(true)
    },
    60_000,
  )

  it('every combining mark after a letter is drawn or named, never a crash (fontkit#367)', async () => {
    // Noto Sans has NULL anchors for some marks (U+0334–U+0338 after a letter): fontkit threw
    // while shaping them, and any handout holding one failed (patches/fontkit+2.0.4.patch).
    const blocks: [number, number][] = [
      [0x0300, 0x036f],
      [0x1ab0, 0x1aff],
      [0x1dc0, 0x1dff],
      [0x20d0, 0x20ff],
      [0xfe20, 0xfe2f],
    ]
    const marks = blocks
      .flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)))
      .filter((c) => /^\p{M}$/u.test(c)) // the blocks' code points still unassigned are not marks
    const note = marks.map((m) => `e${m} n${m} A${m} ł${m} 1${m} o${m}${m}`).join(' ')
    const { doc } = await render(standard)
    // More than the form allows (the renderer does not check limits), to try every mark in one render.
    const rendered = await renderHandoutPdf({ ...doc, patientName: 'Jean e\u0336', note }, resourcesDir)
    expect(pdfInfo(rendered.pdf).pages).toBeGreaterThanOrEqual(2)
    for (const mark of ['\u0301', '\u0334', '\u0335', '\u0336', '\u0337', '\u0338']) {
      expect(
        rendered.unprintable.filter((g) => g.includes(mark)),
        `U+${mark.codePointAt(0)?.toString(16)}`,
      ).toEqual([])
    }
    // What is named is a letter with a mark the font lacks, never a plain letter.
    for (const g of rendered.unprintable) expect(g, g).toMatch(/^\p{L}?\p{N}?\p{M}+$/u)
    expect(rendered.unprintable.length).toBeGreaterThan(0)
  }, 60_000)

  it('reads back every letter of the next handout after one drew them as parts of a composite (fontkit#154)', async () => {
    // « Ŵ » and « Ṩ » are drawn from W, S and the marks: encoding the page's font made those glyphs
    // without their characters, and fontkit kept them so; the next « W » was read as nothing.
    const withName = (name: string) => composeHandout(kb, EMPTY, { ...LETTERHEAD, name }, DATE)
    const next = await lastOfFreshRenders([withName('Ŵ Ṩ'), withName('Walter Sx\u0323')])
    expect(pdfText(next)).toContain('Walter Sx\u0323')
  }, 60_000)

  it('prints a note with ligatures typed whole (« ﬁ », « ﬂ », « ﬀ », pasted from a PDF) to its last letter', async () => {
    // The handout's own « fi » drawn first made fontkit's « fi » glyph stand for two characters; the
    // note's « ﬁ », one character, then counted two, and the note lost its last letters on paper.
    // Given to the renderer as typed: composing the handout spells such ligatures out (the test below).
    const doc = composeHandout(kb, EMPTY, LETTERHEAD, DATE)
    const next = await lastOfFreshRenders([
      { ...doc, note: 'Un fil fin, une fiole, un effort.' },
      { ...doc, note: 'Voir ﬁche du laboratoire, ﬂuide ; ﬀ et ﬁn office puis' },
    ])
    expect(pdfText(next).normalize('NFKC')).toContain('Voir fiche du laboratoire, fluide ; ff et fin office puis')
  }, 60_000)

  it('a ligature typed whole leaves the handout’s own words reading as letters', async () => {
    // The PDF maps a glyph to one text per document: the note's « ﬀ » made the article's « effort » read « eﬀort ».
    const { pdf } = await render({ ...standard, note: 'Un e\ufb00ort, e\ufb03cace.' })
    const text = pdfText(pdf)
    expect(text).toContain('Un effort, efficace.')
    expect(text).not.toMatch(/[\ufb00-\ufb06]/u)
  }, 60_000)

  it('reads a name typed with separate accents as the same name (composed before it is drawn)', async () => {
    // « ễ » as « e », « ̂ » and « ̃ » (some keyboards, a paste): the PDF maps a glyph to one text, and
    // this one had been drawn for « ễ » typed whole; the decomposed name was read « Nguyên ».
    await render({ ...EMPTY, patientName: 'Nguy\u1ec5n' })
    const { pdf } = await render({ ...EMPTY, patientName: 'Nguye\u0302\u0303n' })
    expect(pdfText(pdf)).toContain('Nguy\u1ec5n')
  }, 60_000)

  it('prints the whole note at its limit, over more pages, and keeps its blank lines', async () => {
    const note = `${Array.from({ length: 400 }, (_, i) => `mot${i}`).join(' ')} ${'fin de la note. '.repeat(500)}`
    const { pdf } = await render({ ...standard, note: note.slice(0, NOTE_MAX) })
    const text = pdfText(pdf)
    expect(text).toContain('mot0 mot1')
    expect(text).toContain('mot399')
    expect(pdfInfo(pdf).pages).toBeGreaterThan(pdfInfo((await render(standard)).pdf).pages)
    // A blank line between two lines of the note is kept: more empty lines between them in pdftotext's layout.
    const gap = async (typed: string): Promise<number> => {
      // Nothing ticked, no letterhead: the note stands whole on page 1.
      const { pdf: short } = await render({ ...standard, causes: [], advice: [], note: typed }, { name: '', address: '', phone: '' })
      const layout = execFileSync('pdftotext', ['-layout', '-', '-'], { input: short }).toString()
      const between = /Premier paragraphe\.\n((?:[ \t]*\n)*)[ \t]*Second paragraphe\./u.exec(layout)
      return between?.[1]?.split('\n').length ?? Number.NaN
    }
    expect(await gap('Premier paragraphe.\n\nSecond paragraphe.')).toBeGreaterThan(await gap('Premier paragraphe.\nSecond paragraphe.'))
  }, 60_000)
})

/** The texts of one section, as drawn (a bullet's lead and text). */
function handoutBodyBlocksOf(section: HandoutDocument['sections'][number] | undefined): string[] {
  return (section?.content ?? []).flatMap((c) =>
    c.type === 'paragraph' ? [c.text] : c.items.map((i) => (i.lead ? `${i.lead} ${i.text}` : i.text)),
  )
}

describe('page breaks', () => {
  /** The page's text without its footer ends with one of the headings. */
  const endsWithHeading = (page: string, doc: HandoutDocument): string | undefined => {
    const body = page.slice(0, page.lastIndexOf(searchable(doc.footer.source))).trim()
    return [...doc.sections.map((s) => s.heading), 'Note de votre soignant'].find((h) => body.endsWith(searchable(h)))
  }
  it.each<[string, (kb: KnowledgeBase) => Partial<HandoutOptions>]>([
    ['standard', () => ({})],
    ['large print', () => ({ largePrint: true })],
    ['with a note', () => ({ patientName: 'Mme Dupont', note: 'Revenez me voir dans 15 jours.\nPensez à boire.' })],
    [
      'two causes and a note',
      () => ({ causes: ['deshydratation', 'stress-eleve'], advice: ['boire-suffisamment'], note: 'Revenez me voir.' }),
    ],
    [
      'every cause and advice, large print',
      (kb) => ({ causes: conditionsOf(kb).map((c) => c.id), advice: kb.advice.map((a) => a.id), largePrint: true }),
    ],
  ])(
    '%s: no page ends with a heading; the warning-signs box starts on page 1, its heading on every page it spans',
    async (_label, options) => {
      const { doc, pdf } = await render({ ...standard, ...options(kb) })
      const pages = pdfPages(pdf)
      for (const [i, page] of pages.entries()) expect(endsWithHeading(page, doc), `page ${i + 1}`).toBeUndefined()
      const flags = redFlags().map(searchable)
      const consult = doc.sections.find((s) => s.emphasis)
      const heading = searchable(consult?.heading ?? '')
      // The signs with the heading, on page 1.
      expect(flags.every((f) => pages[0]?.includes(f))).toBe(true)
      expect(pages[0]).toContain(heading)
      // A part of the box overleaf starts with the box's heading again: it never reads as another notice.
      for (const [i, page] of pages.entries()) {
        const holdsPart = handoutBodyBlocksOf(consult).some((t) => page.includes(searchable(t)))
        if (holdsPart) expect(page, `page ${i + 1}`).toContain(heading)
      }
    },
    60_000,
  )
})

describe('fonts come from the resources folder the caller passes', () => {
  it('renders from another folder holding fonts/, and fails without it', async () => {
    const other = await mkdtemp(join(tmpdir(), 'mollet-resources-'))
    try {
      const doc = composeHandout(kb, standard, LETTERHEAD, DATE)
      await expect(renderHandoutPdf(doc, other)).rejects.toThrow()
      await cp(join(resourcesDir, 'fonts'), join(other, 'fonts'), { recursive: true })
      const { pdf } = await renderHandoutPdf(doc, other)
      expect(pdfFonts(pdf).every((f) => f.embedded && /NotoSans/u.test(f.name))).toBe(true)
    } finally {
      await rm(other, { recursive: true, force: true })
    }
    // And back to the repository's folder.
    expect(pdfInfo((await render(standard)).pdf).pages).toBeGreaterThanOrEqual(1)
  }, 60_000)
})

describe('fitToFont', () => {
  const covers = (cp: number) => cp < 0x2000 || cp === 0x202f || cp === 0x2019 || cp === 0xfffd
  it('keeps what the font draws, marks what it lacks, drops controls', () => {
    expect(fitToFont('Zoé 😀 👨‍👩‍👧!', covers)).toBe('Zoé \ufffd \ufffd!')
    expect(fitToFont('a\u0000b\u202ec\td', covers)).toBe('abc d')
  })
  it('keeps line breaks only in multi-line fields', () => {
    expect(fitToFont('a\r\nb\nc', covers, true)).toBe('a\nb\nc')
    // A run of spaces, typed or left around a dropped soft hyphen, is one space.
    expect(fitToFont('Médical \u00ad xx   yy', covers)).toBe('Médical xx yy')
    expect(fitToFont('a\r\nb\nc', covers)).toBe('a b c')
  })
  it('takes every line separator for a line break, or a space on one line', () => {
    const typed = 'un\vdeux\ftrois\u0085quatre\u2028cinq\u2029six'
    expect(fitToFont(typed, covers, true)).toBe('un\ndeux\ntrois\nquatre\ncinq\nsix')
    expect(fitToFont(typed, covers)).toBe('un deux trois quatre cinq six')
  })
  it('drops what no one sees, keeps the letter it followed, and names only what shows', () => {
    const named: string[] = []
    const fitted = fitToFont('Mar\u200btin\u200e \u061cZo\u200de \u3164a\ufe0fb\u180e \u2764\ufe0f', covers, false, (g) => named.push(g))
    expect(fitted).toBe('Martin Zoe ab \ufffd')
    expect(named).toEqual(['\u2764\ufe0f'])
  })
  it('prints a minus sign the font lacks as a hyphen-minus', () => {
    expect(fitToFont('\u22125 kg', covers)).toBe('-5 kg')
  })
})

describe('hyphenateFrench', () => {
  it('breaks between French syllables, 2 letters at least before and 3 after', () => {
    expect(hyphenateFrench('déshydratation')).toEqual(['déshy', 'dra', 'ta', 'tion'])
    expect(hyphenateFrench('magnésium')).toEqual(['ma', 'gné', 'sium'])
    for (const word of ['contractions', 'engourdissement', 'récupération', 'inoffensives', 'alimentation']) {
      const parts = hyphenateFrench(word)
      expect(parts.join('')).toBe(word)
      expect((parts[0] as string).length).toBeGreaterThanOrEqual(2)
      expect((parts[parts.length - 1] as string).length).toBeGreaterThanOrEqual(3)
    }
  })
  it('never breaks names, numbers, addresses, or next to an apostrophe', () => {
    for (const word of ['Dupont-Moretti', 'Creutzfeldt-Jakob', '75011', 'https://exemple.fr/page', 'cabinet@exemple.fr', 'Tél.']) {
      expect(hyphenateFrench(word)).toEqual([word])
    }
    const parts = hyphenateFrench('l’alimentation')
    expect(parts[0]!.startsWith('l’a')).toBe(true)
  })
  it('cuts an overlong run so that it stays on the page', () => {
    const parts = hyphenateFrench('x'.repeat(100))
    expect(parts.join('')).toBe('x'.repeat(100))
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(30)
  })
})
