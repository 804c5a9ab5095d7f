import type { KeyboardEventHandler } from 'react'

interface Props {
  value: string
  placeholder: string
  onChange: (value: string) => void
  onKeyDown: KeyboardEventHandler<HTMLInputElement>
}

/** The search field of a view; `/` focuses it (App.tsx). */
export function SearchBox({ value, placeholder, onChange, onKeyDown }: Props) {
  return (
    <label className="search">
      <span className="visually-hidden">Rechercher</span>
      <input type="search" value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} onKeyDown={onKeyDown} />
    </label>
  )
}
