import { describe, expect, it } from 'vitest'
import { readKb } from './kb-files'

/** French typography problems of one displayed string (empty when correct). */
function typographyProblems(text: string): string[] {
  const problems: string[] = []
  if (text.includes("'")) problems.push('apostrophe droite (attendu ’)')
  if (text.includes('"')) problems.push('guillemet droit (attendu « »)')
  if (/(^|[^\u00a0]):/.test(text)) problems.push('deux-points sans espace insécable U+00A0 avant')
  if (/(^|[^\u202f\u00a0])[;!?]/.test(text)) problems.push('; ! ? sans espace fine insécable avant')
  if (/«(?!\u00a0)/.test(text)) problems.push('« sans espace insécable après')
  if (/(?<!\u00a0)»/.test(text)) problems.push('» sans espace insécable avant')
  if (/ [,.…]/.test(text)) problems.push('espace avant , . …')
  if (/ {2}|^\s|\s$/.test(text)) problems.push('espaces en trop')
  return problems
}

/** Every string the app or the handout shows, with where it comes from. */
function displayedTexts(): [string, string][] {
  const kb = readKb()
  const out: [string, string][] = [['meta.title', kb.meta.title]]
  if (kb.meta.edition) out.push(['meta.edition', kb.meta.edition])
  if (kb.meta.editor) out.push(['meta.editor', kb.meta.editor])
  kb.meta.sections.forEach((s, i) => {
    out.push([`meta.sections.${i}.label`, s.label])
  })
  for (const c of [...kb.causes, ...kb.differentials]) {
    out.push([`${c.id}.name`, c.name], [`${c.id}.whatToDo`, c.whatToDo], [`${c.id}.patientExplanation`, c.patientExplanation])
    c.aliases.forEach((a, i) => {
      out.push([`${c.id}.aliases.${i}`, a])
    })
    if (c.icd10) out.push([`${c.id}.icd10.label`, c.icd10.label])
  }
  for (const f of kb.findings) {
    out.push([`${f.id}.label`, f.label])
    if (f.advice) out.push([`${f.id}.advice`, f.advice])
  }
  for (const a of kb.advice) out.push([`${a.id}.label`, a.label], [`${a.id}.patientText`, a.patientText])
  for (const g of kb.groups) out.push([`${g.id}.group`, g.group], [`${g.id}.text`, g.text])
  for (const t of kb.topics) out.push([`${t.id}.label`, t.label])
  for (const b of kb.handout) out.push([`${b.id}.text`, b.text])
  return out
}

describe('French typography of displayed text', () => {
  const texts = displayedTexts()

  it('covers every displayed field', () => {
    expect(texts.length).toBeGreaterThan(150)
  })

  it('no displayed text breaks the rules', () => {
    const bad = texts.map(([where, text]) => ({ where, problems: typographyProblems(text) })).filter((r) => r.problems.length > 0)
    expect(bad).toEqual([])
  })

  it('the displayed text does use the French signs', () => {
    const all = texts.map(([, t]) => t).join('\n')
    expect(all).toContain('’')
    expect(all).toContain('\u00a0:')
    expect(all).toContain('\u202f;')
  })

  it.each([
    ["l'alcool", 'apostrophe droite (attendu ’)'],
    ['Traitement : repos', 'deux-points sans espace insécable U+00A0 avant'],
    ['Traitement: repos', 'deux-points sans espace insécable U+00A0 avant'],
    ['Pourquoi ?', '; ! ? sans espace fine insécable avant'],
    ['repos; calme', '; ! ? sans espace fine insécable avant'],
    ['le «\u00a0glisse»', '» sans espace insécable avant'],
    ['le « glisse\u00a0»', '« sans espace insécable après'],
    ['fin .', 'espace avant , . …'],
  ])('the checker flags %j', (text, problem) => {
    expect(typographyProblems(text)).toContain(problem)
  })

  it('the checker accepts correct French typography', () => {
    expect(typographyProblems('L’article\u00a0: «\u00a0repos\u00a0»\u202f; vraiment\u202f?')).toEqual([])
  })
})
