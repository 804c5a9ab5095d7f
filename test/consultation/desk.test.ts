// One patient at a time (shared/consultation/desk.ts): « Nouveau patient »
// leaves nothing of the patient before, « Annuler » brings all of it back,
// and an answer for an earlier consultation never lands on the next one.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deskReducer, openDesk, unsentText, type Desk, type DeskAction } from '../../shared/consultation/desk'

const GIVEN = { action: 'imprimée' as const, sections: ['Quand consulter un médecin'] }
const COPY = { text: 'Note pour le dossier', at: new Date(2026, 11, 4) }

const run = (actions: DeskAction[], from: Desk = openDesk()): Desk => actions.reduce(deskReducer, from)

const patientA: DeskAction[] = [
  { type: 'findings', findings: { 'douleur-jambe-dos': 'present', picotements: 'present' } },
  { type: 'edit', edit: { kind: 'cause', id: 'hernie-discale-lombaire', on: true } },
  { type: 'large-print', on: true },
  { type: 'text', key: 'patientName', value: 'M. Karim Ben Saïd' },
  { type: 'text', key: 'note', value: 'IRM lombaire demandée.' },
]

describe('the desk', () => {
  it('« Nouveau patient » starts empty and keeps the previous patient aside', () => {
    const a = run(patientA)
    const b = deskReducer(a, { type: 'new-patient' })
    expect(b.current).toEqual({ ...openDesk().current, id: b.current.id })
    expect(b.current.id).not.toBe(a.current.id)
    expect(b.previous).toBe(a.current)
  })

  it('« Annuler » brings the previous patient back whole; then they are not kept twice', () => {
    const a = run([...patientA, { type: 'given', consultation: 1, given: GIVEN }])
    const back = run([{ type: 'new-patient' }, { type: 'findings', findings: { stress: 'present' } }, { type: 'undo' }], a)
    expect(back.current).toBe(a.current)
    expect(back.previous).toBeNull()
  })

  it('once forgotten, the previous patient cannot come back', () => {
    const b = run([...patientA, { type: 'new-patient' }])
    const forgotten = deskReducer(b, { type: 'forget', consultation: b.current.id })
    expect(forgotten.previous).toBeNull()
    expect(deskReducer(forgotten, { type: 'undo' })).toBe(forgotten)
  })

  it('a late print, save or copy for an earlier patient does not reach the next one', () => {
    const b = run([...patientA, { type: 'new-patient' }])
    const late = run(
      [
        { type: 'given', consultation: 1, given: GIVEN },
        { type: 'copied', consultation: 1, copy: COPY },
      ],
      b,
    )
    expect(late.current.given).toBeNull()
    expect(late.current.copied).toBeNull()
  })

  it('ids never repeat: the patient after an undone one is not mistaken for it', () => {
    const seen = new Set<number>()
    let desk = openDesk()
    seen.add(desk.current.id)
    for (const action of ['new-patient', 'undo', 'new-patient', 'new-patient', 'undo', 'new-patient'] as const) {
      const before = desk.current.id
      desk = deskReducer(desk, { type: action })
      if (action === 'new-patient') {
        expect(seen.has(desk.current.id)).toBe(false)
        seen.add(desk.current.id)
      } else expect(desk.current.id).toBeLessThan(before)
    }
  })

  it('« Rétablir » drops the edits and the print size, keeps the name and the note', () => {
    const a = run([...patientA, { type: 'reset-handout' }])
    expect(a.current.edits).toEqual([])
    expect(a.current.largePrint).toBeNull()
    expect(a.current.patientName).toBe('M. Karim Ben Saïd')
  })

  it('says when a name or note was typed and neither printed, saved nor copied', () => {
    expect(unsentText(run(patientA).current)).toBe(true)
    expect(unsentText(run([...patientA, { type: 'given', consultation: 1, given: GIVEN }]).current)).toBe(false)
    expect(unsentText(run([...patientA, { type: 'copied', consultation: 1, copy: COPY }]).current)).toBe(false)
    expect(unsentText(run([{ type: 'text', key: 'note', value: '   ' }]).current)).toBe(false)
  })

  it('whatever was done for one patient, the next one starts with nothing of it (fast-check)', () => {
    const action = fc.oneof(
      fc.constantFrom(...patientA),
      fc.record({ type: fc.constant('text' as const), key: fc.constantFrom('patientName' as const, 'note' as const), value: fc.string() }),
      fc.constant<DeskAction>({ type: 'given', consultation: 1, given: GIVEN }),
      fc.constant<DeskAction>({ type: 'copied', consultation: 1, copy: COPY }),
      fc.constant<DeskAction>({ type: 'reset-handout' }),
    )
    fc.assert(
      fc.property(fc.array(action, { maxLength: 20 }), (actions) => {
        const b = run([...actions, { type: 'new-patient' }])
        const { id, ...rest } = b.current
        const { id: _, ...empty } = openDesk().current
        expect(rest).toEqual(empty)
      }),
    )
  })
})
