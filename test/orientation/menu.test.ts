// The application menu sends every menu command, « Copier pour le dossier »
// under Édition with its shortcut (electron is replaced by what buildMenu uses).
import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/contract'

vi.mock('electron', () => ({
  app: { name: 'Mollet', isPackaged: true },
  Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template },
}))

const { buildMenu } = await import('../../electron/main/menu')

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

describe('buildMenu', () => {
  const sent: MenuCommand[] = []
  const template = buildMenu((c) => sent.push(c)) as unknown as MenuItemConstructorOptions[]

  it('puts « Copier pour le dossier » under Édition, with Ctrl/Cmd+Shift+C', () => {
    const edit = template.find((m) => m.label === 'Édition')
    const copy = items(Array.isArray(edit?.submenu) ? edit.submenu : []).find((i) => i.label === 'Copier pour le dossier')
    expect(copy?.accelerator).toBe('CmdOrCtrl+Shift+C')
    ;(copy?.click as () => void)()
    expect(sent).toEqual(['copy-record-note'])
  })

  it('sends every menu command from some entry, and no shortcut twice', () => {
    sent.length = 0
    const all = items(template)
    for (const item of all) if (typeof item.click === 'function') (item.click as () => void)()
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort())
    const accelerators = all.flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []))
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })
})
