// What the app:// protocol answers (serveAppFile, called by protocol.handle in
// the Electron shell): the renderer's files with the CSP header, nothing else.
import { afterAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serveAppFile } from '../../electron/main/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security'

const root = mkdtempSync(join(tmpdir(), 'mollet-app-protocol-'))
const renderer = join(root, 'renderer')
mkdirSync(join(renderer, 'assets'), { recursive: true })
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Mollet</title>')
writeFileSync(join(renderer, 'assets/index.js'), 'export {}')
writeFileSync(join(root, 'secret.txt'), 'hors du renderer')
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('app:// protocol', () => {
  it.each([
    ['app://mollet/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Mollet</title>'],
    ['app://mollet/', 'text/html; charset=utf-8', '<!doctype html><title>Mollet</title>'],
    ['app://mollet/assets/index.js?v=1', 'text/javascript; charset=utf-8', 'export {}'],
  ])('serves %s with the CSP header', async (url, type, body) => {
    const response = await serveAppFile(renderer, url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe(body)
  })

  it.each([
    'app://mollet/../secret.txt',
    'app://mollet/%2e%2e/secret.txt',
    'app://mollet/assets/..%2f..%2fsecret.txt',
    'app://mollet/missing.js',
    'app://mollet/assets',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://mollet/%00',
  ])('answers 404 to %s, with nothing from outside the renderer', async (url) => {
    const response = await serveAppFile(renderer, url)
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('Introuvable')
  })
})
