// Atomic file writes: a temporary file in the same folder, flushed to disk,
// then renamed over the target. A failure leaves the old file (or no file) and
// no temporary file behind. Plain Node, shared by the settings store, the
// handout's "save as PDF" and the command line.
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'

export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`
  try {
    const handle = await open(tmp, 'wx', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, path)
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined)
    throw error
  }
}
