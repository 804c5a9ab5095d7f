// A native modal <dialog> that follows an `open` flag: shown with showModal
// (focus trapped, Esc closes, the backdrop inert), and on closing, the focus
// goes back to what had it before.
import { useCallback, useEffect, useRef } from 'react'

export function useModalDialog(open: boolean, onClose: () => void) {
  const dialog = useRef<HTMLDialogElement>(null)
  const opener = useRef<Element | null>(null)

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      opener.current = document.activeElement
      element.showModal()
    }
    if (!open && element.open) element.close()
  }, [open])

  /** For the dialog's onClose: gives the focus back, then tells the owner. */
  const closed = useCallback(() => {
    if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus()
    opener.current = null
    onClose()
  }, [onClose])

  const close = useCallback(() => dialog.current?.close(), [])
  return { dialog, closed, close }
}
