import { describe, expect, it } from 'vitest'
import {
  HANDOUT_DISCLAIMER,
  HandoutContentError,
  HandoutSelectionError,
  composeHandout,
  handoutBodyBlocks,
  type HandoutDocument,
} from '../../shared/handout/compose'
import type { HandoutOptions } from '../../shared/handout/options'
import { standardSelection } from '../../shared/handout/selection'
import { NBSP, NNBSP, frenchLongDate } from '../../shared/text/french'
import { LETTERHEAD, fixtureKb } from './fixture'

const DATE = new Date(2026, 11, 1, 12)
const NONE: HandoutOptions = { causes: [], advice: [], patientName: '', note: '', largePrint: false, alerts: [] }

const allText = (doc: HandoutDocument): string => handoutBodyBlocks(doc).join('\n')
const sectionIds = (doc: HandoutDocument): string[] => doc.sections.map((s) => s.id)

describe('composeHandout', () => {
  const kb = fixtureKb()

  it('puts the main message first, then when to see a doctor, then the other sections', () => {
    const doc = composeHandout(kb, { ...NONE, ...standardSelection(kb) }, LETTERHEAD, DATE)
    expect(doc.mainMessage).toEqual(['Ces petites contractions du mollet sont le plus souvent sans danger.'])
    expect(sectionIds(doc)).toEqual(['quand-consulter', 'definition', 'causes', 'que-faire', 'duree'])
    expect(doc.sections.find((s) => s.id === 'duree')?.heading).toBe(`Combien de temps cela dure-t-il${NNBSP}?`)
    expect(doc.sections.find((s) => s.id === 'definition')?.heading).toBe(`Qu’est-ce que c’est${NNBSP}?`)
  })

  it('carries the chosen causes and advice and none of the others', () => {
    const doc = composeHandout(kb, { ...NONE, causes: ['stress', 'hernie-discale'], advice: ['detente'] }, LETTERHEAD, DATE)
    const text = allText(doc)
    expect(text).toContain('Stress. Le stress peut faire bouger le muscle tout seul.')
    expect(text).toContain('Hernie discale lombaire. Un disque du dos appuie sur un nerf.')
    expect(text).toContain('Essayez de réduire le stress.')
    expect(text).not.toContain('Déshydratation')
    expect(text).not.toContain('Effort intense')
    expect(text).not.toContain('Buvez assez')
    expect(text).not.toContain('Laissez le muscle')
  })

  it('calls the causes "fréquentes" only when all of them are harmless, common ones', () => {
    const heading = (causes: string[]) =>
      composeHandout(kb, { ...NONE, causes }, LETTERHEAD, DATE).sections.find((s) => s.id === 'causes')?.heading
    expect(heading(standardSelection(kb).causes)).toBe('Causes fréquentes')
    expect(heading(['stress', 'hernie-discale'])).toBe('Causes possibles')
    expect(heading(['hernie-discale'])).toBe('Causes possibles')
  })

  it('keeps every red flag, and only red flags, whatever is chosen', () => {
    for (const options of [NONE, { ...NONE, ...standardSelection(kb) }, { ...NONE, causes: ['effort'] }]) {
      const doc = composeHandout(kb, options, LETTERHEAD, DATE)
      const consult = doc.sections.find((s) => s.id === 'quand-consulter')
      expect(consult?.emphasis).toBe(true)
      // The warning signs come first, as the key points.
      expect(consult?.content[0]).toEqual({
        type: 'list',
        items: [
          { lead: null, text: 'Une douleur au mollet, à la jambe ou au dos' },
          { lead: null, text: 'De la fièvre' },
          { lead: null, text: 'Une perte de connaissance soudaine' },
        ],
      })
      expect(allText(doc)).not.toContain('Après un effort')
    }
  })

  it('leaves out the causes and advice sections when nothing is ticked', () => {
    const doc = composeHandout(kb, NONE, LETTERHEAD, DATE)
    expect(sectionIds(doc)).toEqual(['quand-consulter', 'definition', 'duree'])
  })

  it('lists chosen causes in the knowledge base order, not the order of the ticks', () => {
    const doc = composeHandout(kb, { ...NONE, causes: ['effort', 'deshydratation'] }, LETTERHEAD, DATE)
    const causes = doc.sections.find((s) => s.id === 'causes')!
    const list = causes.content.find((c) => c.type === 'list')
    expect(list?.type === 'list' && list.items.map((i) => i.lead)).toEqual(['Déshydratation.', 'Effort intense.'])
  })

  it('refuses ids the knowledge base does not hold', () => {
    const run = () => composeHandout(kb, { ...NONE, causes: ['stress', 'inconnue'], advice: ['nulle-part'] }, LETTERHEAD, DATE)
    expect(run).toThrow(HandoutSelectionError)
    expect(run).toThrow(`Choix inconnus${NBSP}: inconnue, nulle-part.`)
  })

  it('refuses to make a handout without meta or without a red flag', () => {
    expect(() => composeHandout({ ...kb, meta: null }, NONE, LETTERHEAD, DATE)).toThrow(HandoutContentError)
    const noFlags = { ...kb, findings: kb.findings.map((f) => ({ ...f, redFlag: false })) }
    expect(() => composeHandout(noFlags, NONE, LETTERHEAD, DATE)).toThrow(HandoutContentError)
  })

  it('applies French typography to what the clinician typed and to the content', () => {
    const doc = composeHandout(
      kb,
      { ...NONE, patientName: "  M. O'Brien ", note: 'Revenez dans 15 jours: promis?' },
      { name: 'Cabinet « Le Parc »', address: '', phone: '' },
      DATE,
    )
    expect(doc.patientName).toBe('M. O’Brien')
    expect(doc.note).toBe(`Revenez dans 15 jours${NBSP}: promis${NNBSP}?`)
    expect(doc.letterhead.name).toBe(`Cabinet «${NBSP}Le Parc${NBSP}»`)
    expect(doc.metadata.author).toBe(`Cabinet «${NBSP}Le Parc${NBSP}»`)
    // "Le corps manque d'eau." in the fixture gets its apostrophe.
    expect(allText(composeHandout(kb, { ...NONE, causes: ['deshydratation'] }, LETTERHEAD, DATE))).toContain('manque d’eau')
  })

  it('treats blank patient name and note as absent, and a blank letterhead as "Mollet" for the author', () => {
    const doc = composeHandout(kb, { ...NONE, patientName: '   ', note: '\n \n' }, { name: ' ', address: '', phone: '' }, DATE)
    expect(doc.patientName).toBeNull()
    expect(doc.note).toBeNull()
    expect(doc.metadata.author).toBe('Mollet')
  })

  it('dates the handout and states source, revision and that it does not replace a consultation', () => {
    const doc = composeHandout(kb, NONE, LETTERHEAD, DATE)
    expect(doc.date).toBe(`1er${NBSP}décembre 2026`)
    expect(doc.footer.source).toBe(`Source${NBSP}: Article «${NBSP}Contractions musculaires au mollet${NBSP}»`)
    expect(doc.footer.revision).toBe(`Contenu révisé le 1er${NBSP}novembre 2026`)
    // The edition it was printed from, when the content names one (this fixture does not).
    expect(doc.footer.edition).toBeNull()
    expect(composeHandout({ ...kb, meta: { ...kb.meta!, edition: '2' } }, NONE, LETTERHEAD, DATE).footer.edition).toBe('Édition 2')
    expect(doc.footer.disclaimer).toBe(HANDOUT_DISCLAIMER)
    expect(HANDOUT_DISCLAIMER).toContain('ne remplace pas une consultation')
    expect(doc.metadata).toMatchObject({ language: 'fr-FR', author: 'Cabinet du Parc' })
    expect(doc.metadata.title).toContain('Contractions musculaires au mollet')
  })

  it('carries the large-print choice', () => {
    expect(composeHandout(kb, { ...NONE, largePrint: true }, LETTERHEAD, DATE).largePrint).toBe(true)
  })
})

