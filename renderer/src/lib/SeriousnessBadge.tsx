// Seriousness as a text badge: the words carry the meaning, colour only helps.
// An entry the article grades only as one of a group says so, in the same colour.
import { SERIOUSNESS, SERIOUSNESS_OF_GROUP, type Seriousness } from '@shared/kb/vocabulary'

export function SeriousnessBadge({ value, byGroup = false }: { value: Seriousness; byGroup?: boolean }) {
  return (
    <span className={`badge badge-${value}`} data-by-group={byGroup || undefined}>
      {byGroup ? SERIOUSNESS_OF_GROUP[value] : SERIOUSNESS[value]}
    </span>
  )
}
