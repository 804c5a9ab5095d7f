// Exposes one fixed function per contract method, never ipcRenderer itself,
// and one fixed listener for the menu's commands (the only main → renderer event).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { MENU_COMMAND_CHANNEL, METHODS, buildApi, channelOf, isMenuCommand, type MolletEvents } from '../../shared/ipc/contract'

contextBridge.exposeInMainWorld(
  'mollet',
  buildApi(METHODS, (method, args) => ipcRenderer.invoke(channelOf(method), ...args)),
)

const events: MolletEvents = {
  onMenuCommand(listener) {
    // The IPC event never reaches the page: only a known command does.
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command)
    }
    ipcRenderer.on(MENU_COMMAND_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, handler)
    }
  },
}
contextBridge.exposeInMainWorld('molletEvents', events)
