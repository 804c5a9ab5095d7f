// Child process of kill.test.ts: installs pack A, then B, then A… the way the
// content store does (createInstalledFiles().commit: the pack file, then
// state.json, each written atomically; then the files no state names are
// removed), forever, until the test kills it. Says "ready" after its first install.
// Each state stores the trust versions its pack was installed under (its trust file's).
import { readFileSync } from 'node:fs'
import { STATE_VERSION, createInstalledFiles, type InstalledState } from '../../electron/main/pack/installed'
import { sha256Hex } from '../../electron/main/pack/manifest'
import { trustFileSchema } from '../../shared/pack/trust'

const [dir, aPath, bPath, aTrust, bTrust] = process.argv.slice(2)
if (!dir || !aPath || !bPath || !aTrust || !bTrust) {
  throw new Error('usage: install-loop <user-data folder> <pack A> <pack B> <trust file A> <trust file B>')
}
const packs = [
  [aPath, aTrust],
  [bPath, bTrust],
].map(([path, trust], i) => {
  const bytes = new Uint8Array(readFileSync(path as string))
  const versions = trustFileSchema.parse(JSON.parse(readFileSync(trust as string, 'utf8'))).versions
  return { bytes, sha256: sha256Hex(bytes), edition: String(i + 2), versions }
})
const files = createInstalledFiles(dir)

function stateFor(n: number): InstalledState {
  const pack = packs[n % 2] as (typeof packs)[number]
  return {
    version: STATE_VERSION,
    current: { sha256: pack.sha256, version: { title: 'Contractions musculaires au mollet', edition: pack.edition, revision: '' } },
    previous: { pack: null },
    lastChange: null,
    changedAt: new Date().toISOString(),
    trust: [pack.versions],
  }
}

await files.commit(stateFor(0), packs[0])
process.stdout.write('ready\n')
for (let n = 1; ; n++) await files.commit(stateFor(n), packs[n % 2])
