import { METHODS, channelOf } from '../../../shared/ipc/contract'
import type { Dispatch, SenderInfo } from './dispatcher'

/** What registerIpc reads of an invoke event (Electron's IpcMainInvokeEvent): the sending frame and its page's main frame. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null
  readonly sender: { readonly mainFrame: unknown }
}

/** What registerIpc needs of Electron's ipcMain. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void
}

/** One ipcMain handler per method of the contract, all through `dispatch`. */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch): void {
  for (const method of METHODS) {
    ipcMain.handle(channelOf(method), (event, ...args: unknown[]) => dispatch(method, args, senderOf(event)))
  }
}

function senderOf(event: InvokeEventLike): SenderInfo {
  const frame = event.senderFrame
  return { url: frame?.url ?? null, isMainFrame: frame !== null && frame === event.sender.mainFrame }
}
