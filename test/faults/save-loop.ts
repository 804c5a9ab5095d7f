// Child process of torn-write.test.ts: saves the settings file the way the
// settings store does (removeLeftoverTemps once, then writeFileAtomically of
// the exact text), alternating SETTINGS_A and SETTINGS_B, forever, until the
// test kills it. It imports the atomic write alone (not the store and its
// schema library) so that it starts fast. Says "ready" after its first save.
import { join } from 'node:path'
import { removeLeftoverTemps, writeFileAtomically } from '../../electron/main/atomic-write'
import { SETTINGS_A, SETTINGS_B, fileText } from './settings-pair'

const dir = process.argv[2]
if (!dir) throw new Error('usage: save-loop <user-data folder>')
const path = join(dir, 'settings.json')
await removeLeftoverTemps(path)
await writeFileAtomically(path, fileText(SETTINGS_A))
process.stdout.write('ready\n')
for (let n = 1; ; n++) await writeFileAtomically(path, fileText(n % 2 === 1 ? SETTINGS_B : SETTINGS_A))
