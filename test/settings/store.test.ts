import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSettingsStore, SETTINGS_FILE } from '../../electron/main/settings/store'
import { HandlerError } from '../../electron/main/ipc/dispatcher'
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/settings/schema'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mollet-settings-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const SAMPLE: Settings = {
  version: 1,
  letterhead: { name: 'Cabinet du Parc', address: '12 rue des Lilas\n75011 Paris', phone: '01 23 45 67 89' },
  handoutDefaults: { largePrint: true, causes: ['stress-eleve'], advice: ['reduire-stress'] },
  preferences: { lastView: '#/causes?q=stress' },
}

describe('settings store', () => {
  it('gives the defaults, without a notice, when there is no file yet', async () => {
    expect(await createSettingsStore(dir).load()).toEqual({ settings: DEFAULT_SETTINGS, notice: null })
    expect(await readdir(dir)).toEqual([])
  })

  it('round-trips what it saves, and leaves no temporary file', async () => {
    const store = createSettingsStore(dir)
    await store.save(SAMPLE)
    expect(await store.load()).toEqual({ settings: SAMPLE, notice: null })
    expect(await createSettingsStore(dir).load()).toEqual({ settings: SAMPLE, notice: null })
    expect(await readdir(dir)).toEqual([SETTINGS_FILE])
    expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'))).toEqual(SAMPLE)
  })

  it('creates the user-data folder when it is missing', async () => {
    const nested = join(dir, 'Mollet', 'profil')
    await createSettingsStore(nested).save(SAMPLE)
    expect((await createSettingsStore(nested).load()).settings).toEqual(SAMPLE)
  })

  it.each<[string, string]>([
    ['broken JSON', '{"version": 1, "letterhead": '],
    ['not an object', '[1, 2, 3]'],
    ['a wrong type', JSON.stringify({ ...SAMPLE, handoutDefaults: { ...SAMPLE.handoutDefaults, largePrint: 'oui' } })],
    ['an unknown version', JSON.stringify({ ...SAMPLE, version: 2 })],
    ['a patient name slipped in', JSON.stringify({ ...SAMPLE, patientName: 'Mme Dupont' })],
    ['empty', ''],
  ])('a corrupt file (%s): defaults, a French notice, the file kept aside', async (_label, content) => {
    await writeFile(join(dir, SETTINGS_FILE), content)
    const { settings, notice } = await createSettingsStore(dir).load()
    expect(settings).toEqual(DEFAULT_SETTINGS)
    expect(notice).toMatch(
      /^Les réglages enregistrés étaient illisibles\u00a0: Mollet utilise les réglages par défaut\. L’ancien fichier est conservé sous le nom settings\.corrupt-[\dT-]+Z\.json\.$/u,
    )
    const files = await readdir(dir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^settings\.corrupt-.+\.json$/u)
    expect(await readFile(join(dir, files[0] as string), 'utf8')).toBe(content)
    // The next start is clean: no file, no notice; saving works again.
    expect((await createSettingsStore(dir).load()).notice).toBeNull()
    await createSettingsStore(dir).save(SAMPLE)
    expect((await createSettingsStore(dir).load()).settings).toEqual(SAMPLE)
  })

  it('an unwritable folder: a French HandlerError', async () => {
    const file = join(dir, 'un-fichier')
    await writeFile(file, 'x')
    const store = createSettingsStore(join(file, 'dessous'))
    const saving = store.save(SAMPLE)
    await expect(saving).rejects.toBeInstanceOf(HandlerError)
    await expect(saving).rejects.toThrow('Les réglages n’ont pas pu être enregistrés')
  })

  it('refuses to save settings that do not fit the schema', async () => {
    const store = createSettingsStore(dir)
    await expect(store.save({ ...SAMPLE, patientName: 'Mme Dupont' } as unknown as Settings)).rejects.toThrow()
    expect(await readdir(dir)).toEqual([])
  })
})

describe('settings schema', () => {
  it('has no field for a patient name or a note', () => {
    const keys = JSON.stringify(settingsSchema.toJSONSchema())
    expect(keys).not.toMatch(/patient|note/iu)
  })
  it('bounds sizes', () => {
    const long = 'x'.repeat(501)
    expect(settingsSchema.safeParse({ ...SAMPLE, letterhead: { ...SAMPLE.letterhead, name: long } }).success).toBe(false)
    const many = Array.from({ length: 101 }, (_, i) => `id-${i}`)
    expect(settingsSchema.safeParse({ ...SAMPLE, handoutDefaults: { ...SAMPLE.handoutDefaults, causes: many } }).success).toBe(false)
    expect(settingsSchema.safeParse({ ...SAMPLE, preferences: { lastView: 'javascript:alert(1)' } }).success).toBe(false)
  })
})
