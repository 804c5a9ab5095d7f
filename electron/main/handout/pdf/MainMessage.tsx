/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The handout's main message, in a tinted band, kept on one page.
import { Text, View } from '@react-pdf/renderer'
import type { Styles } from './styles'
import { hyphenateFrench } from './text'

export function MainMessage({ paragraphs, s }: { paragraphs: string[]; s: Styles }) {
  if (paragraphs.length === 0) return null
  return (
    <View style={s.main} wrap={false}>
      {paragraphs.map((p, i) => (
        <Text key={i} style={s.mainText} hyphenationCallback={hyphenateFrench}>
          {p}
        </Text>
      ))}
    </View>
  )
}
