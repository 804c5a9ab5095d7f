// A shortcut that needs the page (print, go back, show a view) closes what is
// open over it first: an entry's detail, the shortcuts list.
// `except`: a dialog that goes on to another step of its own.
export function closeDialogs(except?: HTMLDialogElement | null): void {
  for (const dialog of document.querySelectorAll('dialog[open]')) if (dialog !== except) (dialog as HTMLDialogElement).close()
}
