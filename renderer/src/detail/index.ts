// An entry's detail, public entry: the dialog, and how a row opens it.
export { ConditionDetail } from './ConditionDetail'
export { OpenDetailContext, useOpenDetail } from './useDetail'
