// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by
// package, and total (inclusive) time of the functions named on the command line.
import { readFileSync } from 'node:fs'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
const [file, ...named] = process.argv.slice(2)
const profile = JSON.parse(readFileSync(file as string, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] }
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const self = new Map<number, number>()
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
})
const total = [...self.values()].reduce((a, b) => a + b, 0)
const where = (n: Node): string => {
  const url = n.callFrame.url
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/u.exec(url)
  return m ? (m[1] as string) : url ? url.replace(/^.*\/wt-handout\//u, '') : '(native)'
}
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v)
const fn = new Map<string, number>()
const pkg = new Map<string, number>()
for (const [id, ms] of self) {
  const n = byId.get(id) as Node
  add(fn, `${n.callFrame.functionName || '(anon)'} ${where(n)}:${n.callFrame.lineNumber + 1}`, ms)
  add(pkg, where(n), ms)
}
const top = (m: Map<string, number>, k: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n')
console.log(`total ${total.toFixed(0)} ms\n-- self by package\n${top(pkg, 15)}\n-- self by function\n${top(fn, 40)}`)
for (const name of named) {
  // Inclusive: a sample counts once if any frame on its stack is `name`.
  let ms = 0
  profile.samples.forEach((id, i) => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      if (byId.get(cur)?.callFrame.functionName === name) {
        ms += (profile.timeDeltas[i] ?? 0) / 1000
        break
      }
    }
  })
  console.log(`inclusive ${name}: ${ms.toFixed(0)} ms (${((ms / total) * 100).toFixed(1)} %)`)
}
// Inclusive time of every frame (function and line), each sample once per frame.
const inclusive = new Map<string, number>()
profile.samples.forEach((id, i) => {
  const seen = new Set<string>()
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur) as Node
    const key = `${n.callFrame.functionName || '(anon)'} ${where(n)}:${n.callFrame.lineNumber + 1}`
    if (!seen.has(key)) {
      seen.add(key)
      add(inclusive, key, (profile.timeDeltas[i] ?? 0) / 1000)
    }
  }
})
console.log(`-- inclusive by frame\n${top(inclusive, Number(process.env.TOP ?? 80))}`)
