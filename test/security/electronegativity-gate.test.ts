// The Electronegativity gate (scripts/security-lint.cjs) on a small insecure
// fixture app: it must fail on unexplained HIGH/MEDIUM findings, pass once each
// is explained, and fail on an explanation that matches nothing.
import { afterAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const script = join(import.meta.dirname, '../../scripts/security-lint.cjs')
const fixture = mkdtempSync(join(tmpdir(), 'mollet-gate-'))
afterAll(() => rmSync(fixture, { recursive: true, force: true }))

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fixture', devDependencies: { electron: '^45.5.0' } }),
  'electron/main/index.ts': [
    "import { app, BrowserWindow } from 'electron'",
    'app.whenReady().then(() => {',
    '  const win = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } })',
    "  void win.loadURL('https://example.org/')",
    '})',
  ].join('\n'),
  'renderer/index.html': '<!doctype html><html><head><title>x</title></head><body></body></html>',
  'shared/x.ts': 'export const x: number = 1',
}
for (const [name, text] of Object.entries(files)) {
  mkdirSync(join(fixture, name, '..'), { recursive: true })
  writeFileSync(join(fixture, name), text)
}

const findings = [
  ['CONTEXT_ISOLATION_JS_CHECK', 'electron/main/index.ts'],
  ['SANDBOX_JS_CHECK', 'electron/main/index.ts'],
  ['AUXCLICK_JS_CHECK', 'electron/main/index.ts'],
  ['LIMIT_NAVIGATION_GLOBAL_CHECK', 'N/A'],
  ['PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'N/A'],
  ['CSP_GLOBAL_CHECK', 'N/A'],
]

function gate(accepted: [string, string][]) {
  mkdirSync(join(fixture, 'security'), { recursive: true })
  const entries = accepted.map(([check, file]) => ({ check, file, reason: 'Explained for the gate test fixture.' }))
  writeFileSync(join(fixture, 'security/electronegativity-accepted.json'), JSON.stringify(entries))
  const run = spawnSync(process.execPath, [script, '--root', fixture], { encoding: 'utf8', timeout: 60_000 })
  return { status: run.status, output: run.stdout + run.stderr }
}

describe('lint:security gate', () => {
  it('fails on unexplained HIGH and MEDIUM findings, naming each', () => {
    const { status, output } = gate([])
    expect(status).toBe(1)
    for (const [check] of findings) expect(output).toMatch(new RegExp(`unexplained (HIGH|MEDIUM) finding ${check}`))
    expect(output).toMatch(/unexplained HIGH finding CONTEXT_ISOLATION_JS_CHECK at electron\/main\/index\.ts:3/)
    expect(output).toMatch(/unexplained HIGH finding LIMIT_NAVIGATION_GLOBAL_CHECK/)
    expect(output).not.toMatch(/network attempt/)
  })

  it('passes once every finding is explained', () => {
    const { status, output } = gate(findings as [string, string][])
    expect(output).toContain('lint:security passed')
    expect(status).toBe(0)
  })

  it('fails on an explanation that matches no finding', () => {
    const { status, output } = gate([...(findings as [string, string][]), ['OPEN_EXTERNAL_JS_CHECK', 'x.ts']])
    expect(status).toBe(1)
    expect(output).toMatch(/stale entry .* OPEN_EXTERNAL_JS_CHECK x\.ts/)
  })
})
