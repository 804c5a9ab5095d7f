import { describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import { METHODS, buildApi, channelOf } from '../../shared/ipc/contract'
import { createDispatcher, HandlerError, type Handlers, type SenderInfo } from '../../electron/main/ipc/dispatcher'
import { createHandlers } from '../../electron/main/handlers'
import { devRenderThread } from '../../scripts/dev-render-thread'
import { APP_ORIGIN } from '../../electron/main/security'

const app: SenderInfo = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true }
const resourcesDir = resolve(import.meta.dirname, '../../resources')

function dispatcherWith(overrides: Partial<Handlers>) {
  // Settings and the desktop port are not used here: a folder that is never written, no dialog.
  const desktop = { chooseSavePath: async () => null, chooseOpenPath: async () => null, writeClipboard: () => undefined }
  const userDataDir = resolve(import.meta.dirname, 'no-settings-here')
  const handlers = { ...createHandlers({ resourcesDir, userDataDir, desktop, renderPdf: devRenderThread() }), ...overrides } as Handlers
  return createDispatcher(handlers, APP_ORIGIN)
}

describe('dispatcher: sender check', () => {
  const dispatch = dispatcherWith({})
  it.each<[string, SenderInfo]>([
    ['another origin', { url: 'https://example.org/index.html', isMainFrame: true }],
    ['a look-alike host', { url: 'app://mollet.evil/index.html', isMainFrame: true }],
    ['file://', { url: 'file:///tmp/index.html', isMainFrame: true }],
    ['a subframe of the app', { ...app, isMainFrame: false }],
    ['a destroyed frame', { url: null, isMainFrame: false }],
    ['an unparsable URL', { url: 'not a url', isMainFrame: true }],
  ])('refuses %s', async (_label, sender) => {
    const result = await dispatch('loadKnowledgeBase', [], sender)
    expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.stringMatching(/refusé/) } })
  })

  it('accepts the app’s main frame', async () => {
    const result = await dispatch('loadKnowledgeBase', [], app)
    expect(result.ok).toBe(true)
  })
})

describe('dispatcher: arguments', () => {
  const dispatch = dispatcherWith({})
  it.each([['toString'], ['__proto__'], [''], [42], [null], [{}]])('refuses the unknown method %j', async (method) => {
    expect(await dispatch(method, [], app)).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
  })
  it.each([[['extra']], [null], ['loadKnowledgeBase'], [{ length: 0 }]])('refuses bad arguments %j', async (args) => {
    expect(await dispatch('loadKnowledgeBase', args, app)).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    })
  })
})

describe('dispatcher: handler failures', () => {
  it('turns a HandlerError into a typed failure with its French message', async () => {
    const dispatch = dispatcherWith({
      loadKnowledgeBase: () => {
        throw new HandlerError('Dossier illisible.')
      },
    })
    expect(await dispatch('loadKnowledgeBase', [], app)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'Dossier illisible.' },
    })
  })

  it('turns an unexpected throw into an internal error without leaking details', async () => {
    const dispatch = dispatcherWith({
      loadKnowledgeBase: async () => {
        throw new Error('secret stack detail')
      },
    })
    const result = await dispatch('loadKnowledgeBase', [], app)
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('secret')
  })
})

describe('contract', () => {
  it('gives each method its own channel', () => {
    const channels = METHODS.map(channelOf)
    expect(new Set(channels).size).toBe(METHODS.length)
    for (const c of channels) expect(c).toMatch(/^mollet:[a-zA-Z]+$/)
  })

  it('builds an API with exactly one function per method, frozen', async () => {
    const calls: unknown[] = []
    const api = buildApi(METHODS, async (method, args) => {
      calls.push([method, args])
      return 'answer'
    })
    expect(Object.keys(api).sort()).toEqual([...METHODS].sort())
    expect(Object.isFrozen(api)).toBe(true)
    await expect(api.loadKnowledgeBase()).resolves.toBe('answer')
    expect(calls).toEqual([['loadKnowledgeBase', []]])
  })

  it('buildApi is self-contained, so the e2e can install the same function in a page', () => {
    const rebuilt = new Function(`return (${buildApi.toString()})`)() as typeof buildApi
    expect(Object.keys(rebuilt(['a' as never], async () => null))).toEqual(['a'])
  })
})
