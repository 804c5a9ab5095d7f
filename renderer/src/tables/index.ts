// The tables' public entry: one table of causes or differentials.
export { ConditionTable } from './ConditionTable'
