// "Ajouter à la fiche patient" in an entry's detail: adds the entry and the
// advice that goes with it to the handout being prepared, then offers to open
// the Fiche patient view.
import { useHandout } from './HandoutContext'
import './handout.css'

export function AddToHandout({ entryId, onOpen }: { entryId: string; onOpen: () => void }) {
  const handout = useHandout()
  const included = handout.options.causes.includes(entryId)
  return (
    <div className="detail-handout">
      {!included && (
        <button type="button" className="button" onClick={() => handout.addEntry(entryId)}>
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
