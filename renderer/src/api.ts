import type { MolletApi } from '../../shared/ipc/contract'

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or by the e2e bridge (Chromium). */
    readonly mollet: MolletApi
  }
}

/** The renderer's only way to reach the main process. */
export const api: MolletApi = window.mollet
