// Real faults on disk, for the handler tests (test/faults) and the Chromium
// e2e (e2e/chromium/faults.spec.ts): a resources folder with a knowledge-base
// file missing or corrupt or without its fonts, a folder nobody can write to
// (tests run as root here, where chmod does not stop writes), a path under a file.
import { execFileSync } from 'node:child_process'
import { chmod, copyFile, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

export const REAL_RESOURCES = resolve(import.meta.dirname, '../../resources')

export interface ResourcesFaults {
  /** knowledge/ files left out. */
  missing?: string[]
  /** knowledge/ files replaced by this text. */
  corrupt?: Record<string, string>
  /** No fonts/ folder: the PDF cannot be drawn. */
  withoutFonts?: boolean
}

/** A copy of resources/ (knowledge files copied, source/ and fonts/ linked) with the faults asked for. */
export async function faultyResources(root: string, faults: ResourcesFaults): Promise<string> {
  const dir = join(root, 'resources')
  await mkdir(join(dir, 'knowledge'), { recursive: true })
  for (const name of await readdir(join(REAL_RESOURCES, 'knowledge'))) {
    if (faults.missing?.includes(name)) continue
    const broken = faults.corrupt?.[name]
    if (broken !== undefined) await writeFile(join(dir, 'knowledge', name), broken)
    else await copyFile(join(REAL_RESOURCES, 'knowledge', name), join(dir, 'knowledge', name))
  }
  await symlink(join(REAL_RESOURCES, 'source'), join(dir, 'source'))
  if (!faults.withoutFonts) await symlink(join(REAL_RESOURCES, 'fonts'), join(dir, 'fonts'))
  return dir
}

/** A folder path under a regular file: nothing can be created there, whoever runs (ENOTDIR). */
export async function pathUnderAFile(root: string, name: string): Promise<string> {
  const file = join(root, 'un-fichier')
  await writeFile(file, 'pas un dossier')
  return join(file, name)
}

export type LockedFolder = { unlock: () => Promise<void> } | { unlock: null; reason: string }

/**
 * Makes an existing folder unwritable: `chattr +i` as root (root ignores
 * permission bits; ext4 and most file systems honour the immutable flag),
 * chmod 555 otherwise. Checked by trying to write in it; `unlock: null` with
 * the reason when this machine cannot do it.
 */
export async function lockFolder(dir: string): Promise<LockedFolder> {
  const root = process.getuid?.() === 0
  let unlock: () => Promise<void>
  try {
    if (root) {
      execFileSync('chattr', ['+i', dir], { stdio: 'pipe' })
      unlock = async () => {
        execFileSync('chattr', ['-i', dir], { stdio: 'pipe' })
      }
    } else {
      await chmod(dir, 0o555)
      unlock = () => chmod(dir, 0o755)
    }
  } catch (error) {
    return { unlock: null, reason: `${root ? 'chattr +i' : 'chmod'} impossible ici: ${String(error)}` }
  }
  const probe = join(dir, '.probe')
  try {
    await writeFile(probe, '')
  } catch {
    return { unlock }
  }
  await rm(probe, { force: true })
  await unlock()
  return { unlock: null, reason: 'the folder stays writable on this machine' }
}
