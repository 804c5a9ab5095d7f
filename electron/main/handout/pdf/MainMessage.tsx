/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The handout's main message, in a tinted band, kept on one page.
import { Text, View } from '@react-pdf/renderer'
import { ACCENT, defineStyles, leading, usePrint } from './styles'

const useStyles = defineStyles(({ body }) => ({
  main: {
    backgroundColor: '#eef3f9',
    borderLeftWidth: 4,
    borderLeftColor: ACCENT,
    paddingVertical: 8,
    paddingHorizontal: 12,
    marginBottom: 14,
  },
  mainText: { fontWeight: 700, fontSize: body + 1, lineHeight: leading(body + 1) },
}))

export function MainMessage({ paragraphs }: { paragraphs: string[] }) {
  const s = useStyles()
  const { words } = usePrint()
  if (paragraphs.length === 0) return null
  return (
    <View style={s.main} wrap={false}>
      {paragraphs.map((p, i) => (
        <Text key={i} style={s.mainText} hyphenationCallback={words.french}>
          {p}
        </Text>
      ))}
    </View>
  )
}
