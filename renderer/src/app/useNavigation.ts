// « Aller »: Back and Forward through the URL hash's history (views,
// filters) inside the consultation, and each view by its number, from the
// keyboard and from the application menu alike (the table of commands,
// shared/app/commands.ts). An open dialog is closed first, and the focus goes
// to the tab of the view shown.
import { useCallback } from 'react'
import { showView, viewShownBy, type MenuCommand } from '@shared/ipc/contract'
import { VIEW_IDS, type ViewId } from '@shared/app/views'
import { tabId } from './ViewTabs'
import { closeDialogs } from '../lib/dialogs'
import { useCommand } from '../lib/commands'

const GO: readonly MenuCommand[] = ['go-back', 'go-forward', ...VIEW_IDS.map((id) => showView(id))]

/** `walk`: Back (-1) or Forward (1) through the URL state (useUrlState), which writes what waits first. */
export function useNavigation(setView: (id: ViewId) => void, walk: (step: -1 | 1) => void): void {
  const act = useCallback(
    (command: MenuCommand) => {
      if (command === 'go-back' || command === 'go-forward') {
        closeDialogs()
        walk(command === 'go-back' ? -1 : 1)
        return
      }
      const id = viewShownBy(command)
      if (id === null) return
      closeDialogs()
      setView(id)
      // After the tab is rendered as selected.
      window.requestAnimationFrame(() => document.getElementById(tabId(id))?.focus())
    },
    [setView, walk],
  )
  useCommand(GO, act)
}
