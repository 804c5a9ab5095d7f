// npm run bench: builds the renderer, then measures (1) the renderer's
// JavaScript size, (2) the handout, react-pdf against Chromium's
// print-to-PDF, (3) the renderer in Chromium (playwright.bench.config.ts),
// and writes BENCHMARKS.md with the machine, the date, the method and the
// figures against the targets. Not part of npm test.
// `npm run bench -- --no-build` measures the renderer already in out/, without
// the keystroke profiles (they need a build that keeps the names).
import { execFileSync, spawnSync } from 'node:child_process'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, freemem, loadavg, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { benchHandout } from './handout'
import { benchSize } from './size'
import { renderReport, type Machine, type RendererResults } from './report'

const repoRoot = resolve(import.meta.dirname, '../..')
const sh = (cmd: string, args: string[]): string => execFileSync(cmd, args, { cwd: repoRoot, encoding: 'utf8' }).trim()

function machine(): Machine {
  const os = /PRETTY_NAME="([^"]+)"/u.exec(sh('cat', ['/etc/os-release']))?.[1] ?? 'unknown'
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ramGiB: totalmem() / 2 ** 30,
    freeGiB: freemem() / 2 ** 30,
    os,
    kernel: sh('uname', ['-r']),
    node: process.version,
    chromium: sh(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']),
    load: loadavg(),
  }
}

const started = new Date()
const before = machine()
if (!process.argv.includes('--no-build')) {
  console.log('bench: build')
  sh('npm', ['run', 'build'])
}
console.log('bench: renderer JavaScript size')
const size = await benchSize()
console.log('bench: handout (react-pdf and Chromium print-to-PDF)')
const handout = await benchHandout()
console.log('bench: renderer in Chromium (playwright.bench.config.ts)')
// The renderer bench merges each figure into this file as it goes: start from none.
await rm(join(repoRoot, 'artifacts', 'bench', 'renderer.json'), { force: true })
const playwright = (args: string[]) =>
  spawnSync('npx', ['playwright', 'test', '-c', 'playwright.bench.config.ts', '--reporter=line', ...args], {
    cwd: repoRoot,
    stdio: 'inherit',
  })
// Every figure on the build as shipped (minified); then, unless --no-build, the keystroke
// and tick profiles on a build that keeps its functions' names, so that they name what they find.
const PROFILES = 'profile$'
const measured = playwright(['--grep-invert', PROFILES])
let profiled = measured
if (!process.argv.includes('--no-build')) {
  console.log('bench: build (renderer with names, for the profile)')
  execFileSync('npm', ['run', 'build'], { cwd: repoRoot, env: { ...process.env, MOLLET_KEEP_NAMES: '1' }, stdio: 'ignore' })
  profiled = playwright(['--grep', PROFILES])
  sh('npm', ['run', 'build'])
}
const rendererRunOk = measured.status === 0 && profiled.status === 0
const renderer = JSON.parse(await readFile(join(repoRoot, 'artifacts', 'bench', 'renderer.json'), 'utf8')) as RendererResults
const after = machine()
await writeFile(
  join(repoRoot, 'BENCHMARKS.md'),
  renderReport({
    started,
    finished: new Date(),
    machine: before,
    loadAfter: after.load,
    size,
    handout,
    renderer,
    rendererRunOk,
  }),
)
console.log('bench: BENCHMARKS.md written')
process.exitCode = rendererRunOk ? 0 : 1
