import { test, expect, deliverMenuPayload, resourcesDir, sendMenuCommand } from '../harness/fixtures'
import { DETAIL_FIELDS } from '../../shared/kb/types'
import { loadKnowledgeBase } from '../../electron/main/knowledge/load'

test('the page reaches the real handlers through the preload API', async ({ mollet }) => {
  const result = await mollet.evaluate(() => window.mollet.loadKnowledgeBase())
  expect(result.ok).toBe(true)
  const bytes = await mollet.evaluate(async () => {
    const r = await window.mollet.loadKnowledgeBase()
    return r.ok ? Object.keys(r.value.kb) : []
  })
  expect(bytes).toContain('causes')
})

test('the first screen gets the summaries; a detail’s fields come when it opens', async ({ mollet }) => {
  const { kb } = await loadKnowledgeBase(resourcesDir)
  const outline = await mollet.evaluate(async () => {
    const r = await window.mollet.loadKnowledgeBase()
    return r.ok ? r.value.kb : null
  })
  const entry = kb.causes[0]
  if (!outline || !entry) throw new Error('no knowledge base')
  const fields = new Set([...outline.causes, ...outline.differentials].flatMap((c) => Object.keys(c)))
  for (const field of DETAIL_FIELDS) expect(fields).not.toContain(field)
  expect(fields).toContain('patientExplanation')
  const details = await mollet.evaluate((id) => window.mollet.loadConditionDetails(id), entry.id)
  expect(details).toEqual({ ok: true, value: { whatToDo: entry.whatToDo, provenance: entry.provenance } })
})

test('a frame from another origin is refused by the sender check', async ({ mollet, server }) => {
  const other = server.origin.replace('127.0.0.1', 'localhost')
  await mollet.goto(`${other}/index.html`)
  const result = await mollet.evaluate(() => window.mollet.loadKnowledgeBase())
  expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.stringContaining('refusé') } })
})

test('only a menu command reaches the page’s listener, through the preload’s own filter', async ({ mollet }) => {
  await mollet.evaluate(() => {
    const heard: unknown[] = []
    Object.assign(window, { heard })
    window.molletEvents.onMenuCommand((command) => heard.push(command))
  })
  const notCommands = ['print-handout ', 'PRINT-HANDOUT', 'open-devtools', '', 42, true, null, { command: 'print-handout' }, ['go-back']]
  for (const payload of notCommands) await deliverMenuPayload(mollet, payload)
  await sendMenuCommand(mollet, 'go-forward')
  expect(await mollet.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual(['go-forward'])
})
