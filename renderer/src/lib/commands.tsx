// The page's one listener for commands: the keys of the table of commands
// (shared/app/commands.ts) and the application menu's commands both reach the
// handler the feature registered with useCommand. A key no feature handles
// is left to the page.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react'
import { events } from '../api'
import { commandOfKey } from '@shared/app/commands'
import type { MenuCommand } from '@shared/ipc/contract'
import { isMac } from './platform'

type Handler = (command: MenuCommand) => void

interface Registry {
  register: (ids: readonly MenuCommand[], handler: Handler) => () => void
  /** Does what the command's menu entry does, from a button of the page. */
  run: (command: MenuCommand) => void
}

const CommandContext = createContext<Registry | null>(null)

export function CommandProvider({ children }: { children: ReactNode }) {
  const handlers = useRef(new Map<MenuCommand, Handler>())
  useEffect(() => {
    const run = (command: MenuCommand) => handlers.current.get(command)?.(command)
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return
      const command = commandOfKey(event, isMac)
      if (!command || !handlers.current.has(command.id)) return
      // Never the browser's own action (printing the page, a new window), nor, in Electron, the menu a second time.
      event.preventDefault()
      run(command.id)
    }
    document.addEventListener('keydown', onKeyDown)
    const stop = events.onMenuCommand(run)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      stop()
    }
  }, [])
  const register = useCallback((ids: readonly MenuCommand[], handler: Handler) => {
    for (const id of ids) handlers.current.set(id, handler)
    return () => {
      for (const id of ids) if (handlers.current.get(id) === handler) handlers.current.delete(id)
    }
  }, [])
  const run = useCallback((command: MenuCommand) => handlers.current.get(command)?.(command), [])
  const registry = useMemo(() => ({ register, run }), [register, run])
  return <CommandContext value={registry}>{children}</CommandContext>
}

/** Runs `handler` for these commands, from their keys and from the menu alike. */
export function useCommand(ids: readonly MenuCommand[], handler: Handler): void {
  const registry = useContext(CommandContext)
  if (!registry) throw new Error('useCommand outside CommandProvider')
  const latest = useRef(handler)
  latest.current = handler
  const key = ids.join(' ')
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the ids' values
  useEffect(() => registry.register(ids, (command) => latest.current(command)), [registry, key])
}

/** A function that does what a command's menu entry does (a button elsewhere in the page that offers the same). */
export function useRunCommand(): (command: MenuCommand) => void {
  const registry = useContext(CommandContext)
  if (!registry) throw new Error('useRunCommand outside CommandProvider')
  return registry.run
}
