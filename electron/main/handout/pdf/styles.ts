// The handout's look: sizes, colours, spacing, for standard and large print.
import { StyleSheet } from '@react-pdf/renderer'

const INK = '#1a1a1a'
/** Line height in points: a unitless number is not a plain multiplier in react-pdf 4.9. */
const leading = (fontSize: number, ratio = 1.45): string => `${Math.round(fontSize * ratio * 10) / 10}pt`
const ACCENT = '#1d3d6b'
const ALERT = '#8f1d1d'

/**
 * The styles of one print size and font family, made once and frozen: a
 * frozen style object cannot change, so react-pdf (patched, see
 * patches/@react-pdf+layout+5.2.0.patch) resolves it once for every node,
 * relayout and render that uses it.
 */
export function stylesFor(largePrint: boolean, family: string): Styles {
  const key = `${largePrint} ${family}`
  const styles = made.get(key) ?? deepFreeze(makeStyles(largePrint, family))
  made.set(key, styles)
  return styles
}

const made = new Map<string, Styles>()

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) deepFreeze(child)
  return Object.freeze(value)
}

function makeStyles(largePrint: boolean, family: string) {
  const body = bodySize(largePrint)
  return StyleSheet.create({
    page: {
      fontFamily: family,
      fontSize: body,
      color: INK,
      paddingTop: 48,
      paddingBottom: largePrint ? 78 : 70,
      paddingHorizontal: 56,
      textAlign: 'left',
    },
    // Line height is set on each text, never inherited from the page or a view:
    // react-pdf then drops the page-number text (render prop) and doubles it on views.
    line: { lineHeight: leading(body - 2) },
    // One column, full width: side by side, react-pdf laid a long clinic name
    // out at its unshrunk width, over the date, and the patient's name past
    // the margin. Stacked, every line wraps inside the page.
    letterhead: { fontSize: body - 2, marginBottom: 8 },
    clinicName: { fontWeight: 700, fontSize: body, lineHeight: leading(body) },
    dateBlock: { fontSize: body - 2, marginBottom: 16, paddingTop: 6, borderTopWidth: 0.75, borderTopColor: '#9aa5b1' },
    title: { fontSize: body + 8, fontWeight: 700, color: ACCENT, lineHeight: leading(body + 8, 1.2) },
    subtitle: { fontSize: body, lineHeight: leading(body), marginTop: 2, marginBottom: 14 },
    main: {
      backgroundColor: '#eef3f9',
      borderLeftWidth: 4,
      borderLeftColor: ACCENT,
      paddingVertical: 8,
      paddingHorizontal: 12,
      marginBottom: 14,
    },
    mainText: { fontWeight: 700, fontSize: body + 1, lineHeight: leading(body + 1) },
    // Space above, never below, a block that may break: react-pdf moves a block
    // to the next page when its bottom margin does not fit, though the block does.
    section: { marginTop: 10 },
    heading: { fontSize: body + 3, fontWeight: 700, color: ACCENT, marginBottom: 4, lineHeight: leading(body + 3, 1.25) },
    alert: {
      borderWidth: 1.5,
      borderColor: ALERT,
      backgroundColor: '#fdf3f2',
      paddingVertical: 8,
      paddingHorizontal: 12,
    },
    alertHeading: { color: ALERT },
    paragraph: { lineHeight: leading(body), marginBottom: 5 },
    list: { marginBottom: 5 },
    item: { flexDirection: 'row', marginBottom: 2 },
    bullet: { width: body, flexShrink: 0, lineHeight: leading(body) },
    itemText: { flexGrow: 1, flexShrink: 1, flexBasis: 0, lineHeight: leading(body) },
    lead: { fontWeight: 700 },
    note: { borderWidth: 1, borderColor: '#9aa5b1', paddingVertical: 8, paddingHorizontal: 12, marginTop: 12 },
    noteHeading: { fontWeight: 700, lineHeight: leading(body), marginBottom: 2 },
    noteLine: { lineHeight: leading(body), marginBottom: 3 },
    footer: {
      position: 'absolute',
      left: 56,
      right: 56,
      bottom: 24,
      fontSize: largePrint ? 11 : 9,
      color: '#3d4650',
      borderTopWidth: 0.75,
      borderTopColor: '#9aa5b1',
      paddingTop: 4,
    },
  })
}

export type Styles = ReturnType<typeof makeStyles>

/** Body text size in points. */
export const bodySize = (largePrint: boolean): number => (largePrint ? 14 : 12)

/** Paragraphs short enough to be kept whole ("wrap={false}" on a block taller than a page leaves an empty page). */
const KEEP_WHOLE_CHARS = 600
export const fitsOnAPage = (text: string): boolean => text.length <= KEEP_WHOLE_CHARS
