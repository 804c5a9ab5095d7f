// The handout never says less than the orientation: drawn from any marked
// findings, made into the PDF the app prints, and read back.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import { redFlagAlert, type FindingState, type MarkedFindings } from '../../shared/differentials/match'
import { composeHandout } from '../../shared/handout/compose'
import { patientHandout } from '../../shared/handout/from-orientation'
import { selectionOf, standardChoice } from '../../shared/handout/selection'
import type { HandoutOptions } from '../../shared/handout/options'
import type { KnowledgeBase } from '../../shared/kb/types'
import { renderHandoutPdf } from '../../electron/main/handout/pdf/document'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { pdfText, searchable } from './pdf-tools'

const resourcesDir = resolve(import.meta.dirname, '../../resources')
const LETTERHEAD = { name: 'Cabinet du Parc', address: '12 rue des Lilas\n75011 Paris', phone: '01 23 45 67 89' }
const DATE = new Date(2026, 11, 4, 12)
/** Words that call the twitching harmless: none may reach a patient with a red flag present. */
const REASSURING = /sans gravité|sans danger|inoffensi|bénin|facilement/iu

let kb: KnowledgeBase
beforeAll(async () => {
  kb = (await loadKnowledgeBase(resourcesDir)).kb
})

/** The options the Fiche patient sends for these findings, untouched by hand. */
function optionsFor(marked: MarkedFindings): HandoutOptions {
  const handout = patientHandout(kb, marked, standardChoice(kb), [])
  return { ...selectionOf(kb, handout.choice), patientName: '', note: '', largePrint: false, alerts: handout.alerts }
}

async function textOf(options: HandoutOptions): Promise<string> {
  return pdfText((await renderHandoutPdf(composeHandout(kb, options, LETTERHEAD, DATE), resourcesDir)).pdf)
}

const block = (id: string): string => kb.handout.find((b) => b.id === id)?.text ?? ''

describe('the handout read back from the PDF', () => {
  it('with a red flag present: no reassurance, the article’s words on consulting first, and the referral', async () => {
    const redFlag = fc.constantFrom(...kb.findings.filter((f) => f.redFlag).map((f) => f.id))
    const anyFinding = fc.constantFrom(...kb.findings.map((f) => f.id))
    const withRedFlag = fc
      .tuple(redFlag, fc.dictionary(anyFinding, fc.constantFrom<FindingState>('present', 'absent'), { maxKeys: 6 }))
      .map(([flag, others]): MarkedFindings => ({ ...others, [flag]: 'present' }))
    await fc.assert(
      fc.asyncProperty(withRedFlag, async (marked) => {
        const alert = redFlagAlert(kb, marked)
        expect(alert).not.toBeNull()
        const text = await textOf(optionsFor(marked))
        expect(text).not.toMatch(REASSURING)
        const opening = text.indexOf(searchable(block('message-principal-alerte')))
        expect(opening).toBeGreaterThan(-1)
        expect(opening).toBeLessThan(text.indexOf('Quand consulter un médecin'))
        expect(text.includes(searchable(block('message-principal-neurologue')))).toBe(alert?.referral === 'neurologue')
        for (const f of alert?.findings ?? []) expect(text.toLowerCase()).toContain(searchable(f.label).toLowerCase())
      }),
      { numRuns: 20 },
    )
  }, 120_000)

  it('with nothing present, whatever is marked absent: the default handout, opening on reassurance', async () => {
    const standard = await textOf(optionsFor({}))
    expect(standard).toContain(searchable(block('message-principal')))
    const absentOnly = fc
      .subarray(kb.findings.map((f) => f.id))
      .map((ids): MarkedFindings => Object.fromEntries(ids.map((id) => [id, 'absent' as const])))
    await fc.assert(
      fc.asyncProperty(absentOnly, async (marked) => {
        expect(await textOf(optionsFor(marked))).toBe(standard)
      }),
      { numRuns: 10 },
    )
  }, 120_000)
})
