// The handout's render thread from the TypeScript sources, for the command
// line and the tests; the app builds worker.ts into out/main (electron.vite.config.ts).
import { createRenderThread, type PdfRenderer, type RenderThreadOptions } from '../electron/main/handout/render-thread'

export function devRenderThread(options: Pick<RenderThreadOptions, 'timeoutMs'> = {}): PdfRenderer {
  return createRenderThread({
    ...options,
    entry: new URL('./tsx-worker.mjs', import.meta.url),
    workerData: { entry: new URL('../electron/main/handout/worker.ts', import.meta.url).href },
  })
}
