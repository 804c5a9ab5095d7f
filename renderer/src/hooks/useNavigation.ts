// « Aller »: Back and Forward through the URL hash's history (views, filters,
// findings) and each view by its number, from the keyboard and from the
// application menu alike (the same MenuCommand). Keys: Alt+← / Alt+→
// (Cmd+[ / Cmd+] on a Mac), Ctrl/Cmd+1…4. An open dialog is closed first, and
// the focus goes to the tab of the view shown.
import { useCallback, useEffect } from 'react'
import { events } from '../api'
import { showView, viewShownBy, type MenuCommand } from '../../../shared/ipc/contract'
import { VIEW_IDS, type ViewId } from '../../../shared/app/views'
import { tabId } from '../components/ViewTabs'
import { closeDialogs } from '../lib/dialogs'
import { isMac } from '../lib/platform'

/** The command a key stands for, if any. */
function commandOf(event: KeyboardEvent): MenuCommand | null {
  const mod = isMac ? event.metaKey : event.ctrlKey
  if (mod && !event.altKey && !event.shiftKey && /^Digit[1-9]$/u.test(event.code)) {
    const id = VIEW_IDS[Number(event.code.slice(5)) - 1]
    return id ? showView(id) : null
  }
  if (isMac ? event.metaKey && !event.altKey : event.altKey && !event.ctrlKey && !event.metaKey) {
    const back = isMac ? event.key === '[' : event.key === 'ArrowLeft'
    const forward = isMac ? event.key === ']' : event.key === 'ArrowRight'
    if (back || forward) return back ? 'go-back' : 'go-forward'
  }
  return null
}

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

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandOf(event)
      if (!command) return
      event.preventDefault()
      act(command)
    }
    document.addEventListener('keydown', onKeyDown)
    const stop = events.onMenuCommand(act)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      stop()
    }
  }, [act])
}
