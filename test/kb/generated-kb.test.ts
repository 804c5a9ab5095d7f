// The benchmarks' and the long-list e2e's generated knowledge bases
// (scripts/bench/big-kb.ts) must be bases the app accepts whole: an entry the
// loader left aside, with its problem, changes what is measured (a problems
// banner drawn at every keystroke, fewer rows).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateKnowledgeBase } from '../../scripts/bench/big-kb'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'

const root = await mkdtemp(join(tmpdir(), 'mollet-generated-'))
afterAll(() => rm(root, { recursive: true, force: true }))

describe('a generated knowledge base', () => {
  it('loads whole: every clone accepted, no problem reported', async () => {
    const size = 600
    const snapshot = await loadKnowledgeBase(await generateKnowledgeBase(resolve('resources'), root, size))
    expect(snapshot.problems).toEqual([])
    expect(snapshot.kb.causes).toHaveLength(size)
    // The clones of a group's members count among its members (their grade comes from it).
    const graded = snapshot.kb.causes.filter((c) => c.seriousnessOf !== undefined)
    expect(graded.length).toBeGreaterThan(size / 10)
    for (const c of graded) expect(snapshot.kb.groups.find((g) => g.id === c.seriousnessOf)?.members).toContain(c.id)
  })
})
