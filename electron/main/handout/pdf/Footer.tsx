/** @jsxRuntime automatic */
/** @jsxImportSource react */
// Repeated at the foot of every page: source, revision, disclaimer, page n / N.
// Tagged an artifact (of pagination): page furniture a screen reader skips.
import { Text, View } from '@react-pdf/renderer'
import { handoutFooterLine, type HandoutDocument } from '../../../../shared/handout/compose'
import type { Styles } from './styles'
import { wholeWords } from './text'

export function Footer({ footer, s }: { footer: HandoutDocument['footer']; s: Styles }) {
  return (
    <View tag="Artifact" style={s.footer} fixed>
      <Text hyphenationCallback={wholeWords}>{handoutFooterLine(footer)}</Text>
      <Text
        hyphenationCallback={wholeWords}
        render={({ pageNumber, totalPages }) => `${footer.disclaimer} Page ${pageNumber}\u00a0/\u00a0${totalPages}`}
      />
    </View>
  )
}
