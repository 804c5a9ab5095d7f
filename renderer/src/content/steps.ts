// The steps of the content dialog, and where an answer from main leads.
import type { KbProblem } from '@shared/kb/types'
import { versionText } from '@shared/pack/describe'
import type { ContentChangePreview, ContentInfo } from '@shared/pack/types'
import type { IpcResult } from '@shared/ipc/contract'
import { NBSP } from '@shared/text/french'

export type Ready = Extract<ContentChangePreview, { status: 'ready' }>

export type Step =
  | { kind: 'closed' }
  | { kind: 'waiting'; text: string }
  | { kind: 'refused'; title: string; problems: KbProblem[]; message?: string }
  | { kind: 'preview'; preview: Ready; confirmed: boolean; busy: boolean; error: string | null }
  | { kind: 'about' }

const TITLES: Record<Ready['kind'], string> = {
  pack: 'Mettre à jour le contenu',
  previous: 'Revenir au contenu précédent',
  original: 'Revenir au contenu d’origine',
}

export function stepTitle(step: Step): string {
  if (step.kind === 'preview') return TITLES[step.preview.kind]
  if (step.kind === 'about') return 'À propos du contenu'
  if (step.kind === 'refused') return step.title
  return 'Mettre à jour le contenu'
}

/** The step a checked pack or content leads to; `back` when the clinician chose no file. */
export function afterCheck(result: IpcResult<ContentChangePreview>, back: Step): Step {
  if (!result.ok) return { kind: 'refused', title: 'Le contenu n’a pas pu être vérifié', problems: [], message: result.error.message }
  const preview = result.value
  if (preview.status === 'cancelled') return back
  if (preview.status === 'refused') return { kind: 'refused', title: preview.title, problems: preview.problems }
  return { kind: 'preview', preview, confirmed: false, busy: false, error: null }
}

/** What the status line says once a change is in use. */
export function changedText(preview: Ready, now: ContentInfo): string {
  return `${preview.kind === 'pack' ? 'Contenu mis à jour' : 'Contenu rétabli'}${NBSP}: ${now.version ? versionText(now.version) : 'contenu d’origine'}. Les tableaux, l’orientation et la fiche patient l’utilisent dès maintenant.`
}
