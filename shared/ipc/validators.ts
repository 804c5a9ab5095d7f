// Argument validators for every method of the contract. Main-side only.
import { z } from 'zod'
import { HANDOUT_PURPOSES, type Args, type Method } from './contract'
import { ID_MAX, IDS_MAX, NOTE_MAX, PATIENT_NAME_MAX } from '../handout/options'
import { RECORD_NOTE_MAX } from '../orientation/record-note'
import { settingsSchema } from '../settings/schema'
import { CONTENT_TARGETS } from '../pack/types'

const ids = z.array(z.string().min(1).max(ID_MAX)).max(IDS_MAX)

/** What the clinician chose for one handout; sizes bounded (the note's lines are counted by composeHandout, with a French message). */
const handoutOptionsSchema = z.strictObject({
  causes: ids,
  advice: ids,
  patientName: z.string().max(PATIENT_NAME_MAX),
  note: z.string().max(NOTE_MAX),
  largePrint: z.boolean(),
  alerts: ids,
})

export const argsValidators: { [M in Method]: z.ZodType<Args<M>> } = {
  loadKnowledgeBase: z.tuple([]),
  loadConditionDetails: z.tuple([z.string().min(1).max(ID_MAX)]),
  getSettings: z.tuple([]),
  saveSettings: z.tuple([settingsSchema]),
  renderHandout: z.tuple([handoutOptionsSchema, z.enum(HANDOUT_PURPOSES)]),
  saveHandout: z.tuple([handoutOptionsSchema]),
  copyToClipboard: z.tuple([z.string().min(1).max(RECORD_NOTE_MAX)]),
  getContentInfo: z.tuple([]),
  openContentPack: z.tuple([]),
  previewContentRevert: z.tuple([z.enum(CONTENT_TARGETS)]),
  applyContentChange: z.tuple([z.uuid(), z.boolean()]),
}
