import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { layering } from './scripts/build/layering'

const ZOD = "validation is main's (shared/ipc/validators.ts); the contract holds only types and plain checks"

// Non-default folders: every side names its entry explicitly.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The handout's and the packs' worker threads are entries of their own: out/main/handoutWorker.js, packWorker.js.
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          handoutWorker: resolve('electron/main/handout/worker.ts'),
          packWorker: resolve('electron/main/pack/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules: one CommonJS file.
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
    plugins: [
      layering({
        name: 'The preload',
        folders: ['electron/preload', 'shared'],
        forbiddenPackages: { zod: ZOD },
        externals: ['electron'],
      }),
    ],
  },
  renderer: {
    root: 'renderer',
    base: './',
    // The renderer's one way to the shared code: `@shared/…` (tsconfig.base.json says the same to TypeScript).
    resolve: { alias: { '@shared': resolve('shared') } },
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // MOLLET_KEEP_NAMES: the bench's renderer build, whose CPU profile should name functions.
      minify: process.env.MOLLET_KEEP_NAMES !== '1',
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [
      react(),
      layering({
        name: 'The renderer',
        folders: ['renderer', 'shared'],
        forbiddenPackages: { zod: ZOD, electron: 'the renderer reaches main through window.mollet only' },
      }),
    ],
  },
})
