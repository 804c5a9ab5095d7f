// The handout's defaults, read from the settings: pure (no React), so the unit
// tests check it (test/renderer/defaults.test.ts).
import { knownChoice, startingChoice, type HandoutChoice } from '@shared/handout/selection'
import type { KnowledgeOutline } from '@shared/kb/types'
import type { Settings } from '@shared/settings/schema'

/** What the defaults set: the causes and advice (as a choice, see selection.ts) and the print size. */
export interface HandoutDefaults {
  choice: HandoutChoice
  largePrint: boolean
}

/**
 * The defaults: those saved in the settings (ids the knowledge base no longer
 * has are dropped), else the standard handout. Saved advice reads back through
 * the same rule as the form's ticks (startingChoice), so a default handout and the
 * same boxes ticked by hand are the same handout.
 */
export function defaultsFor(kb: KnowledgeOutline, saved: Settings['handoutDefaults'] | null): HandoutDefaults {
  const choice = startingChoice(kb, { causes: saved?.causes ?? null, advice: saved?.advice ?? null })
  return { choice: knownChoice(kb, choice), largePrint: saved?.largePrint ?? false }
}
