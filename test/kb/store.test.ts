import { describe, expect, it, vi } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createKnowledgeStore } from '../../electron/main/knowledge/store'
import { createHandlers } from '../../electron/main/handlers'
import { standardSelection } from '../../shared/handout/selection'
import { emptyKnowledgeBase, type KnowledgeBaseSnapshot } from '../../shared/kb/types'

const resourcesDir = join(import.meta.dirname, '../../resources')

describe('knowledge store', () => {
  it('loads once and serves that one snapshot to every call', async () => {
    const snapshot: KnowledgeBaseSnapshot = { kb: emptyKnowledgeBase(null), problems: [] }
    const load = vi.fn(async () => snapshot)
    const store = createKnowledgeStore(load)
    const [a, b] = await Promise.all([store.current(), store.current()])
    expect(await store.current()).toBe(snapshot)
    expect(a).toBe(b)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('tries again after a load that threw', async () => {
    const snapshot: KnowledgeBaseSnapshot = { kb: emptyKnowledgeBase(null), problems: [] }
    const load = vi.fn().mockRejectedValueOnce(new Error('disque')).mockResolvedValue(snapshot)
    const store = createKnowledgeStore(load)
    await expect(store.current()).rejects.toThrow('disque')
    expect(await store.current()).toBe(snapshot)
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('is what the tables and the handouts both read, loaded once', async () => {
    const { loadKnowledgeBase } = await import('../../electron/main/knowledge/load')
    const load = vi.fn(() => loadKnowledgeBase(resourcesDir))
    const titles: string[] = []
    const handlers = createHandlers({
      resourcesDir,
      userDataDir: await mkdtemp(join(tmpdir(), 'mollet-store-')),
      desktop: { chooseSavePath: async () => null, chooseOpenPath: async () => null, writeClipboard: () => {} },
      renderPdf: async (doc) => {
        titles.push(doc.title)
        return { pdf: new Uint8Array([37]), unprintable: [] }
      },
      knowledge: createKnowledgeStore(load),
    })
    const first = await handlers.loadKnowledgeBase()
    expect(await handlers.loadKnowledgeBase()).toBe(first)
    const handout = await handlers.renderHandout(
      { ...standardSelection(first.kb), patientName: '', note: '', largePrint: false, alerts: [] },
      'print',
    )
    expect(handout.status).toBe('rendered')
    expect(titles).toEqual([first.kb.meta?.title])
    expect(load).toHaveBeenCalledTimes(1)
  })
})
