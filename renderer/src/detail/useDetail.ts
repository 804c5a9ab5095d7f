// Opens an entry's detail from anywhere (a table row, a related link, later a
// findings panel). The opener gets the focus back when the detail closes.
import { createContext, useContext } from 'react'

export type OpenDetail = (id: string, opener: HTMLElement | null) => void

export const OpenDetailContext = createContext<OpenDetail>(() => undefined)

export function useOpenDetail(): OpenDetail {
  return useContext(OpenDetailContext)
}
