// « À propos du contenu »: what is in use, who signed it, until when its
// editor vouches it current, what came before, and what the last update changed.
import { outdatedText, revisionDate, versionText } from '@shared/pack/describe'
import type { ContentInfo } from '@shared/pack/types'
import { guillemets } from '@shared/text/french'
import { ContentDiffView, signatureText } from './ContentDiffView'

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' })

function when(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

export function AboutContent({ info, error }: { info: ContentInfo | null; error: string | null }) {
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
