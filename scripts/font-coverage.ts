// Writes shared/handout/font-coverage.ts: the code points every face of the
// handout's font (resources/fonts) draws, as ranges. Run it after changing the
// fonts: npx tsx scripts/font-coverage.ts (test/handout/printable.test.ts fails
// until the table matches the fonts).
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { bundledFont } from '../electron/main/handout/pdf/fonts'

const font = await bundledFont(resolve(import.meta.dirname, '../resources'))
const ranges: [number, number][] = []
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if (!font.covers(cp)) continue
  const last = ranges.at(-1)
  if (last && last[1] === cp - 1) last[1] = cp
  else ranges.push([cp, cp])
}
const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`
const out = resolve(import.meta.dirname, '../shared/handout/font-coverage.ts')
await writeFile(
  out,
  `// Written by scripts/font-coverage.ts from resources/fonts: do not edit by hand.
/** The code points every face of the handout's font draws, as inclusive ranges, ascending. */
export const FONT_COVERAGE: readonly (readonly [number, number])[] = [
${ranges.map(([a, b]) => `  [${hex(a)}, ${hex(b)}],`).join('\n')}
]
`,
)
process.stdout.write(`${out}\u00a0: ${ranges.length} plages\n`)
