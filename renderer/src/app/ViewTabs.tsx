// The nav between views, as ARIA tabs: arrow keys, Home and End move between
// them; each tab controls the panel `panel-<id>`.
import { useRef, type KeyboardEvent } from 'react'
import type { ViewId } from '@shared/app/views'

export interface ViewTab {
  id: ViewId
  label: string
}

export function tabId(viewId: string): string {
  return `tab-${viewId}`
}

export function panelId(viewId: string): string {
  return `panel-${viewId}`
}

export function ViewTabs({ views, current, onSelect }: { views: readonly ViewTab[]; current: ViewId; onSelect: (id: ViewId) => void }) {
  const list = useRef<HTMLDivElement>(null)
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Alt+← / Alt+→ are Back and Forward (useNavigation), not the next tab.
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const at = views.findIndex((v) => v.id === current)
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % views.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + views.length) % views.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? views.length - 1
              : null
    if (next === null) return
    event.preventDefault()
    const view = views[next]
    if (!view) return
    onSelect(view.id)
    list.current?.querySelector<HTMLElement>(`#${tabId(view.id)}`)?.focus()
  }
  return (
    <div className="tabs" role="tablist" aria-label="Vues" ref={list} onKeyDown={onKeyDown}>
      {views.map((view) => {
        const selected = view.id === current
        return (
          <button
            key={view.id}
            type="button"
            role="tab"
            id={tabId(view.id)}
            aria-selected={selected}
            aria-controls={panelId(view.id)}
            tabIndex={selected ? 0 : -1}
            className="tab"
            onClick={() => onSelect(view.id)}
          >
            {view.label}
          </button>
        )
      })}
    </div>
  )
}
