import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { SettingsProvider } from './lib/useSettings'
import { CommandProvider } from './lib/commands'
import './app/styles.css'

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <SettingsProvider>
      <CommandProvider>
        <App />
      </CommandProvider>
    </SettingsProvider>
  </StrictMode>,
)
