// Reading files that nobody vouches for (a .mollet handed over on a USB key, a
// key file in a trusted folder, a content folder, the installed state),
// bounded: opened non-blocking — a FIFO or a device would otherwise block the
// open until a writer appears, for ever — then checked with fstat to be a
// regular file no larger than its cap before a byte is read. Plain Node, for
// the app's handlers and the command line.
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import type { KbProblem } from '../../../shared/kb/types'
import { shown } from '../../../shared/text/shown'
import { PACK_LIMITS, mebibytes } from './limits'

export type FileRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'missing' | 'not-a-file' | 'too-large' | 'changed' | 'unreadable' }

/** O_NONBLOCK where the system has it (not on Windows, where a FIFO cannot be opened by a path like this). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/** A regular file's bytes when it holds at most `max`; why not otherwise. */
export async function readRegularFile(path: string, max: number): Promise<FileRead> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, READ_FLAGS)
  } catch (error) {
    return { ok: false, reason: (error as { code?: unknown }).code === 'ENOENT' ? 'missing' : 'unreadable' }
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file' }
    if (stat.size > max) return { ok: false, reason: 'too-large' }
    // One byte more than its size: a file that grows while it is read is caught.
    const buffer = new Uint8Array(stat.size + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
      if (length === buffer.length) return { ok: false, reason: 'changed' }
    }
    return { ok: true, bytes: buffer.slice(0, length) }
  } catch {
    return { ok: false, reason: 'unreadable' }
  } finally {
    await handle.close().catch(() => undefined)
  }
}

export type PackFile = { ok: true; bytes: Uint8Array } | { ok: false; problem: KbProblem }

const PACK_FILE_MESSAGES: Record<Exclude<FileRead, { ok: true }>['reason'], string> = {
  missing: 'Fichier introuvable ou illisible.',
  unreadable: 'Fichier illisible.',
  'not-a-file': 'Ce n’est pas un fichier ordinaire (dossier, tube ou périphérique)\u00a0: il est refusé.',
  'too-large': `Le paquet dépasse la taille admise (${mebibytes(PACK_LIMITS.archiveBytes)})\u00a0: il est refusé.`,
  changed: 'Le fichier a changé pendant sa lecture\u00a0: réessayez.',
}

/** A .mollet file, refused before it is read when it is over the archive cap or not a regular file. */
export async function readPackFile(path: string): Promise<PackFile> {
  const read = await readRegularFile(path, PACK_LIMITS.archiveBytes)
  if (read.ok) return read
  return { ok: false, problem: { file: shown(basename(path)), entry: null, field: null, message: PACK_FILE_MESSAGES[read.reason] } }
}
