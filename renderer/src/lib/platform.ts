// The platform's modifier key for the shortcuts: ⌘ on a Mac, Ctrl elsewhere
// (as the interface writes it, and as aria-keyshortcuts names it).
export const isMac = /Mac/u.test(navigator.userAgent)

export const MODIFIER = isMac ? { label: '⌘', aria: 'Meta' } : { label: 'Ctrl', aria: 'Control' }
