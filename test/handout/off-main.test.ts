// The PDF layout never runs on Electron's main process: the built main bundle
// (out/main/index.js and what it imports) does not load react-pdf; only the
// worker thread's bundle does. Reads the output of `npm run build` (npm test
// builds before the unit tests).
import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const outMain = resolve(import.meta.dirname, '../../out/main')

/** Package specifiers imported by a built file and by the local files it imports, statically or not. */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>()
  if (seen.has(file)) return packages
  seen.add(file)
  const code = readFileSync(file, 'utf8')
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/gu)) {
    const spec = m[1] as string
    if (spec.startsWith('.')) for (const p of importsOf(join(dirname(file), spec), seen)) packages.add(p)
    else packages.add(spec)
  }
  return packages
}

describe('the built main process', () => {
  it('was built (npm run build)', () => {
    expect(existsSync(join(outMain, 'index.js')), 'run `npm run build` first').toBe(true)
  })

  it('does not load the PDF library; the handout worker does', () => {
    const main = importsOf(join(outMain, 'index.js'))
    expect(main.has('electron')).toBe(true)
    expect([...main].filter((p) => p.startsWith('@react-pdf/') || p === 'react' || p.startsWith('react/'))).toEqual([])
    const worker = importsOf(join(outMain, 'handoutWorker.js'))
    expect(worker.has('@react-pdf/renderer')).toBe(true)
    expect(worker.has('electron')).toBe(false)
  })
})
