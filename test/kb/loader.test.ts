import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import type { KbProblem } from '../../shared/kb/types'
import { RESOURCES_DIR } from './kb-files'

const EXPECTED_COUNTS = { causes: 13, differentials: 14, findings: 22, advice: 6, groups: 7, topics: 7, handout: 14 }

function counts(kb: Awaited<ReturnType<typeof loadKnowledgeBase>>['kb']) {
  return {
    causes: kb.causes.length,
    differentials: kb.differentials.length,
    findings: kb.findings.length,
    advice: kb.advice.length,
    groups: kb.groups.length,
    topics: kb.topics.length,
    handout: kb.handout.length,
  }
}

describe('loadKnowledgeBase on the real resources', () => {
  it('loads everything with no problem', async () => {
    const { kb, problems } = await loadKnowledgeBase(RESOURCES_DIR)
    expect(problems).toEqual([])
    expect(counts(kb)).toEqual(EXPECTED_COUNTS)
    expect(kb.meta?.sections).toHaveLength(12)
    expect(kb.article.startsWith('Contractions musculaires au mollet\n')).toBe(true)
  })
})

describe('loadKnowledgeBase on a broken copy', () => {
  let dir: string | null = null
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
    dir = null
  })

  async function brokenCopy(edit: (knowledge: string) => Promise<void>) {
    dir = await mkdtemp(join(tmpdir(), 'mollet-kb-'))
    await cp(RESOURCES_DIR, dir, { recursive: true })
    await edit(join(dir, 'knowledge'))
    return loadKnowledgeBase(dir)
  }

  async function editJson(knowledge: string, file: string, change: (entries: Record<string, unknown>[]) => void) {
    const path = join(knowledge, file)
    const entries = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>[]
    change(entries)
    await writeFile(path, JSON.stringify(entries))
  }

  const byId = (entries: Record<string, unknown>[], id: string) => {
    const entry = entries.find((e) => e.id === id)
    if (!entry) throw new Error(`entrée absente : ${id}`)
    return entry
  }

  it('a JSON syntax error: the file is reported, the other files still load', async () => {
    const { kb, problems } = await brokenCopy(async (k) => {
      const path = join(k, 'advice.json')
      await writeFile(path, (await readFile(path, 'utf8')).replace('"id"', '"id" "'))
    })
    expect(problems).toEqual([{ file: 'advice.json', entry: null, field: null, message: 'JSON invalide (ligne\u00a03, colonne\u00a010).' }])
    expect(counts(kb)).toEqual({ ...EXPECTED_COUNTS, advice: 0 })
  })

  it('a grade said to be a group’s whose group does not list the entry: reported, and no longer said so', async () => {
    const { kb, problems } = await brokenCopy(async (k) => {
      await editJson(k, 'differentials.json', (list) => {
        byId(list, 'tics').seriousnessOf = 'inoffensives-sans-autres-symptomes'
        byId(list, 'meningite').seriousnessOf = 'groupe-absent'
      })
    })
    expect(problems).toEqual([
      {
        file: 'differentials.json',
        entry: 'tics',
        field: 'seriousnessOf',
        message: 'Le groupe «\u00a0inoffensives-sans-autres-symptomes\u00a0» ne compte pas cette entrée parmi ses membres.',
      },
      {
        file: 'differentials.json',
        entry: 'meningite',
        field: 'seriousnessOf',
        message: 'Référence inconnue «\u00a0groupe-absent\u00a0».',
      },
    ])
    expect(kb.differentials.find((d) => d.id === 'tics')?.seriousnessOf).toBeUndefined()
    expect(kb.differentials.find((d) => d.id === 'sclerose-en-plaques')?.seriousnessOf).toBe('maladies-plus-graves-consulter')
  })

  it('a field of the wrong type: that entry is left out, named with its field', async () => {
    const { kb, problems } = await brokenCopy((k) =>
      editJson(k, 'differentials.json', (list) => {
        byId(list, 'meningite').seriousness = 3
      }),
    )
    expect(problems).toEqual([
      {
        file: 'differentials.json',
        entry: 'meningite',
        field: 'seriousness',
        message: 'Option invalide\u00a0: une valeur parmi "benin"|"a-evaluer"|"grave" attendue',
      },
      // The advice and the group statements that named it lose that link, and say so.
      {
        file: 'advice.json',
        entry: 'traitement-causes-neurologiques',
        field: 'appliesTo',
        message: 'Référence inconnue «\u00a0meningite\u00a0».',
      },
      ...[
        'maladies-plus-graves-consulter',
        'maladies-neurologiques-contractions',
        'maladies-neurologiques-traitement',
        'maladies-neurologiques-evolution',
        'toutes-traitement-selon-la-cause',
        'toutes-consulter-si-frequentes-ou-persistantes',
      ].map((entry) => ({ file: 'groups.json', entry, field: 'members', message: 'Référence inconnue «\u00a0meningite\u00a0».' })),
    ])
    expect(kb.differentials.map((d) => d.id)).not.toContain('meningite')
    expect(counts(kb)).toEqual({ ...EXPECTED_COUNTS, differentials: EXPECTED_COUNTS.differentials - 1 })
  })

  it('a text the handout’s font cannot print: that entry is left out, the characters named', async () => {
    const { kb, problems } = await brokenCopy((k) =>
      editJson(k, 'differentials.json', (list) => {
        byId(list, 'meningite').aliases = ['Fièvre ≥ 39\u00a0°C \u{1f642}']
      }),
    )
    expect(problems[0]).toEqual({
      file: 'differentials.json',
      entry: 'meningite',
      field: 'aliases.0',
      message:
        'Caractères que la police des fiches ne peut pas imprimer\u00a0: «\u00a0≥\u00a0» (U+2265), «\u00a0\u{1f642}\u00a0» (U+1F642). Remplacez-les.',
    })
    expect(kb.differentials.map((d) => d.id)).not.toContain('meningite')
  })

  it('a finding left out for its type makes the references to it dangling, reported and pruned', async () => {
    const { kb, problems } = await brokenCopy((k) =>
      editJson(k, 'findings.json', (list) => {
        byId(list, 'perte-de-conscience').redFlag = 'oui'
      }),
    )
    expect(problems[0]).toEqual({
      file: 'findings.json',
      entry: 'perte-de-conscience',
      field: 'redFlag',
      message: 'Entrée invalide\u00a0: booléen attendu, chaîne de caractères reçu',
    })
    expect(problems).toContainEqual<KbProblem>({
      file: 'differentials.json',
      entry: 'epilepsie',
      field: 'pointingFindings',
      message: 'Référence inconnue «\u00a0perte-de-conscience\u00a0».',
    })
    const epilepsie = kb.differentials.find((d) => d.id === 'epilepsie')
    expect(epilepsie?.pointingFindings).toEqual(['contractions-frequentes', 'tout-le-corps'])
  })

  it('a quote not verbatim in its section: that entry is left out', async () => {
    const { kb, problems } = await brokenCopy((k) =>
      editJson(k, 'causes.json', (list) => {
        const provenance = byId(list, 'hypothermie').provenance as { section: string; quote: string }[]
        provenance[0] = { section: 'Durée', quote: 'Hypothermie' }
      }),
    )
    expect(problems).toEqual([
      {
        file: 'causes.json',
        entry: 'hypothermie',
        field: 'provenance.0.quote',
        message: 'Citation introuvable telle quelle dans la section indiquée de l’article.',
      },
      ...['toutes-traitement-selon-la-cause', 'toutes-consulter-si-frequentes-ou-persistantes'].map((entry) => ({
        file: 'groups.json',
        entry,
        field: 'members',
        message: 'Référence inconnue «\u00a0hypothermie\u00a0».',
      })),
      {
        file: 'topics.json',
        entry: 'sujet-crampes',
        field: 'related',
        message: 'Référence inconnue «\u00a0hypothermie\u00a0».',
      },
    ])
    expect(kb.causes.map((c) => c.id)).not.toContain('hypothermie')
    expect(counts(kb)).toEqual({ ...EXPECTED_COUNTS, causes: EXPECTED_COUNTS.causes - 1 })
  })

  it('a reworded quote is refused as well', async () => {
    const { problems } = await brokenCopy((k) =>
      editJson(k, 'handout.json', (list) => {
        const provenance = byId(list, 'duree').provenance as { section: string; quote: string }[]
        provenance[0]!.quote = provenance[0]!.quote.replace('inoffensives', 'bénignes')
      }),
    )
    expect(problems).toEqual([expect.objectContaining({ file: 'handout.json', entry: 'duree', field: 'provenance.0.quote' })])
  })

  it('a dangling reference: reported and dropped, the entry stays', async () => {
    const { kb, problems } = await brokenCopy((k) =>
      editJson(k, 'advice.json', (list) => {
        ;(byId(list, 'recuperation').appliesTo as string[]).push('crampe-inventee')
      }),
    )
    expect(problems).toEqual([
      {
        file: 'advice.json',
        entry: 'recuperation',
        field: 'appliesTo',
        message: 'Référence inconnue «\u00a0crampe-inventee\u00a0».',
      },
    ])
    expect(kb.advice.find((a) => a.id === 'recuperation')?.appliesTo).toEqual(['surmenage-musculaire'])
    expect(counts(kb)).toEqual(EXPECTED_COUNTS)
  })

  it('a missing file: reported, the other files still load and lose only their links to it', async () => {
    const { kb, problems } = await brokenCopy((k) => unlink(join(k, 'topics.json')))
    expect(problems[0]).toEqual({
      file: 'topics.json',
      entry: null,
      field: null,
      message: 'Fichier introuvable ou illisible.',
    })
    const rest = problems.slice(1)
    expect(rest.length).toBeGreaterThan(0)
    expect(rest.every((p) => p.field === 'topics' && p.message.startsWith('Référence inconnue'))).toBe(true)
    expect(counts(kb)).toEqual({ ...EXPECTED_COUNTS, topics: 0 })
    expect(kb.causes.every((c) => c.topics.length === 0)).toBe(true)
  })

  it('an id used in both causes and differentials is reported once and kept in causes', async () => {
    const { kb, problems } = await brokenCopy(async (k) => {
      const causes = JSON.parse(await readFile(join(k, 'causes.json'), 'utf8')) as Record<string, unknown>[]
      await editJson(k, 'differentials.json', (list) => {
        list.push({ ...byId(causes, 'hypothermie'), kind: 'differential' })
      })
    })
    expect(problems).toEqual([
      { file: 'differentials.json', entry: 'hypothermie', field: 'id', message: 'Identifiant déjà utilisé dans causes.json.' },
    ])
    expect(counts(kb)).toEqual(EXPECTED_COUNTS)
  })
})
