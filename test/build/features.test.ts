// The renderer is organised by what the clinician does (CONTRIBUTING.md): a
// feature folder reaches another only through its public entry (its
// index.ts), lib/ reaches no feature, and no feature reaches the shell (app/).
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(import.meta.dirname, '../../renderer/src')
const FEATURES = ['app', 'consultation', 'tables', 'detail', 'orientation', 'handout', 'content'] as const
const FOLDERS: readonly string[] = [...FEATURES, 'lib']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/u.test(entry.name) ? [path] : []
  })
}

/** The folder of renderer/src a path is in, or is ('' for the files at its root). */
function folderOf(path: string): string {
  const parts = relative(SRC, path).split('/')
  const first = parts[0] as string
  return parts.length > 1 || FOLDERS.includes(first) ? first : ''
}

/** What breaks the rule in one file's text, as « file → import ». */
function crossings(file: string, text: string): string[] {
  const from = folderOf(file)
  const found: string[] = []
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/gu)) {
    const spec = match[1] as string
    const target = resolve(dirname(file), spec)
    const to = folderOf(target)
    // The entry (main.tsx) mounts the shell; a feature's own files and lib/ are anyone's.
    if (from === '' || to === from || to === '' || to === 'lib') continue
    const where = `${relative(SRC, file)} → ${spec}`
    if (from === 'lib') found.push(`${where} (lib/ reaches no feature)`)
    else if (to === 'app') found.push(`${where} (no feature reaches the shell)`)
    else if (relative(SRC, target) !== to) found.push(`${where} (only through ${to}/index.ts)`)
  }
  return found
}

describe('the renderer’s feature folders', () => {
  it('are the folders there are, each feature with its public entry', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
    expect(folders).toEqual([...FEATURES, 'lib'].sort())
    for (const feature of FEATURES.filter((f) => f !== 'app')) {
      expect(() => readFileSync(join(SRC, feature, 'index.ts')), feature).not.toThrow()
    }
  })

  it('reach one another only through their public entry', () => {
    const found = sourceFiles(SRC).flatMap((file) => crossings(file, readFileSync(file, 'utf8')))
    expect(found).toEqual([])
  })

  it('the check catches a deep import, lib/ reaching a feature, and a feature reaching the shell', () => {
    expect(crossings(join(SRC, 'orientation/X.tsx'), "import { useHandout } from '../handout/HandoutContext'")).toHaveLength(1)
    expect(crossings(join(SRC, 'orientation/X.tsx'), "import { useHandout } from '../handout'")).toEqual([])
    expect(crossings(join(SRC, 'lib/X.ts'), "import { useHandout } from '../handout'")).toHaveLength(1)
    expect(crossings(join(SRC, 'tables/X.tsx'), "import { App } from '../app/App'")).toHaveLength(1)
  })
})
