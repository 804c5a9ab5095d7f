// Keeps --header-h (styles.css) to the height of the header while it sticks
// to the top of the window, 0 while it scrolls away (a short window): what
// sticks under it is held below it.
import { useEffect, type RefObject } from 'react'

export function useStickyHeader(header: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = header.current
    if (!element) return
    const measure = () => {
      const sticky = getComputedStyle(element).position === 'sticky'
      document.documentElement.style.setProperty('--header-h', `${sticky ? element.offsetHeight : 0}px`)
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    // The media query that makes it sticky follows the window's height, not the header's size.
    window.addEventListener('resize', measure)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', measure)
    }
  }, [header])
}
