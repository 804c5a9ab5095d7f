// A write that fails half-way (disk full, a crash before the rename) must
// leave the previous file as it was and no temporary file behind.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const faults = vi.hoisted(() => ({ rename: false, write: false, log: [] as string[] }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...real,
    rename: async (...args: Parameters<typeof real.rename>) => {
      if (faults.rename) throw Object.assign(new Error('EACCES'), { code: 'EACCES' })
      faults.log.push(`rename ${String(args[1])}`)
      return real.rename(...args)
    },
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args)
      const path = String(args[0])
      const sync = handle.sync.bind(handle)
      handle.sync = async () => {
        faults.log.push(`sync ${path}`)
        return sync()
      }
      if (!faults.write) return handle
      return new Proxy(handle, {
        get(target, prop, receiver) {
          if (prop === 'writeFile')
            return async () => {
              throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
            }
          const value = Reflect.get(target, prop, receiver)
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
    },
  }
})

const { createSettingsStore, SETTINGS_FILE } = await import('../../electron/main/settings/store')
const { writeFileAtomically } = await import('../../electron/main/atomic-write')
const { HandlerError } = await import('../../electron/main/ipc/dispatcher')
const { DEFAULT_SETTINGS } = await import('../../shared/settings/schema')

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mollet-atomic-'))
  faults.rename = false
  faults.write = false
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const before = { ...DEFAULT_SETTINGS, letterhead: { name: 'Avant', address: '', phone: '' } }
const after = { ...DEFAULT_SETTINGS, letterhead: { name: 'Après', address: '', phone: '' } }

describe('a write that succeeds', () => {
  it('flushes the file, renames it, then flushes its folder', async () => {
    faults.log = []
    const target = join(dir, 'fiche.pdf')
    await writeFileAtomically(target, new Uint8Array([37, 80, 68, 70]))
    expect(faults.log.map((line) => line.replace(/\.tmp-\d+-[0-9a-f]{12}$/u, '.tmp'))).toEqual([
      `sync ${target}.tmp`,
      `rename ${target}`,
      `sync ${dir}`,
    ])
  })
})

describe.each([
  ['the rename fails', 'rename'],
  ['the write fails (disk full)', 'write'],
] as const)('when %s', (_label, fault) => {
  it('the settings file keeps its old content, no temporary file is left, the error is French', async () => {
    const store = createSettingsStore(dir)
    await store.save(before)
    const old = await readFile(join(dir, SETTINGS_FILE), 'utf8')
    faults[fault] = true
    await expect(store.save(after)).rejects.toBeInstanceOf(HandlerError)
    faults[fault] = false
    expect(await readFile(join(dir, SETTINGS_FILE), 'utf8')).toBe(old)
    expect(await readdir(dir)).toEqual([SETTINGS_FILE])
    expect((await store.load()).settings.letterhead.name).toBe('Avant')
  })

  it('writeFileAtomically leaves no file at all when there was none', async () => {
    faults[fault] = true
    await expect(writeFileAtomically(join(dir, 'fiche.pdf'), new Uint8Array([37, 80, 68, 70]))).rejects.toThrow()
    faults[fault] = false
    expect(await readdir(dir)).toEqual([])
  })
})