describe('a handout for a patient with a red flag present', () => {
  const base = fixtureKb()
  const prov = base.handout[0]?.provenance ?? []
  const kb = {
    ...base,
    findings: base.findings.map((f) => (f.id === 'douleur' ? { ...f, referral: 'neurologue' as const } : f)),
    handout: [
      {
        id: 'calme',
        section: 'message-principal' as const,
        when: 'sans-alerte' as const,
        text: 'Le plus souvent sans gravité.',
        provenance: prov,
      },
      {
        id: 'alerte',
        section: 'message-principal' as const,
        when: 'alerte' as const,
        text: 'Un médecin doit les examiner.',
        provenance: prov,
      },
      {
        id: 'neuro',
        section: 'message-principal' as const,
        when: 'alerte-neurologue' as const,
        text: 'Un examen par un neurologue est nécessaire.',
        provenance: prov,
      },
      ...base.handout.filter((b) => b.section !== 'message-principal'),
    ],
  }

  it('opens on the reassurance only without a red flag present', () => {
    expect(composeHandout(kb, { ...NONE, ...standardSelection(kb) }, LETTERHEAD, DATE).mainMessage).toEqual([
      'Le plus souvent sans gravité.',
    ])
  })

  it('opens on consulting and where the signs send the patient; marks the signs noted in the warning list', () => {
    const opening = `Un médecin doit les examiner. Ils sont marqués «${NBSP}Noté${NBSP}» ci-dessous.`
    const noted = (doc: HandoutDocument) =>
      doc.sections
        .find((s) => s.id === 'quand-consulter')
        ?.content.flatMap((c) => (c.type === 'list' ? c.items.filter((i) => i.lead !== null).map((i) => `${i.lead} ${i.text}`) : []))
    const medecin = composeHandout(kb, { ...NONE, alerts: ['fievre'] }, LETTERHEAD, DATE)
    expect(medecin.mainMessage).toEqual([opening])
    expect(medecin.referral).toBe('medecin')
    expect(noted(medecin)).toEqual([`Noté${NBSP}: De la fièvre`])
    const neurologue = composeHandout(kb, { ...NONE, alerts: ['fievre', 'douleur'] }, LETTERHEAD, DATE)
    expect(neurologue.referral).toBe('neurologue')
    expect(neurologue.mainMessage).toEqual([opening, 'Un examen par un neurologue est nécessaire.'])
    expect(noted(neurologue)).toEqual([`Noté${NBSP}: Une douleur au mollet, à la jambe ou au dos`, `Noté${NBSP}: De la fièvre`])
    expect(allText(neurologue)).not.toContain('sans gravité')
    // Without a red flag present, no sign is marked.
    expect(noted(composeHandout(kb, NONE, LETTERHEAD, DATE))).toEqual([])
  })

  it('calls the causes « possibles », never « fréquentes », with a red flag present', () => {
    const doc = composeHandout(kb, { ...NONE, ...standardSelection(kb), alerts: ['fievre'] }, LETTERHEAD, DATE)
    expect(doc.sections.find((s) => s.id === 'causes')?.heading).toBe('Causes possibles')
  })

  it('refuses an alert that is not a red flag, and a content with no opening for one', () => {
    expect(() => composeHandout(kb, { ...NONE, alerts: ['apres-effort'] }, LETTERHEAD, DATE)).toThrow(HandoutSelectionError)
    expect(() => composeHandout(base, { ...NONE, alerts: ['fievre'] }, LETTERHEAD, DATE)).toThrow(HandoutContentError)
  })
})

describe('the letterhead’s phone line', () => {
  const kb = fixtureKb()
  const phone = (typed: string) => composeHandout(kb, NONE, { ...LETTERHEAD, phone: typed }, DATE).letterhead.phone

  it('says « Tél. : » before a number, and keeps the clinician’s own words as typed', () => {
    expect(phone('04 91 00 00 00')).toMatch(/^Tél\.\u00a0: 04.91.00.00.00$/u)
    expect(phone('+33 4 91 00 00 00')).toMatch(/^Tél\.\u00a0: \+33/u)
    expect(phone('Tél. 04 91 00 00 00')).toBe('Tél. 04 91 00 00 00')
    expect(phone('Secrétariat : 04 91 00 00 00')).toMatch(/^Secrétariat\u00a0: 04/u)
    expect(phone('  ')).toBe('')
  })
})

describe('frenchLongDate', () => {
  it.each<[Date, string]>([
    [new Date(2026, 0, 1, 12), `1er${NBSP}janvier 2026`],
    [new Date(2026, 7, 15, 12), `15${NBSP}août 2026`],
  ])('%s', (date, expected) => {
    expect(frenchLongDate(date)).toBe(expected)
  })
})
