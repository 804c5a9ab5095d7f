// A native modal <dialog> that follows an `open` flag: shown with showModal
// (focus trapped, Esc closes, the backdrop inert), and on closing, the focus
// goes back to what had it before.
//
// The owner hears of a close at once when it comes from the dialog itself
// (Esc, `close`): the close event comes a task later, and by then the owner
// may have opened the dialog again (Esc then Enter on another row). A close
// from outside (closeDialogs) is heard by that event, unless the dialog has
// been shown again since.
import { type RefObject, useCallback, useEffect, useRef } from 'react'

export interface ModalDialogOptions {
  /**
   * What the dialog shows (an entry, a step): when it changes, the dialog is
   * shown again if something closed it whose close event has not come yet.
   */
  showing?: unknown
  /** Where the focus goes back: by default, what had it when the dialog opened. */
  opener?: RefObject<Element | null>
  /** While true, Esc does not close the dialog (work under way). */
  locked?: boolean
}

export function useModalDialog(open: boolean, onClose: () => void, options: ModalDialogOptions = {}) {
  const { showing, locked = false } = options
  const dialog = useRef<HTMLDialogElement>(null)
  const ownOpener = useRef<Element | null>(null)
  const opener = options.opener ?? ownOpener
  const recordsOpener = options.opener === undefined
  // True from showModal until the owner has been told of the close.
  const shown = useRef(false)

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `showing` is what shows the dialog again
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      if (recordsOpener) ownOpener.current = document.activeElement
      element.showModal()
      shown.current = true
    }
    if (!open && element.open) element.close()
  }, [open, showing, recordsOpener])

  /** Gives the focus back, then tells the owner; once per opening. */
  const finish = useCallback(() => {
    if (!shown.current) return
    shown.current = false
    const back = opener.current
    opener.current = null
    if (back instanceof HTMLElement && back.isConnected) back.focus()
    onClose()
  }, [onClose, opener])

  const close = useCallback(() => {
    dialog.current?.close()
    finish()
  }, [finish])

  const props = {
    ref: dialog,
    // Esc: closed here rather than by the browser, so that the focus can go
    // back (nothing outside an open modal takes it) before the owner hears.
    onCancel: (event: React.SyntheticEvent<HTMLDialogElement>) => {
      event.preventDefault()
      if (!locked) close()
    },
    onClose: (event: React.SyntheticEvent<HTMLDialogElement>) => {
      if (!event.currentTarget.open) finish()
    },
  }
  return { dialog, props, close }
}
