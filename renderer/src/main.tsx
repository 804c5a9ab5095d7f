import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { SettingsProvider } from './hooks/useSettings'
import { CommandProvider } from './lib/commands'
import './styles.css'

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <SettingsProvider>
      <CommandProvider>
        <App />
      </CommandProvider>
    </SettingsProvider>
  </StrictMode>,
)
