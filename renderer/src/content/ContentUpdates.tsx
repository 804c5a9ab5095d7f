// Knowledge packs in the interface: « Fichier › Mettre à jour le
// contenu… » and « À propos du contenu » (menu commands). One modal dialog:
// main verifies the pack, the dialog shows what it would change, then
// « Installer » or « Annuler »; a refused pack is said in French with its
// problems, and nothing changes. « À propos du contenu » says what is in use,
// who signed it, what the last update changed, and goes back to the previous
// or the original content (previewed the same way). What needs the
// clinician's eye without their asking is a banner (ContentBanners.tsx). After
// a change the tables, orientation and handouts switch at once (`onChanged`
// reloads the knowledge base).
import { useState } from 'react'
import type { ContentInfo } from '@shared/pack/types'
import { ContentBanners } from './ContentBanners'
import { ContentDialog } from './ContentDialog'
import { useContentInfo } from './useContentInfo'
import { useContentSteps } from './useContentSteps'
import './content.css'

export function ContentUpdates({ onChanged }: { onChanged: () => void }) {
  const { info, error, load, setInfo } = useContentInfo()
  const [status, setStatus] = useState<string | null>(null)
  const changed = (now: ContentInfo) => {
    setInfo(now)
    onChanged()
  }
  const steps = useContentSteps({ loadInfo: load, onChanged: changed, setStatus })
  return (
    <>
      <ContentBanners info={info} status={status} onAbout={steps.openAbout} />
      <ContentDialog {...steps} info={info} infoError={error} />
    </>
  )
}
