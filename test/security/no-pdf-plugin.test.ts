// Printing rests on no plugin: no window of the Electron shell turns plugins on
// (Chromium's PDF viewer, which printed blank or showed nothing in Mollet's set-up:
// electron/electron#27121, #30947, #47708), and no other session is made.
// A static scan on purpose: it speaks of windows and sessions that do not exist,
// anywhere in electron/, which no run of the code can show. The one window
// there is gets secureWebPreferences only, and the default session both
// permission handlers: test/security/shell.test.ts runs the shell.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const electronDir = resolve(import.meta.dirname, '../../electron')
const sources = (readdirSync(electronDir, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/u.test(f))
  .map((f) => ({ file: f, code: readFileSync(join(electronDir, f), 'utf8') }))

describe('the Electron shell', () => {
  it('has sources to look at', () => {
    expect(sources.map((s) => s.file)).toContain(join('main', 'index.ts'))
  })

  it.each(['plugins: true', 'session.fromPartition', 'fromPartition('])('never says %s', (needle) => {
    expect(sources.filter((s) => s.code.replace(/\s+/gu, ' ').includes(needle)).map((s) => s.file)).toEqual([])
  })
})
