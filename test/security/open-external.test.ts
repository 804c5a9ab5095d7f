// Electron checklist: "Do not use shell.openExternal with untrusted content".
// Mollet never opens anything outside itself, so the call must not appear in
// the source at all; an exception would have to be listed here, with a reason.
// A static scan on purpose: an absence from every file is not something a run
// of the code can show (hardening.test.ts proves the openExternal permission refused).
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const repoRoot = join(import.meta.dirname, '../..')
const scanned = ['electron', 'renderer', 'shared']
/** Files allowed to call openExternal, each with its reason. None today. */
const allowList: Record<string, string> = {}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.(ts|tsx|js|mjs|cjs|html)$/.test(entry.name) ? [path] : []
  })
}

describe('shell.openExternal', () => {
  const files = scanned.flatMap((dir) => sourceFiles(join(repoRoot, dir)))

  it('scans the whole source (main, preload, renderer, shared)', () => {
    const names = files.map((f) => relative(repoRoot, f))
    expect(names).toContain('electron/main/index.ts')
    expect(names).toContain('electron/preload/index.ts')
    expect(names).toContain('renderer/src/main.tsx')
    expect(names).toContain('shared/ipc/contract.ts')
  })

  it('is called nowhere outside the allow-list', () => {
    const offenders = files
      .filter((f) => /openExternal/i.test(readFileSync(f, 'utf8')))
      .map((f) => relative(repoRoot, f))
      .filter((f) => !(f in allowList))
    expect(offenders).toEqual([])
  })
})
