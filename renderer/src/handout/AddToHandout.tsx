// "Ajouter à la fiche patient" in an entry's detail: ticks the entry on the
// handout being prepared, exactly as its box in the form does (its advice
// follows by the same rule), then offers to open the Fiche patient view.
import { useHandout } from './HandoutContext'
import './handout.css'

export function AddToHandout({ entryId, onOpen }: { entryId: string; onOpen: () => void }) {
  const handout = useHandout()
  const included = handout.options.causes.includes(entryId)
  return (
    <div className="detail-handout">
      {!included && (
        <button type="button" className="button" onClick={() => handout.setCause(entryId, true)}>
          Ajouter à la fiche patient
        </button>
      )}
      <span role="status" className="detail-handout-status">
        {included ? 'Sur la fiche patient.' : ''}
      </span>
      {included && (
        <button
          type="button"
          className="link"
          onClick={() => {
            onOpen()
            handout.open()
          }}
        >
          Ouvrir la fiche patient
        </button>
      )}
    </div>
  )
}
