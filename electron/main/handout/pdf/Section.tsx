/** @jsxRuntime automatic */
/** @jsxImportSource react */
// One section of the handout (its heading, paragraphs and lists), and the
// framed « Quand consulter » box when the section is the warning signs.
// Tagged (patches/@react-pdf+render…): a Sect holding its H2, its paragraphs
// (a Text's default, P) and its lists (L, an LI per item with its Lbl and LBody).
import { Text, View } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import type { HandoutContent, HandoutItem, HandoutSection } from '../../../../shared/handout/compose'
import { ACCENT, ALERT, defineStyles, fitsOnAPage, leading, usePrint } from './styles'

const useStyles = defineStyles(({ body }) => ({
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
}))

/** A list's structure element: one object for the pieces of a list drawn apart (its first item kept with the heading). */
type ListTag = { type: 'L' }

function Item({ item, list }: { item: HandoutItem; list?: ListTag }) {
  const s = useStyles()
  const { words } = usePrint()
  return (
    <View tag={list ? { type: 'LI', parent: list } : 'LI'} style={s.item} wrap={false}>
      <Text tag="Lbl" style={s.bullet} hyphenationCallback={words.whole}>
        •
      </Text>
      <Text tag="LBody" style={s.itemText} hyphenationCallback={words.french}>
        {item.lead ? <Text style={s.lead}>{`${item.lead} `}</Text> : null}
        {item.text}
      </Text>
    </View>
  )
}

function Content({ content, list = { type: 'L' } }: { content: HandoutContent; list?: ListTag }) {
  const s = useStyles()
  const { words } = usePrint()
  if (content.type === 'paragraph') {
    return (
      <Text style={s.paragraph} hyphenationCallback={words.french}>
        {content.text}
      </Text>
    )
  }
  return (
    <View tag={list} style={s.list}>
      {content.items.map((item, j) => (
        <Item key={j} item={item} />
      ))}
    </View>
  )
}

export function Section({ section }: { section: HandoutSection }) {
  const s = useStyles()
  const { words, body } = usePrint()
  const heading = (
    <Text tag="H2" style={s.heading} hyphenationCallback={words.whole} minPresenceAhead={body * 4}>
      {section.heading}
    </Text>
  )
  // A heading never ends a page: it stays with what follows it — a short
  // paragraph, or the first item of a list (not the whole list: a long list
  // moved whole to the next page left most of a page empty). react-pdf's
  // minPresenceAhead alone does not hold.
  const [first, ...rest] = section.content
  const list: ListTag = { type: 'L' }
  const lead: ReactNode =
    first === undefined ? null : first.type === 'list' ? (
      <Item item={first.items[0] as HandoutItem} list={list} />
    ) : fitsOnAPage(first.text) ? (
      <Content content={first} />
    ) : null
  const afterLead: ReactNode[] = []
  if (first?.type === 'list' && first.items.length > 1) {
    afterLead.push(<Content key="list-rest" content={{ type: 'list', items: first.items.slice(1) }} list={list} />)
  } else if (first !== undefined && lead === null) {
    afterLead.push(<Content key="first" content={first} />)
  }
  // When to see a doctor: the framed box starts right after the main message,
  // so it is never moved whole past a mostly empty page; when a long
  // letterhead or large print pushes its end overleaf, its heading is drawn
  // again at the top of the continuation (fixed inside the box), so the part
  // overleaf never reads as another notice (tagged, the copy is an artifact).
  if (section.emphasis) {
    return (
      <View tag="Sect" style={s.alert}>
        <Text fixed tag="H2" style={[s.heading, s.alertHeading]} hyphenationCallback={words.whole}>
          {section.heading}
        </Text>
        {lead}
        {afterLead}
        {rest.map((c, i) => (
          <Content key={i} content={c} />
        ))}
      </View>
    )
  }
  return (
    <View tag="Sect" style={s.section}>
      {lead ? (
        <View wrap={false}>
          {heading}
          {lead}
        </View>
      ) : (
        heading
      )}
      {afterLead}
      {rest.map((c, i) => (
        <Content key={i} content={c} />
      ))}
    </View>
  )
}
