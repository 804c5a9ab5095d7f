// Knowledge packs in the interface: « Fichier › Mettre à jour le
// contenu… » and « À propos du contenu » (menu commands). One modal dialog:
// main verifies the pack, the dialog shows what it would change, then
// « Installer » or « Annuler »; a refused pack is said in French with its
// problems, and nothing changes. « À propos du contenu » says what is in use,
// who signed it, what the last update changed, and goes back to the previous
// or the original content (previewed the same way). A notice from the start
// (a pack that no longer verifies) is a banner; so is, once per start until
// closed, a pack past the day its editor vouched it current (it is still used). After a change the tables,
// orientation and handouts switch at once (`onChanged` reloads the knowledge base).
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { api } from '../api'
import { useCommand, useRunCommand } from '../lib/commands'
import type { MenuCommand } from '@shared/ipc/contract'
import type { KbProblem } from '@shared/kb/types'
import { outdatedText, revisionDate, versionText } from '@shared/pack/describe'
import type { ContentChangePreview, ContentInfo, ContentTarget } from '@shared/pack/types'
import { closeDialogs } from '../lib/dialogs'
import { useModalDialog } from '../lib/useModalDialog'
import { NBSP, guillemets } from '@shared/text/french'
import { ContentDiffView, signatureText } from './ContentDiffView'
import './content.css'
import { ProblemTable } from '../lib/ProblemTable'

type Ready = Extract<ContentChangePreview, { status: 'ready' }>

type Mode =
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

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' })

