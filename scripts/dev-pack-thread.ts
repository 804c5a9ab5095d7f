// The packs' worker thread from the TypeScript sources, for the tests and the
// Chromium e2e; the app builds worker.ts into out/main (electron.vite.config.ts).
import { createPackThread, type PackThread, type PackThreadOptions } from '../electron/main/pack/verify-thread'

export function devPackThread(options: Pick<PackThreadOptions, 'timeoutMs' | 'resourceLimits'> = {}): PackThread {
  return createPackThread({
    ...options,
    entry: new URL('./tsx-worker.mjs', import.meta.url),
    workerData: { entry: new URL('../electron/main/pack/worker.ts', import.meta.url).href },
  })
}
