// "Ajouter à la fiche patient" in an entry's detail: ticks the entry on the
// handout being prepared, exactly as its box in the form does (its advice
// follows by the same rule), then offers to open the Fiche patient view.
import { useEffect, useRef } from 'react'
import { useHandout } from './HandoutContext'
import './handout.css'

export function AddToHandout({ entryId, onOpen }: { entryId: string; onOpen: () => void }) {
  const handout = useHandout()
  const included = handout.options.causes.includes(entryId)
  // The button goes once the entry is added: the focus moves to « Ouvrir la fiche patient », which takes its place.
  const added = useRef(false)
  const openButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (included && added.current) openButton.current?.focus()
    added.current = false
  }, [included])
  return (
    <div className="detail-handout">
      {!included && (
        <button
          type="button"
          className="button"
          onClick={() => {
            added.current = true
            handout.setCause(entryId, true)
          }}
        >
          Ajouter à la fiche patient
        </button>
      )}
      <span role="status" className="detail-handout-status">
        {included ? 'Sur la fiche patient.' : ''}
      </span>
      {included && (
        <button
          ref={openButton}
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
