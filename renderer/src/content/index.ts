// Content updates' public entry: the dialogs of « Mettre à jour le contenu… » and « À propos du contenu ».
export { ContentUpdates } from './ContentUpdates'
