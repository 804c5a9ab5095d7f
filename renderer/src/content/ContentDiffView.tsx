// What a change of content changes: the revision and the edition,
// old → new, then the entries added, removed and changed with their fields.
// The same view serves a pack's preview, a return to earlier content, and
// « À propos du contenu » (the last update).
import type { ReactNode } from 'react'
import { fieldLabel, LIST_LABELS, revisionDate } from '@shared/pack/describe'
import type { ContentDiff, ContentSignature, DiffEntry } from '@shared/pack/types'
import { NBSP, guillemets } from '@shared/text/french'

/** « 2549 b259 f739 1510 »: the first 16 hexadecimal digits of a key's fingerprint, as people compare them. */
function shortFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 16).match(/.{1,4}/gu) ?? []).join(NBSP)
}

export function signatureText(signature: ContentSignature): string {
  return signature.kind === 'bundled'
    ? 'contenu livré avec Mollet (il n’a pas besoin de signature)'
    : `signé par la clé ${guillemets(signature.keyName)} (empreinte ${shortFingerprint(signature.fingerprint)})`
}

function fields(list: string[]): string {
  return list.map(fieldLabel).join(', ')
}

function entryName(e: DiffEntry): string {
  return `${LIST_LABELS[e.list]}${NBSP}: ${e.label}`
}

function Entries({ title, total, children }: { title: string; total: number; children: ReactNode }) {
  return (
    <section className="content-diff-list">
      <h3>
        {title} ({total})
      </h3>
      {total === 0 ? <p className="content-diff-none">Aucune.</p> : <ul className="plain-list">{children}</ul>}
    </section>
  )
}

function More({ shown, total }: { shown: number; total: number }) {
  return total > shown ? <li className="content-diff-none">… et {total - shown} autres</li> : null
}

export function ContentDiffView({ diff }: { diff: ContentDiff }) {
  const arrow = (from: string, to: string) => (from === to ? `${to} (inchangée)` : `${from} → ${to}`)
  return (
    <div className="content-diff">
      <dl className="facts">
        <dt>Révision</dt>
        <dd>{arrow(revisionDate(diff.from.revision), revisionDate(diff.to.revision))}</dd>
        <dt>Édition</dt>
        <dd>{arrow(diff.from.edition ?? 'sans nom', diff.to.edition ?? 'sans nom')}</dd>
        {diff.metaFields.length > 0 && (
          <>
            <dt>Métadonnées</dt>
            <dd>{fields(diff.metaFields)}</dd>
          </>
        )}
        <dt>Article source</dt>
        <dd>{diff.articleChanged ? 'modifié' : 'inchangé'}</dd>
      </dl>
      <Entries title="Entrées ajoutées" total={diff.counts.added}>
        {diff.added.map((e) => (
          <li key={`${e.list}/${e.id}`}>{entryName(e)}</li>
        ))}
        <More shown={diff.added.length} total={diff.counts.added} />
      </Entries>
      <Entries title="Entrées retirées" total={diff.counts.removed}>
        {diff.removed.map((e) => (
          <li key={`${e.list}/${e.id}`}>{entryName(e)}</li>
        ))}
        <More shown={diff.removed.length} total={diff.counts.removed} />
      </Entries>
      <Entries title="Entrées modifiées" total={diff.counts.changed}>
        {diff.changed.map((e) => (
          <li key={`${e.list}/${e.id}`}>
            {entryName(e)}
            {e.previousLabel && `, anciennement ${guillemets(e.previousLabel)}`}
            <span className="content-diff-fields">
              {' '}
              — {e.fields.length > 1 ? 'champs' : 'champ'}
              {NBSP}: {fields(e.fields)}
            </span>
          </li>
        ))}
        <More shown={diff.changed.length} total={diff.counts.changed} />
      </Entries>
    </div>
  )
}
