/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The clinician's note, line by line as typed, in a ruled box: tagged, a
// section whose lines are paragraphs; a blank line is only space (an artifact).
import { Text, View } from '@react-pdf/renderer'
import { defineStyles, fitsOnAPage, leading, RULE, usePrint } from './styles'
import { linesOf } from './text'

const useStyles = defineStyles(({ body }) => ({
  note: { borderWidth: 1, borderColor: RULE, paddingVertical: 8, paddingHorizontal: 12, marginTop: 12 },
  noteHeading: { fontWeight: 700, lineHeight: leading(body), marginBottom: 2 },
  noteLine: { lineHeight: leading(body), marginBottom: 3 },
}))

function NoteLines({ lines }: { lines: string[] }) {
  const s = useStyles()
  const { words, body } = usePrint()
  const heading = (
    // Kept with the two first lines of a note too long to keep whole (react-pdf's orphans): at
    // body × 2 it stayed alone at the foot of a page, in an empty box, the note overleaf.
    <Text tag="H2" style={s.noteHeading} hyphenationCallback={words.whole} minPresenceAhead={body * 4}>
      Note de votre soignant
    </Text>
  )
  const line = (text: string, key: number) => (
    <Text key={key} tag={text ? 'P' : 'Artifact'} style={s.noteLine} hyphenationCallback={words.french}>
      {/* A blank line the clinician typed keeps its height. */}
      {text || '\u00a0'}
    </Text>
  )
  const [first, ...rest] = lines
  const keepFirst = first !== undefined && fitsOnAPage(first)
  return (
    <>
      {keepFirst ? (
        <View wrap={false}>
          {heading}
          {line(first, 0)}
        </View>
      ) : (
        heading
      )}
      {(keepFirst ? rest : lines).map((text, i) => line(text, i + 1))}
    </>
  )
}

export function Note({ note }: { note: string | null }) {
  const s = useStyles()
  if (!note) return null
  return (
    <View tag="Sect" style={s.note}>
      <NoteLines lines={linesOf(note)} />
    </View>
  )
}
