import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '../harness/fixtures'

/**
 * Where the Electron binary is, without triggering its download (requiring the
 * `electron` package would try to fetch it). Null with the reason when absent.
 */
export function findElectronBinary(): { path: string } | { reason: string } {
  const pkg = join(repoRoot, 'node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const path = join(override, relative ?? 'electron')
    return existsSync(path) ? { path } : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist` }
  }
  if (relative && existsSync(join(pkg, 'dist', relative))) return { path: join(pkg, 'dist', relative) }
  return {
    reason:
      'no Electron binary on this machine (it is fetched on first start where a network exists; set ELECTRON_OVERRIDE_DIST_PATH to use one)',
  }
}
