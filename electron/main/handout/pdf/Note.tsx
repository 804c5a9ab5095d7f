/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The clinician's note, line by line as typed, in a ruled box: tagged, a
// section whose lines are paragraphs; a blank line is only space (an artifact).
import { Text, View } from '@react-pdf/renderer'
import { fitsOnAPage, type Styles } from './styles'
import { hyphenateFrench, linesOf, wholeWords } from './text'

function NoteLines({ lines, s, body }: { lines: string[]; s: Styles; body: number }) {
  const heading = (
    <Text tag="H2" style={s.noteHeading} hyphenationCallback={wholeWords} minPresenceAhead={body * 2}>
      Note de votre soignant
    </Text>
  )
  const line = (text: string, key: number) => (
    <Text key={key} tag={text ? 'P' : 'Artifact'} style={s.noteLine} hyphenationCallback={hyphenateFrench}>
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

export function Note({ note, s, body }: { note: string | null; s: Styles; body: number }) {
  if (!note) return null
  return (
    <View tag="Sect" style={s.note}>
      <NoteLines lines={linesOf(note)} s={s} body={body} />
    </View>
  )
}
