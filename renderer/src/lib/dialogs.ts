// A shortcut that needs the page (print, go back, show a view) closes what is
// open over it first: an entry's detail, the shortcuts list.
export function closeDialogs(): void {
  for (const dialog of document.querySelectorAll('dialog[open]')) (dialog as HTMLDialogElement).close()
}
