// Seriousness as a text badge: the words carry the meaning, colour only helps.
import { SERIOUSNESS, type Seriousness } from '@shared/kb/vocabulary'

export function SeriousnessBadge({ value }: { value: Seriousness }) {
  return <span className={`badge badge-${value}`}>{SERIOUSNESS[value]}</span>
}
