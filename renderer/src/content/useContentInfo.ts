// What content is in use (« À propos du contenu », the banners): asked of main
// at the start and each time « À propos du contenu » opens.
import { useCallback, useEffect, useState } from 'react'
import type { ContentInfo } from '@shared/pack/types'
import { api } from '../api'

export function useContentInfo() {
  const [info, setInfo] = useState<ContentInfo | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    const result = await api.getContentInfo()
    if (result.ok) {
      setInfo(result.value)
      setError(null)
    } else setError(result.error.message)
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  return { info, error, load, setInfo }
}