function when(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

const CONTENT_COMMANDS: readonly MenuCommand[] = ['update-content', 'about-content']

export function ContentUpdates({ onChanged }: { onChanged: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null)
  const id = useId()
  const [mode, setMode] = useState<Mode>({ kind: 'closed' })
  const [info, setInfo] = useState<ContentInfo | null>(null)
  const [infoError, setInfoError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [outdatedClosed, setOutdatedClosed] = useState(false)
  const runCommand = useRunCommand()
  const outdated = info ? outdatedText(info) : null

  const loadInfo = useCallback(async () => {
    const result = await api.getContentInfo()
    if (result.ok) {
      setInfo(result.value)
      setInfoError(null)
    } else setInfoError(result.error.message)
  }, [])

  useEffect(() => {
    void loadInfo()
  }, [loadInfo])

  const toClosed = useCallback(() => setMode({ kind: 'closed' }), [])
  const { dialog, props, close } = useModalDialog(mode.kind !== 'closed', toClosed, {
    showing: mode.kind,
    locked: mode.kind === 'preview' && mode.busy,
  })
  // Another step of an open dialog stays in it; any other dialog closes.
  const closeOthers = useCallback(() => closeDialogs(dialog.current), [dialog])

  const fromPreview = useCallback((result: Awaited<ReturnType<typeof api.openContentPack>>, back: Mode) => {
    if (!result.ok)
      return setMode({ kind: 'refused', title: 'Le contenu n’a pas pu être vérifié', problems: [], message: result.error.message })
    const preview = result.value
    if (preview.status === 'cancelled') return setMode(back)
    if (preview.status === 'refused') return setMode({ kind: 'refused', title: preview.title, problems: preview.problems })
    setMode({ kind: 'preview', preview, confirmed: false, busy: false, error: null })
  }, [])

  const openPack = useCallback(async () => {
    closeOthers()
    setStatus(null)
    setMode({ kind: 'waiting', text: 'Choisissez un paquet de contenu (fichier .mollet)\u00a0; Mollet le vérifie avant tout changement…' })
    fromPreview(await api.openContentPack(), { kind: 'closed' })
  }, [closeOthers, fromPreview])

  const openAbout = useCallback(() => {
    closeOthers()
    setStatus(null)
    setMode({ kind: 'about' })
    void loadInfo()
  }, [closeOthers, loadInfo])

  const revert = useCallback(
    async (target: ContentTarget) => {
      setMode({ kind: 'waiting', text: 'Mollet vérifie ce contenu et ce qu’il changerait…' })
      fromPreview(await api.previewContentRevert(target), { kind: 'about' })
    },
    [fromPreview],
  )

  useCommand(CONTENT_COMMANDS, (command) => {
    if (command === 'update-content') void openPack()
    else openAbout()
  })

  // Each new step puts the focus on its heading (read first).
  useEffect(() => {
    if (mode.kind !== 'closed') heading.current?.focus()
  }, [mode.kind])

  async function apply(preview: Ready, confirmed: boolean) {
    setMode({ kind: 'preview', preview, confirmed, busy: true, error: null })
    const result = await api.applyContentChange(preview.token, confirmed || preview.kind !== 'pack')
    if (!result.ok) {
      setMode({ kind: 'preview', preview, confirmed, busy: false, error: result.error.message })
      return
    }
    const now = result.value.info
    setInfo(now)
    onChanged()
    setStatus(
      `${preview.kind === 'pack' ? 'Contenu mis à jour' : 'Contenu rétabli'}${NBSP}: ${now.version ? versionText(now.version) : 'contenu d’origine'}. Les tableaux, l’orientation et la fiche patient l’utilisent dès maintenant.`,
    )
    close()
  }

  const title =
    mode.kind === 'preview'
      ? TITLES[mode.preview.kind]
      : mode.kind === 'about'
        ? 'À propos du contenu'
        : mode.kind === 'refused'
          ? mode.title
          : 'Mettre à jour le contenu'

  return (
    <>
      {info?.notice && (
        <section className="banner banner-error content-notice" role="alert" aria-labelledby={`${id}-notice`}>
          <div className="banner-head">
            <div>
              <h2 id={`${id}-notice`} className="banner-title">
                Contenu mis à jour non utilisé
              </h2>
              <p className="banner-text">{info.notice}</p>
            </div>
            <button type="button" className="button" onClick={openAbout}>
              À propos du contenu
            </button>
          </div>
        </section>
      )}
      {outdated && !outdatedClosed && (
        <section className="banner content-notice" role="status" aria-labelledby={`${id}-outdated`}>
          <div className="banner-head">
            <div>
              <h2 id={`${id}-outdated`} className="banner-title">
                Contenu peut-être dépassé
              </h2>
              <p className="banner-text">{outdated}</p>
            </div>
            <button type="button" className="button" onClick={openAbout}>
              À propos du contenu
            </button>
            <button type="button" className="button button-quiet" onClick={() => setOutdatedClosed(true)}>
              Compris
            </button>
          </div>
        </section>
      )}
      {status && (
        <p className="banner content-status" role="status">
          {status}
        </p>
      )}

      <dialog {...props} className="panel-dialog content-dialog" aria-labelledby={`${id}-title`}>
        <div className="content-head">
          <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
            {title}
          </h2>
        </div>
        <div className="content-body">
          {mode.kind === 'waiting' && (
            <p role="status" className="content-waiting">
              {mode.text}
            </p>
          )}

          {mode.kind === 'refused' && (
            <>
              <p className="content-refused" role="alert">
                {mode.message ??
                  (mode.problems.length > 0
                    ? 'Rien n’a été installé. Ce qui ne va pas, fichier par fichier\u00a0:'
                    : 'Rien n’a été changé.')}
              </p>
              {mode.problems.length > 0 && <ProblemList problems={mode.problems} />}
            </>
          )}

          {mode.kind === 'preview' && (
            <>
              <p>
                {mode.preview.kind === 'pack' ? 'Ce paquet est ' : 'Ce contenu est '}
                {signatureText(mode.preview.signature)}
                {mode.preview.packId ? `, paquet ${guillemets(mode.preview.packId)}` : ''}. Voici ce qu’il changerait, rien n’est encore
                installé.
              </p>
              <ContentDiffView diff={mode.preview.diff} />
              {mode.preview.older && (
                <div className="content-older">
                  <p>{mode.preview.older}</p>
                  <label>
                    <input
                      type="checkbox"
                      checked={mode.confirmed}
                      disabled={mode.busy}
                      onChange={(event) => setMode({ ...mode, confirmed: event.target.checked, error: null })}
                    />{' '}
                    Je confirme revenir à cette révision, qui n’est pas plus récente que le contenu actuel
                  </label>
                </div>
              )}
              {mode.error && (
                <p className="content-refused" role="alert">
                  {mode.error}
                </p>
              )}
            </>
          )}

          {mode.kind === 'about' && <About info={info} error={infoError} />}
        </div>

        <div className="content-actions">
          {mode.kind === 'preview' && (
            <button
              type="button"
              className="button button-primary"
              disabled={mode.busy || (mode.preview.older !== null && !mode.confirmed)}
              onClick={() => void apply(mode.preview, mode.confirmed)}
            >
              {mode.busy ? 'Installation…' : mode.preview.kind === 'pack' ? 'Installer' : 'Revenir à ce contenu'}
            </button>
          )}
          {mode.kind === 'about' && (
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
          <button type="button" className="button button-quiet" disabled={mode.kind === 'preview' && mode.busy} onClick={close}>
            {mode.kind === 'preview' ? 'Annuler' : 'Fermer'}
          </button>
        </div>
      </dialog>
    </>
  )
}

function ProblemList({ problems }: { problems: readonly KbProblem[] }) {
  return <ProblemTable problems={problems} caption="Problèmes du paquet" className="problems content-problems" />
}

function About({ info, error }: { info: ContentInfo | null; error: string | null }) {
  if (error) return <p role="alert">{error}</p>
  if (!info) return <p role="status">Chargement…</p>
  const v = info.version
  const outdated = outdatedText(info)
  return (
    <>
      {info.notice && <p className="content-refused">{info.notice}</p>}
      {outdated && <p className="content-refused">{outdated}</p>}
      <dl className="facts">
        <dt>Titre</dt>
        <dd>{v?.title ?? '—'}</dd>
        <dt>Édition</dt>
        <dd>{v?.edition ?? '—'}</dd>
        <dt>Révision</dt>
        <dd>{v ? revisionDate(v.revision) : '—'}</dd>
        <dt>Éditeur</dt>
        <dd>{info.editor ?? '—'}</dd>
        <dt>Source</dt>
        <dd>{info.source ? `${guillemets(info.source.title)} (${info.source.file})` : '—'}</dd>
        <dt>Origine</dt>
        <dd>
          {info.origin === 'bundled' ? 'contenu d’origine, livré avec Mollet' : `paquet de contenu ${info.packId ?? ''}`.trim()}
          {info.installedAt && `, choisi le ${when(info.installedAt)}`}
        </dd>
        <dt>Signature</dt>
        <dd>{signatureText(info.signature)}</dd>
        {info.currentUntil && (
          <>
            <dt>À jour jusqu’au</dt>
            <dd>
              {revisionDate(info.currentUntil)}
              {info.outdated ? ' (date passée\u00a0: le contenu peut être dépassé)' : ' (selon son éditeur)'}
            </dd>
          </>
        )}
        {info.previous && (
          <>
            <dt>Contenu précédent</dt>
            <dd>
              {info.previous.origin === 'bundled' ? 'contenu d’origine' : 'paquet de contenu'}
              {info.previous.version ? `, ${versionText(info.previous.version)}` : ''}
            </dd>
          </>
        )}
      </dl>
      <section className="content-last">
        <h3>Ce qu’a changé la dernière mise à jour</h3>
        {info.lastChange ? <ContentDiffView diff={info.lastChange} /> : <p>Aucune mise à jour depuis l’installation de Mollet.</p>}
      </section>
    </>
  )
}
