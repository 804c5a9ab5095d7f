// The app's views, in nav order: the one list that the renderer's views
// (renderer/src/app/views.tsx), the URL state (url-state.ts), the « Aller » menu
// commands (ipc/contract.ts, electron/main/menu.ts) and the handout's context all read. A new view is
// one more id here, then its label and content in views.tsx (the type there
// fails until it has them).
export const VIEW_IDS = ['causes', 'differentials', 'orientation', 'handout'] as const
export type ViewId = (typeof VIEW_IDS)[number]

/** Each view's name, in the nav tabs and in the « Aller » menu alike. */
export const VIEW_LABELS: { readonly [Id in ViewId]: string } = {
  causes: 'Causes',
  differentials: 'Diagnostics différentiels',
  orientation: 'Orientation',
  handout: 'Fiche patient',
}

/** The view a fresh start, or a view the app no longer has, opens on. */
export const FIRST_VIEW: ViewId = VIEW_IDS[0]

/** Where the handout is prepared: what « Ajouter à la fiche patient », Ctrl+P and Ctrl+Maj+S open first. */
export const HANDOUT_VIEW: ViewId = 'handout'

export function isViewId(value: unknown): value is ViewId {
  return typeof value === 'string' && (VIEW_IDS as readonly string[]).includes(value)
}
