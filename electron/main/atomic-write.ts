// Atomic file writes: a temporary file in the same folder, flushed to disk,
// then renamed over the target, then the folder flushed too (the rename is an
// entry of the folder: without it, a power cut can leave the old name). A failure leaves the old file (or no file) and
// no temporary file behind. A process killed mid-write leaves its temporary
// file (the target is still whole): removeLeftoverTemps clears those. Plain
// Node, shared by the settings store, the handout's "save as PDF" and the command line.
import { randomBytes } from 'node:crypto'
import { open, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Temporary files are `<name>.tmp-<pid>-<12 hex digits>`, beside the target. */
const TEMP_MARK = '.tmp-'
const TEMP_TAIL = /^(\d+)-[0-9a-f]{12}$/u

export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`
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
  await syncDirectory(dirname(path))
}

/**
 * Flushes a folder's entries to disk. Windows cannot open a folder this way
 * (NTFS journals its renames itself), and a few file systems refuse to sync
 * a folder (EINVAL): neither is an error of the write.
 */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (process.platform !== 'win32' && code !== 'EINVAL' && code !== 'ENOTSUP') throw error
  }
}

/**
 * Removes the temporary files that other processes, killed while writing
 * `path`, left beside it (this process's own are its writes in progress).
 * Best effort: a folder that cannot be read or a file that cannot be removed is left as is.
 */
export async function removeLeftoverTemps(path: string): Promise<void> {
  const prefix = basename(path) + TEMP_MARK
  let names: string[]
  try {
    names = await readdir(dirname(path))
  } catch {
    return
  }
  await Promise.all(
    names
      .filter((n) => {
        const pid = n.startsWith(prefix) ? TEMP_TAIL.exec(n.slice(prefix.length))?.[1] : undefined
        return pid !== undefined && pid !== String(process.pid)
      })
      .map((n) => rm(join(dirname(path), n), { force: true }).catch(() => undefined)),
  )
}
