// Renderer JavaScript size, gzipped (zlib level 9, as a server or an installer
// would compress it): the JS that loads at startup (index.html's module script
// and its modulepreloads, and every static import they make, followed through
// the chunks) and all the JS in out/renderer, lazy chunks (pdf.js and its
// worker, loaded only by the handout preview) included. Needs `npm run build`.
import { readFile, readdir } from 'node:fs/promises'
import { join, posix, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const rendererDir = resolve(import.meta.dirname, '../../out/renderer')

const gz = async (file: string): Promise<{ raw: number; gzip: number }> => {
  const bytes = await readFile(join(rendererDir, file))
  return { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength }
}

/** Static imports of a built chunk: `import … from "./x.js"`, `import "./x.js"`, `export … from`; never `import(…)`. */
function staticImports(code: string): string[] {
  const found = new Set<string>()
  for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/gu)) {
    found.add(m[1] as string)
  }
  return [...found]
}

async function listJs(dir = ''): Promise<string[]> {
  const entries = await readdir(join(rendererDir, dir), { withFileTypes: true })
  const files = await Promise.all(entries.map((e) => (e.isDirectory() ? listJs(posix.join(dir, e.name)) : [posix.join(dir, e.name)])))
  return files.flat().filter((f) => /\.(m?js)$/u.test(f))
}

export async function benchSize() {
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8')
  const roots = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.?\/?([^"]+\.m?js)"/gu)].map((m) => m[1] as string)
  const startup = new Set<string>()
  const queue = [...roots]
  while (queue.length > 0) {
    const file = queue.shift() as string
    if (startup.has(file)) continue
    startup.add(file)
    const code = await readFile(join(rendererDir, file), 'utf8')
    for (const spec of staticImports(code)) {
      if (spec.startsWith('.')) queue.push(posix.normalize(posix.join(posix.dirname(file), spec)))
    }
  }
  const all = await listJs()
  const sizes = Object.fromEntries(await Promise.all(all.map(async (f) => [f, await gz(f)] as const)))
  const sum = (files: Iterable<string>) =>
    [...files].reduce((t, f) => ({ raw: t.raw + (sizes[f]?.raw ?? 0), gzip: t.gzip + (sizes[f]?.gzip ?? 0) }), { raw: 0, gzip: 0 })
  return {
    startupFiles: [...startup],
    startup: sum(startup),
    allFiles: sizes,
    all: sum(all),
  }
}

if (process.argv[1] === import.meta.filename) console.log(JSON.stringify(await benchSize(), null, 2))
