// The consultation's public entry: what other features may use of it.
export { ConsultationProvider, useConsultation } from './ConsultationContext'
export { NewPatient } from './NewPatient'
