// The Chromium e2e: the built renderer in Debian's Chromium, with the real
// main-process handlers behind the very API the preload exposes (buildApi from
// the contract). Only the transport differs: a Playwright binding instead of
// Electron's IPC, and the sender check sees the page's real frame and origin.
// The system's print dialog is the one thing replaced: window.print() records
// the print document under print media (page.pdf) instead; headless Chromium
// cannot print, and a real print() there blocks page.pdf for good.
import { test as base, expect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { MENU_COMMANDS, METHODS, buildApi, isMenuCommand, type MenuCommand } from '../../shared/ipc/contract'
import { createDispatcher } from '../../electron/main/ipc/dispatcher'
import { createHandlers, type DesktopPort, type HandlerDeps } from '../../electron/main/handlers'
import type { PdfRenderer } from '../../electron/main/handout/render-thread'
import { devRenderThread } from '../../scripts/dev-render-thread'
import { serveRenderer, type StaticServer } from './static-server'

export const repoRoot = resolve(import.meta.dirname, '../..')
export const rendererDir = join(repoRoot, 'out/renderer')
export const resourcesDir = join(repoRoot, 'resources')

/** A knowledge-base file of the bundled resources, as the specs compare the screen with it. */
export function readKnowledgeFile<T>(file: string): T {
  return JSON.parse(readFileSync(join(resourcesDir, 'knowledge', file), 'utf8')) as T
}

/** What reached the printer: the handout PDF main made for it, and the print document as printed. */
export interface PrintRecord {
  /** The PDFs main made for printing (renderHandout 'print'), one per window.print(). */
  printed: Uint8Array[]
  /** The page under print media at each window.print() (page.pdf): what the printer would get. */
  printedPages: Uint8Array[]
}

/** How the bridge's JSON carries bytes (a handout's PDF): base64 under this key. */
const BYTES = '__molletBytes'
/**
 * An answer longer than this many characters is fetched by the page over
 * loopback HTTP from the static server, not returned through the binding:
 * Playwright carries a binding's answer inside a CDP message, which took
 * ~1.5 s for a 10,000-entry snapshot (11 MB) — far from Electron's structured
 * clone (~0.16 s) — and one of 200 MB closed the page.
 */
const LONG = 2 ** 20
const FETCH = '__molletFetch'

/** Installs the handlers behind window.mollet for `page`, before any page script runs. */
export async function installBridge(page: Page, server: StaticServer, deps: HandlerDeps, printer?: PrintRecord): Promise<void> {
  const dispatch = createDispatcher(createHandlers(deps), server.origin)
  let printSource: Uint8Array | null = null
  await page.exposeBinding('__molletInvoke', async ({ frame, page: source }, method: unknown, args: unknown) => {
    const result = await dispatch(method, args, { url: frame.url(), isMainFrame: frame === source.mainFrame() })
    const value = result.ok ? (result.value as { status?: string; pdf?: Uint8Array }) : null
    if (method === 'renderHandout' && Array.isArray(args) && args[1] === 'print' && value?.pdf) printSource = value.pdf.slice()
    // A JSON string, parsed in the page: Playwright's own serializer took 78–80 % of the
    // 10,000-entry start (BENCHMARKS.md); JSON costs about what Electron's structured clone does.
    const json = JSON.stringify(result, (_key, v: unknown) =>
      v instanceof Uint8Array ? { [BYTES]: Buffer.from(v).toString('base64') } : v,
    )
    return json.length <= LONG ? json : { [FETCH]: server.offer(json) }
  })
  await page.exposeBinding('__molletPrint', async ({ page: source }) => {
    if (!printer) return
    printer.printedPages.push(new Uint8Array(await source.pdf({ preferCSSPageSize: true, printBackground: true })))
    if (printSource) printer.printed.push(printSource)
    // The dialog closes: what the browser says after a real print.
    await source.evaluate(() => window.dispatchEvent(new Event('afterprint')))
  })
  await page.addInitScript({
    content: `window.print = () => { window.__molletPrint(); };
    Object.defineProperty(window, 'mollet', {
      value: (${buildApi.toString()})(${JSON.stringify(METHODS)}, async (m, a) => {
        let answer = await window.__molletInvoke(m, a);
        if (typeof answer !== 'string') answer = await (await fetch(answer[${JSON.stringify(FETCH)}])).text();
        // The reviver only where there are bytes: called on every value, it made parsing a large
        // snapshot several times slower.
        if (!answer.includes(${JSON.stringify(JSON.stringify(BYTES))})) return JSON.parse(answer);
        return JSON.parse(answer, (_key, v) =>
          v !== null && typeof v === 'object' && typeof v[${JSON.stringify(BYTES)}] === 'string'
            ? Uint8Array.fromBase64(v[${JSON.stringify(BYTES)}])
            : v,
        );
      }),
      enumerable: true,
    });
    {
      // The menu's commands (MolletEvents): what Electron's webContents.send delivers, here from
      // deliverMenuPayload. As in the preload, only a known command reaches the page: the preload's
      // own filter (isMenuCommand, shared/ipc/contract.ts), installed with the list it reads.
      const isMenuCommand = ((MENU_COMMANDS) => ${isMenuCommand.toString()})(${JSON.stringify(MENU_COMMANDS)});
      const listeners = new Set();
      Object.defineProperty(window, 'molletEvents', {
        value: Object.freeze({
          onMenuCommand(listener) {
            const own = (command) => {
              if (isMenuCommand(command)) listener(command);
            };
            listeners.add(own);
            return () => listeners.delete(own);
          },
        }),
        enumerable: true,
      });
      Object.defineProperty(window, '__molletMenuCommand', { value: (command) => listeners.forEach((l) => l(command)) });
    }`,
  })
}

/** Delivers a menu command to the page, as the Electron menu does (File › Imprimer la fiche patient…). */
export async function sendMenuCommand(page: Page, command: MenuCommand): Promise<void> {
  await deliverMenuPayload(page, command)
}

/** Delivers any payload on the menu channel, as webContents.send could: the page-side filter decides what is heard. */
export async function deliverMenuPayload(page: Page, payload: unknown): Promise<void> {
  await page.evaluate((p) => (window as unknown as { __molletMenuCommand: (p: unknown) => void }).__molletMenuCommand(p), payload)
}

/**
 * The desktop edge for the Chromium e2e. The handlers are the real ones; only
 * what Electron alone can do is replaced: the native save dialog "chooses" a
 * path in the test's own folder (or cancels), the open dialog the file a test
 * puts in nextOpenPath; the printer records what it is
 * sent (see PrintRecord) instead of opening the system's print dialog; and the
 * clipboard records the texts written to it.
 */
export interface RecordingDesktop extends DesktopPort, PrintRecord {
  /** Paths the save dialog was asked for, in order (its default file name). */
  saveRequests: string[]
  /** What the next save dialogs answer: a path, or null for "Annuler". Default: <dir>/fiche-<n>.pdf. */
  nextSavePath: ((n: number) => string | null) | null
  /** Every text written to the clipboard, in order. */
  clipboard: string[]
  /** What the next open dialog answers: a path, or null for "Annuler" (the default). */
  nextOpenPath: string | null
  /** Titles of the open dialogs asked for, in order. */
  openRequests: string[]
}

export function recordingDesktop(dir: string): RecordingDesktop {
  const desktop: RecordingDesktop = {
    printed: [],
    printedPages: [],
    saveRequests: [],
    nextSavePath: null,
    clipboard: [],
    nextOpenPath: null,
    openRequests: [],
    async chooseOpenPath(request) {
      desktop.openRequests.push(request.title)
      return desktop.nextOpenPath
    },
    async chooseSavePath(defaultName) {
      desktop.saveRequests.push(defaultName)
      const n = desktop.saveRequests.length
      return desktop.nextSavePath ? desktop.nextSavePath(n) : join(dir, `fiche-${n}.pdf`)
    },
    writeClipboard(text) {
      desktop.clipboard.push(text)
    },
  }
  return desktop
}

interface Fixtures {
  /** Per-test user-data folder, removed afterwards. */
  userDataDir: string
  /** Per-test folder where the save dialog "chooses" its files, removed afterwards. */
  saveDir: string
  /** The dialogs and printer behind the handlers (see recordingDesktop). */
  desktop: RecordingDesktop
  /** Handler dependencies; override to inject faults. Unset ones: the per-test userDataDir, the recording desktop, the render thread. */
  handlerDeps: Pick<HandlerDeps, 'resourcesDir'> & Partial<HandlerDeps>
  /** The app page, opened and bridged. */
  mollet: Page
}

interface WorkerFixtures {
  server: StaticServer
  /** The handout's render thread, one per Playwright worker as the app has one. */
  renderThread: PdfRenderer
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
  renderThread: [
    async ({}, use) => {
      await use(devRenderThread())
    },
    { scope: 'worker' },
  ],
  userDataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'mollet-e2e-'))
    await use(dir)
    // A settings write the page started just before it closed may still be landing: retry.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
  },
  saveDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'mollet-e2e-save-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },
  desktop: async ({ saveDir }, use) => {
    await use(recordingDesktop(saveDir))
  },
  handlerDeps: async ({}, use) => {
    await use({ resourcesDir })
  },
  mollet: async ({ page, server, handlerDeps, userDataDir, desktop, renderThread }, use) => {
    await installBridge(
      page,
      server,
      {
        ...handlerDeps,
        userDataDir: handlerDeps.userDataDir ?? userDataDir,
        desktop: handlerDeps.desktop ?? desktop,
        renderPdf: handlerDeps.renderPdf ?? renderThread,
      },
      desktop,
    )
    await page.goto(`${server.origin}/index.html`)
    await use(page)
  },
})

export { expect }
