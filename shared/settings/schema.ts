// The settings Mollet keeps in the user-data folder: the clinic's letterhead,
// the handout's default choices and a few preferences. Never a patient's name
// or a note: the schema is strict, so a file carrying them is refused.
// Main validates with zod; the renderer imports the types only.
import { z } from 'zod'
import { ID_MAX, IDS_MAX, LETTERHEAD_FIELD_MAX } from '../handout/options'

const field = z.string().max(LETTERHEAD_FIELD_MAX)
const ids = z.array(z.string().min(1).max(ID_MAX)).max(IDS_MAX)

export const settingsSchema = z.strictObject({
  version: z.literal(1),
  letterhead: z.strictObject({ name: field, address: field, phone: field }),
  handoutDefaults: z.strictObject({
    largePrint: z.boolean(),
    /** Null: the standard handout's choice, from the knowledge base. */
    causes: ids.nullable(),
    advice: ids.nullable(),
  }),
  preferences: z.strictObject({
    /** The view last open, as the app's URL hash ("#/causes"); empty for the start page. */
    lastView: z
      .string()
      .max(500)
      .regex(/^(#.*)?$/u, 'un fragment d’URL (#…) est attendu'),
  }),
})

export type Settings = z.infer<typeof settingsSchema>

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  letterhead: { name: '', address: '', phone: '' },
  handoutDefaults: { largePrint: false, causes: null, advice: null },
  preferences: { lastView: '' },
}

export interface SettingsSnapshot {
  settings: Settings
  /** French, for the user: set when the file was unreadable and defaults were used. */
  notice: string | null
}
