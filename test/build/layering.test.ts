// The build's import rail (scripts/build/layering.ts), on module lists like
// the bundler's; the real build runs it in `npm test` (electron.vite.config.ts).
import { describe, expect, it } from 'vitest'
import { layeringProblems, type Layer } from '../../scripts/build/layering'

const root = '/repo'
const renderer: Layer = { name: 'The renderer', folders: ['renderer', 'shared'], forbiddenPackages: { zod: 'no zod' } }

describe('layeringProblems', () => {
  it('accepts the renderer, shared/, allowed packages and virtual modules', () => {
    const ids = [
      '/repo/renderer/src/main.tsx',
      '/repo/shared/kb/types.ts',
      '/repo/node_modules/react/index.js',
      '/repo/node_modules/@tanstack/react-table/dist/index.js',
      '\0vite/preload-helper',
      '/repo/renderer/src/styles.css?inline',
    ]
    expect(layeringProblems(root, ids, renderer)).toEqual([])
  })

  it('refuses main-process files, Node built-ins, run-time externals and forbidden packages (said once)', () => {
    const ids = [
      '/repo/electron/main/handlers.ts',
      '/repo/scripts/handout.ts',
      'node:fs',
      'electron',
      '/repo/node_modules/zod/v4/core/core.js',
      '/repo/node_modules/zod/v4/locales/fr.js',
      '/repo/node_modules/@scope/zod/index.js',
    ]
    expect(layeringProblems(root, ids, renderer)).toEqual([
      'The renderer bundles electron/main/handlers.ts, outside renderer, shared',
      'The renderer bundles scripts/handout.ts, outside renderer, shared',
      'The renderer bundles the Node built-in node:fs',
      'The renderer loads electron at run time',
      'The renderer bundles zod (node_modules/zod/v4/core/core.js): no zod',
    ])
  })

  it('lets a layer name the externals it loads at run time', () => {
    const preload: Layer = { ...renderer, name: 'The preload', folders: ['electron/preload'], externals: ['electron'] }
    expect(layeringProblems(root, ['electron', '/repo/electron/preload/index.ts'], preload)).toEqual([])
  })
})
