// The note for the medical record: what it says, from the marked
// findings and the knowledge base; never the patient's name or note.
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { redFlagAlert, type MarkedFindings } from '../../shared/differentials/match'
import { composeRecordNote } from '../../shared/orientation/record-note'
import type { KnowledgeBase } from '../../shared/kb/types'
import { fixtureKb } from '../differentials/fixtures'

const DATE = new Date(2026, 11, 1, 22, 15)
const NBSP = '\u00a0'
const RESOURCES = fileURLToPath(new URL('../../resources', import.meta.url))

describe('composeRecordNote on a small knowledge base', () => {
  const kb = { ...fixtureKb(), meta: null }

  it('lists the date, the findings present and absent, and the red flags left unknown', () => {
    const note = composeRecordNote(kb, { 'apres-effort': 'present', douleur: 'absent', fievre: 'absent' }, DATE, null)
    expect(note).toBe(
      [
        'Contractions musculaires au mollet — orientation',
        `Date${NBSP}: 1er${NBSP}décembre 2026`,
        '',
        `Signes présents${NBSP}: apres-effort`,
        `Signes absents${NBSP}: douleur, fievre`,
        `Signes d’alerte non vérifiés${NBSP}: picotements, perte-de-conscience`,
        '',
        'Aucun signe d’alerte présent.',
        '',
        `Probables${NBSP}:`,
        `- Carence en magnésium (concorde${NBSP}: apres-effort)`,
        `- Déshydratation (concorde${NBSP}: apres-effort)`,
      ].join('\n'),
    )
  })

  it('gives the red flags present with the advice and the referral, and the serious then probable entries', () => {
    const marked: MarkedFindings = { douleur: 'present', picotements: 'present' }
    const note = composeRecordNote(kb, marked, DATE, null)
    const alert = redFlagAlert(kb, marked)
    expect(note).toContain(
      [
        `Signes d’alerte présents${NBSP}: douleur, picotements`,
        ...(alert?.advice ?? []).map((a) => `- ${a}`),
        `Orientation conseillée${NBSP}: Avis neurologique`,
      ].join('\n'),
    )
    expect(note).toContain(
      [
        `Graves, à ne pas manquer${NBSP}:`,
        `- Hernie discale lombaire (concorde${NBSP}: douleur, picotements)`,
        `Probables${NBSP}:`,
        `- Piégeage nerveux (concorde${NBSP}: douleur, picotements)`,
      ].join('\n'),
    )
    expect(note).toContain(`Signes absents${NBSP}: aucun`)
    // The other groups, and the entries nothing points to, stay out.
    expect(note).not.toContain('Autres')
    expect(note).not.toContain('Tics')
  })

  it('says so when nothing is marked', () => {
    const note = composeRecordNote(kb, {}, DATE, null)
    expect(note).toContain(`Signes présents${NBSP}: aucun`)
    expect(note).toContain(`Signes d’alerte non vérifiés${NBSP}: douleur, picotements, fievre, perte-de-conscience`)
    expect(note).toContain('Aucune cause ni aucun diagnostic concordant.')
    expect(note).not.toContain('Fiche patient')
  })

  it('names the handout given in this session and its sections', () => {
    const note = composeRecordNote(kb, {}, DATE, { action: 'imprimée', sections: ['Causes fréquentes', 'Quand consulter un médecin'] })
    expect(note.split('\n\n').at(-1)).toBe(`Fiche patient imprimée${NBSP}: Causes fréquentes, Quand consulter un médecin`)
    expect(composeRecordNote(kb, {}, DATE, { action: 'enregistrée', sections: [] })).toContain(
      `Fiche patient enregistrée${NBSP}: sans section`,
    )
  })
})

describe('composeRecordNote on the real knowledge base', () => {
  let kb: KnowledgeBase
  beforeAll(async () => {
    ;({ kb } = await loadKnowledgeBase(RESOURCES))
  })

  it('follows French typography and ends with the source', () => {
    const note = composeRecordNote(
      kb,
      { 'douleur-mollet': 'present', picotements: 'present', 'faiblesse-musculaire': 'present', fievre: 'absent' },
      DATE,
      { action: 'enregistrée', sections: ['Qu’est-ce que c’est\u202f?'] },
    )
    expect(note).not.toMatch(/'| [:;!?»]|« /)
    expect(note).toContain('Hernie discale lombaire (concorde')
    expect(note.split('\n').at(-1)).toBe(`Source${NBSP}: «${NBSP}Contractions musculaires au mollet${NBSP}» (Mollet)`)
    // The shared advice sentence of tingling and weakness is said once.
    expect(note.split('Évaluation médicale nécessaire pour en préciser la cause.')).toHaveLength(2)
  })
})
