/** @jsxRuntime automatic */
/** @jsxImportSource react */
// Repeated at the foot of every page: source, revision, disclaimer, page n / N.
// Tagged an artifact (of pagination): page furniture a screen reader skips.
import { Text, View } from '@react-pdf/renderer'
import { handoutFooterLine, type HandoutDocument } from '../../../../shared/handout/compose'
import { defineStyles, MARGIN, RULE, usePrint } from './styles'

const useStyles = defineStyles(({ largePrint }) => ({
  footer: {
    position: 'absolute',
    left: MARGIN,
    right: MARGIN,
    bottom: 24,
    fontSize: largePrint ? 11 : 9,
    color: '#3d4650',
    borderTopWidth: 0.75,
    borderTopColor: RULE,
    paddingTop: 4,
  },
}))

export function Footer({ footer }: { footer: HandoutDocument['footer'] }) {
  const s = useStyles()
  const { words } = usePrint()
  return (
    <View tag="Artifact" style={s.footer} fixed>
      <Text hyphenationCallback={words.whole}>{handoutFooterLine(footer)}</Text>
      <Text
        hyphenationCallback={words.whole}
        render={({ pageNumber, totalPages }) => `${footer.disclaimer} Page ${pageNumber}\u00a0/\u00a0${totalPages}`}
      />
    </View>
  )
}
