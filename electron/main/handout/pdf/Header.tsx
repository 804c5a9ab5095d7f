/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The top of page 1: the clinic's letterhead, then the date and the patient,
// stacked full width. Side by side, react-pdf laid a long clinic name out at
// its unshrunk width, over the date; stacked, every line wraps in the page.
// Tagged, each line is a paragraph (a Text's default), read before the title.
import { Text, View } from '@react-pdf/renderer'
import type { HandoutDocument } from '../../../../shared/handout/compose'
import type { Styles } from './styles'
import { linesOf, wholeWords } from './text'

/** The letterhead's address: its blank lines mean nothing on a letterhead. */
const addressLines = (text: string): string[] => linesOf(text).filter((l) => l.length > 0)

export function Letterhead({ letterhead: lh, s }: { letterhead: HandoutDocument['letterhead']; s: Styles }) {
  if (!lh.name && !lh.address && !lh.phone) return null
  return (
    <View style={s.letterhead}>
      {lh.name ? (
        <Text style={s.clinicName} hyphenationCallback={wholeWords}>
          {lh.name}
        </Text>
      ) : null}
      {addressLines(lh.address).map((line, i) => (
        <Text key={i} style={s.line} hyphenationCallback={wholeWords}>
          {line}
        </Text>
      ))}
      {lh.phone ? (
        <Text style={s.line} hyphenationCallback={wholeWords}>
          {lh.phone}
        </Text>
      ) : null}
    </View>
  )
}

export function DateAndPatient({ date, patientName, s }: { date: string; patientName: string | null; s: Styles }) {
  return (
    <View style={s.dateBlock}>
      <Text style={s.line} hyphenationCallback={wholeWords}>{`Le ${date}`}</Text>
      {patientName ? (
        <Text style={s.line} hyphenationCallback={wholeWords}>
          {'Pour\u00a0: '}
          <Text style={s.lead}>{patientName}</Text>
        </Text>
      ) : null}
    </View>
  )
}

export function Title({ title, subtitle, s }: { title: string; subtitle: string; s: Styles }) {
  return (
    <>
      <Text tag="H1" style={s.title} hyphenationCallback={wholeWords}>
        {title}
      </Text>
      <Text style={s.subtitle} hyphenationCallback={wholeWords}>
        {subtitle}
      </Text>
    </>
  )
}
