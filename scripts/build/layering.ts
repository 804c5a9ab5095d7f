// The build's own rail under the import rules Biome checks file by file
// (biome.jsonc): Biome sees one file's imports, this sees the whole bundle, so
// zod or Electron reached through a shared/ module fails the build too.
import { isAbsolute, relative, sep } from 'node:path'
import type { Plugin } from 'vite'

export interface Layer {
  /** The bundle, for the message. */
  name: string
  /** Folders (relative to the project) whose files may be in the bundle. */
  folders: string[]
  /** Packages that must not be in it, with the reason said when one is. */
  forbiddenPackages: Record<string, string>
  /** Modules left external (loaded at run time, not bundled) that the layer may use. */
  externals?: string[]
}

/** What in `moduleIds` breaks `layer`; one line each (a build message, for engineers). */
export function layeringProblems(root: string, moduleIds: readonly string[], layer: Layer): string[] {
  const problems: string[] = []
  const packagesSaid = new Set<string>()
  for (const id of moduleIds) {
    if (id.startsWith('\0')) continue // a bundler's virtual module (e.g. the React refresh runtime)
    const path = id.split('?')[0] as string
    if (path.startsWith('node:')) {
      problems.push(`${layer.name} bundles the Node built-in ${path}`)
      continue
    }
    if (!isAbsolute(path)) {
      if (!layer.externals?.includes(path)) problems.push(`${layer.name} loads ${path} at run time`)
      continue
    }
    const file = relative(root, path).split(sep).join('/')
    const inPackage = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)
    if (inPackage) {
      const name = inPackage[1] as string
      const reason = layer.forbiddenPackages[name]
      if (reason && !packagesSaid.has(name)) problems.push(`${layer.name} bundles ${name} (${file}): ${reason}`)
      packagesSaid.add(name)
      continue
    }
    if (!layer.folders.some((folder) => file.startsWith(`${folder}/`))) {
      problems.push(`${layer.name} bundles ${file}, outside ${layer.folders.join(', ')}`)
    }
  }
  return problems
}

/** Fails the build when the bundle holds a module its layer forbids. */
export function layering(layer: Layer): Plugin {
  return {
    name: 'mollet-layering',
    apply: 'build',
    generateBundle() {
      const problems = layeringProblems(process.cwd(), [...this.getModuleIds()], layer)
      if (problems.length > 0) this.error(`Import rules broken:\n${problems.join('\n')}`)
    },
  }
}
