// The handout's render thread (render-thread.ts): one render at a time, off the
// calling thread; a request dropped before it starts never reaches the worker;
// one dropped while it runs is answered at once; a hung or crashed worker is
// replaced. The protocol is driven by a stand-in worker, then the real one.
import { describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import type { HandoutDocument } from '../../shared/handout/compose'
import { composeHandout } from '../../shared/handout/compose'
import { standardSelection } from '../../shared/handout/selection'
import { createRenderThread } from '../../electron/main/handout/render-thread'
import { JobFailedError, JobTimeoutError } from '../../electron/main/job-thread'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { devRenderThread } from '../../scripts/dev-render-thread'
import { pdfInfo, pdfText } from './pdf-tools'

const fake = (options: { delay?: number; timeoutMs?: number } = {}) =>
  createRenderThread({
    entry: new URL('./fixtures/fake-worker.mjs', import.meta.url),
    workerData: { delay: options.delay ?? 0 },
    timeoutMs: options.timeoutMs,
  })
const doc = (note: string) => ({ note }) as HandoutDocument
const text = async (p: Promise<{ pdf: Uint8Array }>) => new TextDecoder().decode((await p).pdf)

describe('the render thread', () => {
  it('answers every request with its own result, in order', async () => {
    const render = fake({ delay: 5 })
    expect(await Promise.all(['a', 'b', 'c'].map((n) => text(render(doc(n), '/r'))))).toEqual(['a', 'b', 'c'])
  })

  it('a request dropped while it waits never reaches the worker, and says so at once', async () => {
    const render = fake({ delay: 100 })
    const first = text(render(doc('first'), '/r'))
    const dropped = new AbortController()
    const second = render(doc('second'), '/r', dropped.signal)
    dropped.abort()
    await expect(second).rejects.toMatchObject({ name: 'AbortError' })
    const third = text(render(doc('third'), '/r'))
    expect(await first).toBe('first')
    expect(await third).toBe('third')
    expect(await text(render(doc('seen?'), '/r'))).toBe('first,third,seen?')
  })

  it('a request already dropped is refused without queueing', async () => {
    const render = fake()
    await expect(render(doc('x'), '/r', AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' })
    expect(await text(render(doc('seen?'), '/r'))).toBe('seen?')
  })

  it('a request dropped while it runs is answered at once; its late result goes to nobody', async () => {
    const render = fake({ delay: 150 })
    const running = new AbortController()
    const first = render(doc('first'), '/r', running.signal)
    const next = text(render(doc('next'), '/r'))
    await new Promise((r) => setTimeout(r, 20))
    running.abort()
    await expect(first).rejects.toMatchObject({ name: 'AbortError' })
    expect(await next).toBe('next')
  })

  it('a render that hangs ends its worker after the time limit; the next request gets a new one', async () => {
    const render = fake({ timeoutMs: 300 })
    await expect(render(doc('hang'), '/r')).rejects.toBeInstanceOf(JobTimeoutError)
    // A fresh worker: it has seen nothing before.
    expect(await text(render(doc('seen?'), '/r'))).toBe('seen?')
  })

  it('a worker that dies fails its request; the next request gets a new one', async () => {
    const render = fake()
    await expect(render(doc('crash'), '/r')).rejects.toEqual(new JobFailedError('WorkerExit3'))
    expect(await text(render(doc('after'), '/r'))).toBe('after')
  })

  it('the real worker lays out the handout and names what its font cannot draw', async () => {
    const resourcesDir = resolve(import.meta.dirname, '../../resources')
    const kb = (await loadKnowledgeBase(resourcesDir)).kb
    const options = { ...standardSelection(kb), patientName: 'Mme Zoé 😀', note: 'Revenez dans huit jours.', largePrint: false, alerts: [] }
    const rendered = await devRenderThread()(composeHandout(kb, options, { name: '', address: '', phone: '' }, new Date()), resourcesDir)
    expect(pdfInfo(rendered.pdf).pages).toBeGreaterThanOrEqual(1)
    expect(pdfText(rendered.pdf)).toContain('Revenez dans huit jours.')
    expect(rendered.unprintable).toEqual(['😀'])
  }, 60_000)
})
