// The content dialog's steps: choosing a pack, going back to earlier content,
// the preview and its install, « À propos du contenu ». Each step is one
// modal dialog, which stays open from one step to the next.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { MenuCommand } from '@shared/ipc/contract'
import type { ContentInfo, ContentTarget } from '@shared/pack/types'
import { api } from '../api'
import { useCommand } from '../lib/commands'
import { closeDialogs } from '../lib/dialogs'
import { useModalDialog } from '../lib/useModalDialog'
import { afterCheck, changedText, type Ready, type Step } from './steps'

const CONTENT_COMMANDS: readonly MenuCommand[] = ['update-content', 'about-content']

interface ContentStepsOptions {
  loadInfo: () => Promise<void>
  /** A change is in use: what main says is in use now. */
  onChanged: (now: ContentInfo) => void
  /** The status line, cleared when the dialog opens again. */
  setStatus: (status: string | null) => void
}

export function useContentSteps({ loadInfo, onChanged, setStatus }: ContentStepsOptions) {
  const [step, setStep] = useState<Step>({ kind: 'closed' })
  const heading = useRef<HTMLHeadingElement>(null)
  const toClosed = useCallback(() => setStep({ kind: 'closed' }), [])
  const { dialog, props, close } = useModalDialog(step.kind !== 'closed', toClosed, {
    showing: step.kind,
    locked: step.kind === 'preview' && step.busy,
  })
  // Another step of an open dialog stays in it; any other dialog closes.
  const closeOthers = useCallback(() => closeDialogs(dialog.current), [dialog])

  // Each new step puts the focus on its heading (read first).
  useEffect(() => {
    if (step.kind !== 'closed') heading.current?.focus()
  }, [step.kind])

  const openPack = useCallback(async () => {
    closeOthers()
    setStatus(null)
    setStep({ kind: 'waiting', text: 'Choisissez un paquet de contenu (fichier .mollet)\u00a0; Mollet le vérifie avant tout changement…' })
    setStep(afterCheck(await api.openContentPack(), { kind: 'closed' }))
  }, [closeOthers, setStatus])

  const openAbout = useCallback(() => {
    closeOthers()
    setStatus(null)
    setStep({ kind: 'about' })
    void loadInfo()
  }, [closeOthers, setStatus, loadInfo])

  const revert = async (target: ContentTarget) => {
    setStep({ kind: 'waiting', text: 'Mollet vérifie ce contenu et ce qu’il changerait…' })
    setStep(afterCheck(await api.previewContentRevert(target), { kind: 'about' }))
  }

  const confirm = (confirmed: boolean) => setStep((s) => (s.kind === 'preview' ? { ...s, confirmed, error: null } : s))

  const apply = async (preview: Ready, confirmed: boolean) => {
    setStep({ kind: 'preview', preview, confirmed, busy: true, error: null })
    const result = await api.applyContentChange(preview.token, confirmed || preview.kind !== 'pack')
    if (!result.ok) {
      setStep({ kind: 'preview', preview, confirmed, busy: false, error: result.error.message })
      return
    }
    onChanged(result.value.info)
    setStatus(changedText(preview, result.value.info))
    close()
  }

  useCommand(CONTENT_COMMANDS, (command) => {
    if (command === 'update-content') void openPack()
    else openAbout()
  })

  return { step, dialogProps: props, heading, close, openPack, openAbout, revert, confirm, apply }
}
