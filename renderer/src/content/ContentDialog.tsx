// The content dialog, one step at a time: waiting for main, a refused pack
// with its problems, the preview of a change and its install, or « À propos
// du contenu ».
import { useId, type RefObject } from 'react'
import type { ContentInfo, ContentTarget } from '@shared/pack/types'
import { guillemets } from '@shared/text/french'
import { useRunCommand } from '../lib/commands'
import { ProblemTable } from '../lib/ProblemTable'
import type { useModalDialog } from '../lib/useModalDialog'
import { AboutContent } from './AboutContent'
import { ContentDiffView, signatureText } from './ContentDiffView'
import { stepTitle, type Ready, type Step } from './steps'

type Preview = Extract<Step, { kind: 'preview' }>

interface ContentDialogProps {
  step: Step
  info: ContentInfo | null
  infoError: string | null
  /** The modal dialog's own props (useModalDialog). */
  dialogProps: ReturnType<typeof useModalDialog>['props']
  heading: RefObject<HTMLHeadingElement | null>
  close: () => void
  openPack: () => Promise<void>
  revert: (target: ContentTarget) => Promise<void>
  confirm: (confirmed: boolean) => void
  apply: (preview: Ready, confirmed: boolean) => Promise<void>
}

export function ContentDialog(props: ContentDialogProps) {
  const { step, info, infoError, heading } = props
  const id = useId()
  return (
    <dialog {...props.dialogProps} className="panel-dialog content-dialog" aria-labelledby={`${id}-title`}>
      <div className="content-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {stepTitle(step)}
        </h2>
      </div>
      <div className="content-body">
        {step.kind === 'waiting' && (
          <p role="status" className="content-waiting">
            {step.text}
          </p>
        )}
        {step.kind === 'refused' && <Refused step={step} />}
        {step.kind === 'preview' && <PreviewBody step={step} confirm={props.confirm} />}
        {step.kind === 'about' && <AboutContent info={info} error={infoError} />}
      </div>
      <ContentActions {...props} />
    </dialog>
  )
}

function Refused({ step }: { step: Extract<Step, { kind: 'refused' }> }) {
  return (
    <>
      <p className="content-refused" role="alert">
        {step.message ??
          (step.problems.length > 0 ? 'Rien n’a été installé. Ce qui ne va pas, fichier par fichier\u00a0:' : 'Rien n’a été changé.')}
      </p>
      {step.problems.length > 0 && (
        <ProblemTable problems={step.problems} caption="Problèmes du paquet" className="problems content-problems" />
      )}
    </>
  )
}

function PreviewBody({ step, confirm }: { step: Preview; confirm: (confirmed: boolean) => void }) {
  const { preview } = step
  return (
    <>
      <p>
        {preview.kind === 'pack' ? 'Ce paquet est ' : 'Ce contenu est '}
        {signatureText(preview.signature)}
        {preview.packId ? `, paquet ${guillemets(preview.packId)}` : ''}. Voici ce qu’il changerait, rien n’est encore installé.
      </p>
      <ContentDiffView diff={preview.diff} />
      {preview.older && (
        <div className="content-older">
          <p>{preview.older}</p>
          <label>
            <input type="checkbox" checked={step.confirmed} disabled={step.busy} onChange={(event) => confirm(event.target.checked)} /> Je
            confirme revenir à cette révision, qui n’est pas plus récente que le contenu actuel
          </label>
        </div>
      )}
      {step.error && (
        <p className="content-refused" role="alert">
          {step.error}
        </p>
      )}
    </>
  )
}

function ContentActions({ step, info, close, openPack, revert, apply }: ContentDialogProps) {
  const runCommand = useRunCommand()
  const busy = step.kind === 'preview' && step.busy
  return (
    <div className="content-actions">
      {step.kind === 'preview' && (
        <button
          type="button"
          className="button button-primary"
          disabled={step.busy || (step.preview.older !== null && !step.confirmed)}
          onClick={() => void apply(step.preview, step.confirmed)}
        >
          {step.busy ? 'Installation…' : step.preview.kind === 'pack' ? 'Installer' : 'Revenir à ce contenu'}
        </button>
      )}
      {step.kind === 'about' && (
        <>
          <button type="button" className="button" onClick={() => void openPack()}>
            Mettre à jour le contenu…
          </button>
          <button type="button" className="button" onClick={() => runCommand('show-scope')}>
            Ce que Mollet couvre
          </button>
          {info?.previous && (
            <button type="button" className="button" onClick={() => void revert('previous')}>
              Revenir au contenu précédent
            </button>
          )}
          {info && (info.origin === 'pack' || info.notice) && (
            <button type="button" className="button" onClick={() => void revert('original')}>
              Revenir au contenu d’origine
            </button>
          )}
        </>
      )}
      <button type="button" className="button button-quiet" disabled={busy} onClick={close}>
        {step.kind === 'preview' ? 'Annuler' : 'Fermer'}
      </button>
    </div>
  )
}
