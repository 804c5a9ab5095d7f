import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { METHODS, channelOf } from '../../../shared/ipc/contract'
import type { Dispatch, SenderInfo } from './dispatcher'

/** One ipcMain handler per method of the contract, all through `dispatch`. */
export function registerIpc(dispatch: Dispatch): void {
  for (const method of METHODS) {
    ipcMain.handle(channelOf(method), (event, ...args: unknown[]) => dispatch(method, args, senderOf(event)))
  }
}

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame
  return { url: frame?.url ?? null, isMainFrame: frame !== null && frame === event.sender.mainFrame }
}
