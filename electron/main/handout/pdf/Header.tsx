/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The top of page 1: the clinic's letterhead, then the date and the patient,
// stacked full width. Side by side, react-pdf laid a long clinic name out at
// its unshrunk width, over the date, and the patient's name past the margin;
// stacked, every line wraps inside the page.
// Tagged, each line is a paragraph (a Text's default), read before the title.
import { Text, View } from '@react-pdf/renderer'
import type { HandoutDocument } from '../../../../shared/handout/compose'
import { ACCENT, defineStyles, leading, RULE, usePrint } from './styles'
import { linesOf } from './text'

const useStyles = defineStyles(({ body }) => ({
  line: { lineHeight: leading(body - 2) },
  letterhead: { fontSize: body - 2, marginBottom: 8 },
  clinicName: { fontWeight: 700, fontSize: body, lineHeight: leading(body) },
  dateBlock: { fontSize: body - 2, marginBottom: 16, paddingTop: 6, borderTopWidth: 0.75, borderTopColor: RULE },
  patient: { fontWeight: 700 },
  title: { fontSize: body + 8, fontWeight: 700, color: ACCENT, lineHeight: leading(body + 8, 1.2) },
  subtitle: { fontSize: body, lineHeight: leading(body), marginTop: 2, marginBottom: 14 },
}))

/** The letterhead's address: its blank lines mean nothing on a letterhead. */
const addressLines = (text: string): string[] => linesOf(text).filter((l) => l.length > 0)

export function Letterhead({ letterhead: lh }: { letterhead: HandoutDocument['letterhead'] }) {
  const s = useStyles()
  const { words } = usePrint()
  if (!lh.name && !lh.address && !lh.phone) return null
  return (
    <View style={s.letterhead}>
      {lh.name ? (
        <Text style={s.clinicName} hyphenationCallback={words.whole}>
          {lh.name}
        </Text>
      ) : null}
      {addressLines(lh.address).map((line, i) => (
        <Text key={i} style={s.line} hyphenationCallback={words.whole}>
          {line}
        </Text>
      ))}
      {lh.phone ? (
        <Text style={s.line} hyphenationCallback={words.whole}>
          {lh.phone}
        </Text>
      ) : null}
    </View>
  )
}

export function DateAndPatient({ date, patientName }: { date: string; patientName: string | null }) {
  const s = useStyles()
  const { words } = usePrint()
  return (
    <View style={s.dateBlock}>
      <Text style={s.line} hyphenationCallback={words.whole}>{`Le ${date}`}</Text>
      {patientName ? (
        <Text style={s.line} hyphenationCallback={words.whole}>
          {'Pour\u00a0: '}
          <Text style={s.patient}>{patientName}</Text>
        </Text>
      ) : null}
    </View>
  )
}

export function Title({ title, subtitle }: { title: string; subtitle: string }) {
  const s = useStyles()
  const { words } = usePrint()
  return (
    <>
      <Text tag="H1" style={s.title} hyphenationCallback={words.whole}>
        {title}
      </Text>
      <Text style={s.subtitle} hyphenationCallback={words.whole}>
        {subtitle}
      </Text>
    </>
  )
}
