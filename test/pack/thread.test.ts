// The packs' worker thread (the app's, from its sources): the same verdicts,
// diffs and bundled content as on the calling thread; a job that takes too
// long refuses its pack, and the next one gets a new worker.
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { packWorkHere } from '../../electron/main/pack/verify-thread'
import { devPackThread } from '../../scripts/dev-pack-thread'
import { buildPack } from '../../electron/main/pack/build'
import { SIGNING_DAY, content, pack, selfTrust, testKey, trustIn, type TestKey } from './helpers'

let key: TestKey
let valid: Uint8Array

beforeAll(async () => {
  key = testKey()
  valid = await pack(key, { revision: '2026-12-15', edition: '2', rename: { deshydratation: 'Déshydratation (manque d’eau)' } })
})

describe('the pack thread', () => {
  it('verifies and diffs as the calling thread does', async () => {
    const thread = devPackThread()
    const here = await packWorkHere.verify(valid, trustIn(key.trusted), 'essai.mollet')
    const baseline = here.verdict.ok ? here.verdict.pack.snapshot.kb : null
    expect(baseline).not.toBeNull()
    const there = await thread.verify(valid, trustIn(key.trusted), 'essai.mollet', baseline ?? undefined)
    expect(there.verdict).toEqual(here.verdict)
    expect(there.diff?.counts).toEqual({ added: 0, removed: 0, changed: 0 })

    const tampered = valid.slice()
    tampered[tampered.length >> 1] = (tampered[tampered.length >> 1] as number) ^ 1
    expect((await thread.verify(tampered, trustIn(key.trusted), 'essai.mollet')).verdict).toEqual(
      (await packWorkHere.verify(tampered, trustIn(key.trusted), 'essai.mollet')).verdict,
    )
  }, 30_000)

  it('loads the bundled content as the calling thread does; a worker over its time still gives it', async () => {
    const resourcesDir = resolve(import.meta.dirname, '../../resources')
    const here = await packWorkHere.load(resourcesDir)
    expect(here.problems).toEqual([])
    expect(await devPackThread().load(resourcesDir)).toEqual(here)
    // The content is never withheld for want of a worker: read on the calling thread instead.
    expect(await devPackThread({ timeoutMs: 1 }).load(resourcesDir)).toEqual(here)
  }, 30_000)

  it('a job over its time: the pack is refused, in French; the next job runs in a new worker', async () => {
    const thread = devPackThread({ timeoutMs: 1 })
    const slow = await thread.verify(valid, trustIn(key.trusted), 'essai.mollet')
    expect(slow.verdict).toEqual({
      ok: false,
      problems: [
        { file: 'essai.mollet', entry: null, field: null, message: 'La vérification du paquet a pris trop de temps\u00a0: il est refusé.' },
      ],
    })
    const patient = devPackThread({ timeoutMs: 20_000 })
    expect((await patient.verify(valid, trustIn(key.trusted), 'essai.mollet')).verdict.ok).toBe(true)
  }, 30_000)

  it('the worker runs under a heap limit: a pack past it is refused in French, within it verifies', async () => {
    // An 8 MiB article (within the caps): a 16 MB heap cannot hold it, the default limits can.
    const files = await content({ revision: '2026-12-15', edition: '2' })
    const source = [...files.keys()].find((p) => p.startsWith('source/')) as string
    const article = new TextDecoder().decode(files.get(source))
    files.set(source, new TextEncoder().encode(`${article}\n${'lorem ipsum dolor sit amet '.repeat(300_000)}`))
    const big = buildPack(files, key.privateKey, selfTrust(key), { now: SIGNING_DAY }).bytes
    const small = devPackThread({ resourceLimits: { maxOldGenerationSizeMb: 16 } })
    expect((await small.verify(big, trustIn(key.trusted), 'gros.mollet')).verdict).toEqual({
      ok: false,
      problems: [
        {
          file: 'gros.mollet',
          entry: null,
          field: null,
          message: 'La vérification du paquet demande trop de mémoire\u00a0: il est refusé.',
        },
      ],
    })
    expect((await devPackThread().verify(big, trustIn(key.trusted), 'gros.mollet')).verdict.ok).toBe(true)
  }, 60_000)
})
