// The banners over the views: a pack that no longer verifies (from the start),
// a pack past the day its editor vouched it current (it is still used; once
// per start until closed), and the status line after a change.
import { useId, useState } from 'react'
import { outdatedText } from '@shared/pack/describe'
import type { ContentInfo } from '@shared/pack/types'

interface ContentBannersProps {
  info: ContentInfo | null
  status: string | null
  onAbout: () => void
}

export function ContentBanners({ info, status, onAbout }: ContentBannersProps) {
  const id = useId()
  const [outdatedClosed, setOutdatedClosed] = useState(false)
  const outdated = info ? outdatedText(info) : null
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
            <button type="button" className="button" onClick={onAbout}>
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
            <button type="button" className="button" onClick={onAbout}>
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
    </>
  )
}
