// The application menu sends every menu command, « Copier pour le dossier »
// under Édition with its shortcut. The template is plain data: no Electron needed.
import { describe, expect, it } from 'vitest'
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/contract'
import { menuTemplate } from '../../electron/main/menu'

type MenuItemConstructorOptions = ReturnType<typeof menuTemplate>[number]

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

describe('buildMenu', () => {
  const sent: MenuCommand[] = []
  const template = menuTemplate((c) => sent.push(c), { appName: 'Mollet', isMac: false, isPackaged: true })

  it('puts « Copier pour le dossier » under Édition, with Ctrl/Cmd+Shift+C', () => {
    const edit = template.find((m) => m.label === 'Édition')
    const copy = items(Array.isArray(edit?.submenu) ? edit.submenu : []).find((i) => i.label === 'Copier pour le dossier')
    expect(copy?.accelerator).toBe('CmdOrCtrl+Shift+C')
    ;(copy!.click as () => void)()
    expect(sent).toEqual(['copy-record-note'])
  })

  it('puts « Nouveau patient » first under Fichier, with Ctrl/Cmd+N', () => {
    const file = template.find((m) => m.label === 'Fichier')
    const [first] = Array.isArray(file?.submenu) ? file.submenu : []
    expect(first?.label).toBe('Nouveau patient')
    expect(first?.accelerator).toBe('CmdOrCtrl+N')
    sent.length = 0
    ;(first!.click as () => void)()
    expect(sent).toEqual(['new-patient'])
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
