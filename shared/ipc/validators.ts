// Argument validators for every method of the contract. Main-side only.
import { z } from 'zod'
import type { Args, Method } from './contract'

export const argsValidators: { [M in Method]: z.ZodType<Args<M>> } = {
  loadKnowledgeBase: z.tuple([]),
}
