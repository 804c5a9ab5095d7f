// The Orientation's public entry: the view, and the record note mounted with the app (its shortcut works from any view).
export { OrientationView } from './OrientationView'
export { RecordNoteProvider } from './useRecordNote'
