// Exposes one fixed function per contract method, never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron'
import { METHODS, buildApi, channelOf } from '../../shared/ipc/contract'

contextBridge.exposeInMainWorld(
  'mollet',
  buildApi(METHODS, (method, args) => ipcRenderer.invoke(channelOf(method), ...args)),
)
