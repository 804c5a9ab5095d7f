// The one table of commands (shared/app/commands.ts): every menu command is
// one row, its key reads back to it on each platform, the menu's accelerator
// and the dialog's label are derived from the same key.
import { describe, expect, it } from 'vitest'
import { COMMANDS, acceleratorOf, commandOfKey, shortcutLabel, shortcutOf, type KeyPress, type Shortcut } from '../../shared/app/commands'
import { MENU_COMMANDS } from '../../shared/ipc/contract'

/** The key press a person makes for a shortcut on a platform. */
function press(shortcut: Shortcut, isMac: boolean): KeyPress {
  const digit = /^[0-9]$/u.test(shortcut.key)
  return {
    key: digit && shortcut.shift ? '!' : shortcut.key,
    code: digit ? `Digit${shortcut.key}` : `Key${shortcut.key.toUpperCase()}`,
    ctrlKey: Boolean(shortcut.mod) && !isMac,
    metaKey: Boolean(shortcut.mod) && isMac,
    altKey: Boolean(shortcut.alt),
    shiftKey: Boolean(shortcut.shift),
  }
}

describe('the table of commands', () => {
  it('has one row for each menu command', () => {
    expect(COMMANDS.map((c) => c.id).sort()).toEqual([...MENU_COMMANDS].sort())
  })

  for (const isMac of [false, true]) {
    it(`gives each key one command, and reads each key back to it (${isMac ? 'Mac' : 'Windows, Linux'})`, () => {
      const seen = new Set<string>()
      for (const command of COMMANDS) {
        const shortcut = shortcutOf(command, isMac)
        if (!shortcut) continue
        const label = shortcutLabel(shortcut, isMac)
        expect(seen.has(label), label).toBe(false)
        seen.add(label)
        expect(commandOfKey(press(shortcut, isMac), isMac)?.id).toBe(command.id)
      }
    })
  }

  it('writes the keys as the platform does', () => {
    const back = COMMANDS.find((c) => c.id === 'go-back')!
    expect(shortcutLabel(shortcutOf(back, false)!, false)).toBe('Alt+←')
    expect(shortcutLabel(shortcutOf(back, true)!, true)).toBe('⌘+[')
    const copy = COMMANDS.find((c) => c.id === 'copy-record-note')!
    expect(shortcutLabel(shortcutOf(copy, false)!, false)).toBe('Ctrl+Maj+C')
    expect(shortcutLabel(shortcutOf(copy, true)!, true)).toBe('⌘+Maj+C')
    expect(acceleratorOf(shortcutOf(copy, false)!)).toBe('CmdOrCtrl+Shift+C')
    expect(acceleratorOf(shortcutOf(back, false)!)).toBe('Alt+Left')
  })

  it('takes no key without its modifiers, nor with another one', () => {
    const newPatient = shortcutOf(COMMANDS.find((c) => c.id === 'new-patient')!, false)!
    const exact = press(newPatient, false)
    expect(commandOfKey(exact, false)?.id).toBe('new-patient')
    expect(commandOfKey({ ...exact, ctrlKey: false }, false)).toBeNull()
    expect(commandOfKey({ ...exact, metaKey: true }, false)).toBeNull()
    expect(commandOfKey({ ...exact, altKey: true }, false)).toBeNull()
    expect(commandOfKey({ ...exact, shiftKey: true, key: 'N' }, false)).toBeNull()
    // On a Mac, Ctrl+N is not ⌘+N.
    expect(commandOfKey(exact, true)).toBeNull()
  })

  it('matches the views’ digits by their key’s place, whatever the keyboard layout', () => {
    // On a French AZERTY keyboard the key of « 1 » gives « & » without Shift.
    expect(commandOfKey({ key: '&', code: 'Digit1', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false }, false)?.id).toBe(
      'show-causes',
    )
  })
})
