// Kills a process in the middle of saving settings, again and again: the
// settings file must always be exactly the old or the new settings, never torn,
// and leftovers of killed saves must not pile up (the next process's first
// save removes them: removeLeftoverTemps in electron/main/atomic-write.ts,
// called by the settings store before its first write).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { createSettingsStore, SETTINGS_FILE } from '../../electron/main/settings/store'
import { SETTINGS_A, SETTINGS_B, fileText } from './settings-pair'

/**
 * Kills in all, shared by parallel lanes (each its own user-data folder). A
 * child takes 0.05 to 2 s to start, depending on the machine's load: when
 * the time budget runs out first, at least MIN_KILLS must have been done.
 */
const KILLS = 200
const MIN_KILLS = 20
const LANES = 2
const BUDGET_MS = 20_000
/** The kill lands 0 to MAX_DELAY_MS after the child's first save (one save takes a few ms). */
const MAX_DELAY_MS = 30

let work: string
let child: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mollet-torn-'))
  // One small bundled file: a child starts in tens of milliseconds instead of seconds under tsx.
  child = join(work, 'save-loop.mjs')
  await build({
    entryPoints: [join(import.meta.dirname, 'save-loop.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: child,
    logLevel: 'silent',
  })
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

function startSaving(dir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let err = ''
    proc.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    proc.stdout?.once('data', () => resolve(proc))
    proc.once('exit', (code) => reject(new Error(`the saving process ended on its own (${code}): ${err}`)))
  })
}

function kill(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.removeAllListeners('exit')
    proc.once('exit', () => resolve())
    proc.kill('SIGKILL')
  })
}

const A = fileText(SETTINGS_A)
const B = fileText(SETTINGS_B)
const TEMP = /^settings\.json\.tmp-(\d+)-[0-9a-f]+$/u

interface Tally {
  kills: number
  a: number
  b: number
  /** Kills that left the killed child's temporary file: the kill landed inside a save. */
  midSave: number
}

async function lane(dir: string, kills: number, deadline: number, tally: Tally): Promise<void> {
  for (let i = 0; i < kills && Date.now() < deadline; i++) {
    const proc = await startSaving(dir)
    await new Promise((r) => setTimeout(r, Math.random() * MAX_DELAY_MS))
    await kill(proc)
    tally.kills += 1

    const text = await readFile(join(dir, SETTINGS_FILE), 'utf8')
    expect([A, B], `kill ${tally.kills}: the settings file is one of the two, whole`).toContain(text)
    expect(JSON.parse(text)).toEqual(text === A ? SETTINGS_A : SETTINGS_B)
    if (text === A) tally.a += 1
    else tally.b += 1

    // Only the killed child's own temporary file may be there (at most one: it
    // saves one at a time); the earlier children's were removed by its first save.
    const temps = (await readdir(dir)).filter((n) => TEMP.test(n))
    expect(temps.length, `kill ${tally.kills}: leftovers ${temps.join(', ')}`).toBeLessThanOrEqual(1)
    for (const name of temps) expect(TEMP.exec(name)?.[1]).toBe(String(proc.pid))
    if (temps.length > 0) tally.midSave += 1
  }
}

describe('settings saved while the process is killed', () => {
  it(`up to ${KILLS} SIGKILLs in ${BUDGET_MS / 1000} s mid-save: the file is always the old or the new settings, never torn`, async () => {
    const deadline = Date.now() + BUDGET_MS
    const tally: Tally = { kills: 0, a: 0, b: 0, midSave: 0 }
    const dirs = await Promise.all(Array.from({ length: LANES }, (_, i) => mkdtemp(join(work, `lane-${i}-`))))
    await Promise.all(dirs.map((dir) => lane(dir, KILLS / LANES, deadline, tally)))

    expect(tally.kills, 'kills done within the time budget').toBeGreaterThanOrEqual(Date.now() < deadline ? KILLS : MIN_KILLS)
    // The test can fail: kills land inside saves (a temporary file was caught
    // half-way) and both versions were found on disk.
    expect(tally.midSave).toBeGreaterThan(0)
    expect(tally.a).toBeGreaterThan(0)
    expect(tally.b).toBeGreaterThan(0)

    // The next save, by a process of its own, leaves only the settings file.
    for (const dir of dirs) {
      await createSettingsStore(dir).save(SETTINGS_A)
      expect(await readdir(dir)).toEqual([SETTINGS_FILE])
      expect(await readFile(join(dir, SETTINGS_FILE), 'utf8')).toBe(A)
    }
    console.info(`torn-write: ${JSON.stringify(tally)}`)
  }, 40_000)

  it("the store removes other processes' leftovers before its first write, and nothing else", async () => {
    const dir = await mkdtemp(join(work, 'leftovers-'))
    const dead = `${SETTINGS_FILE}.tmp-999999-0123456789ab`
    const ours = `${SETTINGS_FILE}.tmp-${process.pid}-0123456789ab`
    const others = ['fiche.pdf.tmp-999999-0123456789ab', `${SETTINGS_FILE}.tmp-notes`, 'settings.corrupt-2026-01-01.json']
    for (const name of [dead, ours, ...others]) await writeFile(join(dir, name), 'x')
    await createSettingsStore(dir).save(SETTINGS_B)
    expect((await readdir(dir)).sort()).toEqual([SETTINGS_FILE, ours, ...others].sort())
    expect(await readFile(join(dir, SETTINGS_FILE), 'utf8')).toBe(B)
  })
})
