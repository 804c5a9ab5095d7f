// Reading a .mollet file from disk, bounded: a file over the archive cap is
// refused before it is read. Plain Node, for the app's handlers and the command line.
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import type { KbProblem } from '../../../shared/kb/types'
import { PACK_LIMITS, mebibytes } from './limits'

export type PackFile = { ok: true; bytes: Uint8Array } | { ok: false; problem: KbProblem }

export async function readPackFile(path: string): Promise<PackFile> {
  const file = basename(path)
  const fail = (message: string): PackFile => ({ ok: false, problem: { file, entry: null, field: null, message } })
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, 'r')
  } catch {
    return fail('Fichier introuvable ou illisible.')
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) return fail('Ce n’est pas un fichier.')
    if (stat.size > PACK_LIMITS.archiveBytes) {
      return fail(`Le paquet dépasse la taille admise (${mebibytes(PACK_LIMITS.archiveBytes)})\u00a0: il est refusé.`)
    }
    // One byte more than its size: a file that grows while it is read is caught.
    const buffer = new Uint8Array(stat.size + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
      if (length === buffer.length) return fail('Le fichier a changé pendant sa lecture\u00a0: réessayez.')
    }
    return { ok: true, bytes: buffer.slice(0, length) }
  } catch {
    return fail('Fichier illisible.')
  } finally {
    await handle.close().catch(() => undefined)
  }
}
