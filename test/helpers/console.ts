import { afterAll, beforeAll, vi } from 'vitest'

/**
 * Captures everything the code under test logs, for the file's tests: they
 * check that no patient name or note ever reaches a log.
 */
export function captureConsole(): string[] {
  const logged: string[] = []
  beforeAll(() => {
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...parts: unknown[]) => {
        logged.push(parts.map(String).join(' '))
      })
    }
  })
  afterAll(() => {
    vi.restoreAllMocks()
  })
  return logged
}
