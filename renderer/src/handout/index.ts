// The Fiche patient's public entry: what other features may use of it.
export { AddToHandout } from './AddToHandout'
export { HandoutProvider, useHandout } from './HandoutContext'
export { HandoutView } from './HandoutView'
