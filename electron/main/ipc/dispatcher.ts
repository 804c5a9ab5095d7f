// Checks the sender and the arguments of every call before its handler runs,
// and turns every outcome into a typed IpcResult. Plain TypeScript: Electron's
// ipcMain and the Chromium e2e transport both call `dispatch`.
import { isMethod, type Args, type IpcResult, type Method, type Result } from '../../../shared/ipc/contract'
import { argsValidators } from '../../../shared/ipc/validators'

export type Handlers = {
  [M in Method]: (...args: Args<M>) => Promise<Result<M>> | Result<M>
}

/** What main knows of the frame that sent a call. */
export interface SenderInfo {
  /** URL of the sending frame; null when the frame is gone. */
  url: string | null
  isMainFrame: boolean
}

/** An expected failure of a handler, with a French message for the user. */
export class HandlerError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'HandlerError'
  }
}

export type Dispatch = (method: unknown, args: unknown, sender: SenderInfo) => Promise<IpcResult<unknown>>

export function createDispatcher(handlers: Handlers, trustedOrigin: string): Dispatch {
  return async (method, args, sender) => {
    if (!isTrusted(sender, trustedOrigin)) {
      return fail('forbidden-sender', 'Appel refusé\u00a0: il ne vient pas de la fenêtre de Mollet.')
    }
    if (!isMethod(method)) return fail('unknown-method', 'Appel inconnu.')
    const parsed = argsValidators[method].safeParse(args)
    if (!parsed.success) return fail('invalid-arguments', 'Appel refusé\u00a0: arguments invalides.')
    try {
      const handler = handlers[method] as (...a: unknown[]) => unknown
      const value = await handler(...(parsed.data as unknown[]))
      return { ok: true, value }
    } catch (error) {
      if (error instanceof HandlerError) return fail('failed', error.message)
      // Only the method name is logged: arguments may hold a patient's name.
      console.error(`mollet: ${method} a échoué`, error instanceof Error ? error.name : typeof error)
      return fail('internal', 'Une erreur inattendue est survenue. Mollet reste utilisable.')
    }
  }
}

function isTrusted(sender: SenderInfo, trustedOrigin: string): boolean {
  if (!sender.isMainFrame || sender.url === null) return false
  try {
    // Not URL.origin: Node says "null" for a custom scheme such as app://.
    const url = new URL(sender.url)
    return `${url.protocol}//${url.host}` === trustedOrigin
  } catch {
    return false
  }
}

function fail(code: Exclude<IpcResult<never>, { ok: true }>['error']['code'], message: string): IpcResult<never> {
  return { ok: false, error: { code, message } }
}
