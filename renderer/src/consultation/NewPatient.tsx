// « Nouveau patient », always in the header, and for a few seconds after it
// the line that offers « Annuler » and says whether a name or a note typed
// for the patient who left was never printed, saved or copied.
import { useConsultation } from './ConsultationContext'
import { MODIFIER } from '../lib/platform'
import './consultation.css'

export function NewPatient() {
  const { newPatient, left, undo } = useConsultation()
  return (
    <>
      <button type="button" className="button new-patient-button" onClick={newPatient} aria-keyshortcuts={`${MODIFIER.aria}+N`}>
        Nouveau patient <kbd>{MODIFIER.label}+N</kbd>
      </button>
      <div className="new-patient-status" role="status" data-testid="new-patient-status">
        {left && (
          <>
            <span>
              Nouveau patient{'\u00a0'}: tout ce qui concernait le patient précédent est effacé.
              {left.unsent && ' Son nom ou sa note n’avaient été ni imprimés, ni enregistrés, ni copiés.'}
            </span>
            <button type="button" className="link" onClick={undo}>
              Annuler
            </button>
          </>
        )}
      </div>
    </>
  )
}
