// The Chromium e2e: the built renderer in Debian's Chromium, with the real
// main-process handlers behind the very API the preload exposes (buildApi from
// the contract). Only the transport differs: a Playwright binding instead of
// Electron's IPC, and the sender check sees the page's real frame and origin.
import { test as base, expect, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { METHODS, buildApi } from '../../shared/ipc/contract'
import { createDispatcher } from '../../electron/main/ipc/dispatcher'
import { createHandlers, type HandlerDeps } from '../../electron/main/handlers'
import { serveRenderer, type StaticServer } from './static-server'

export const repoRoot = resolve(import.meta.dirname, '../..')
export const rendererDir = join(repoRoot, 'out/renderer')
export const resourcesDir = join(repoRoot, 'resources')

/** Installs the handlers behind window.mollet for `page`, before any page script runs. */
export async function installBridge(page: Page, origin: string, deps: HandlerDeps): Promise<void> {
  const dispatch = createDispatcher(createHandlers(deps), origin)
  await page.exposeBinding('__molletInvoke', ({ frame, page: source }, method: unknown, args: unknown) =>
    dispatch(method, args, { url: frame.url(), isMainFrame: frame === source.mainFrame() }),
  )
  await page.addInitScript({
    content: `Object.defineProperty(window, 'mollet', {
      value: (${buildApi.toString()})(${JSON.stringify(METHODS)}, (m, a) => window.__molletInvoke(m, a)),
      enumerable: true,
    });`,
  })
}

interface Fixtures {
  /** Per-test user-data folder, removed afterwards. */
  userDataDir: string
  /** Handler dependencies; override to inject faults. Unset ones: the per-test userDataDir, no native dialogs. */
  handlerDeps: Pick<HandlerDeps, 'resourcesDir'> & Partial<HandlerDeps>
  /** The app page, opened and bridged. */
  mollet: Page
}

interface WorkerFixtures {
  server: StaticServer
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await serveRenderer(rendererDir)
      await use(server)
      await server.close()
    },
    { scope: 'worker' },
  ],
  userDataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'mollet-e2e-'))
    await use(dir)
    // A settings write the page started just before it closed may still be landing: retry.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
  },
  handlerDeps: async ({}, use) => {
    await use({ resourcesDir })
  },
  mollet: async ({ page, server, handlerDeps, userDataDir }, use) => {
    // No native dialog in Chromium: saving is cancelled, printing does nothing.
    const desktop = { chooseSavePath: async () => null, printPdf: async () => undefined }
    await installBridge(page, server.origin, {
      ...handlerDeps,
      userDataDir: handlerDeps.userDataDir ?? userDataDir,
      desktop: handlerDeps.desktop ?? desktop,
    })
    await page.goto(`${server.origin}/index.html`)
    await use(page)
  },
})

export { expect }
