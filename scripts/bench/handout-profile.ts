// Renders the standard handout (or, with --note, the one with the longest
// note) RUNS times in one process after WARMUP renders, and prints the warm
// times. With PROFILE=file.cpuprofile, only the warm renders are profiled (V8's
// sampling profiler through node:inspector): scripts/bench/profile-summary.ts
// attributes their time. `npx tsx scripts/bench/handout-profile.ts [--note]`.
import { writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import { resolve } from 'node:path'
import { renderHandoutPdf } from '../../electron/main/handout/pdf/document'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'
import { handoutWithLongestNote, standardHandout } from './handout-doc'
import { median, percentile } from './stats'

const RUNS = Number(process.env.RUNS ?? 30)
const resourcesDir = resolve(import.meta.dirname, '../../resources')
const { kb } = await loadKnowledgeBase(resourcesDir)
const doc = process.argv.includes('--note') ? handoutWithLongestNote(kb) : standardHandout(kb)
for (let i = 0; i < Number(process.env.WARMUP ?? 3); i++) await renderHandoutPdf(doc, resourcesDir)
const session = process.env.PROFILE ? new Session() : null
if (session) {
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
}
const times: number[] = []
// CPU time too: on a busy machine it moves less than the wall clock.
const cpu: number[] = []
for (let i = 0; i < RUNS; i++) {
  const start = performance.now()
  const used = process.cpuUsage()
  await renderHandoutPdf(doc, resourcesDir)
  times.push(performance.now() - start)
  const { user, system } = process.cpuUsage(used)
  cpu.push((user + system) / 1000)
}
if (session) {
  const { profile } = await session.post('Profiler.stop')
  await writeFile(process.env.PROFILE as string, JSON.stringify(profile))
}
const ms = (values: number[]) => `median ${median(values).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`
console.log(`${RUNS} warm renders: ${ms(times)}; CPU ${ms(cpu)}`)
