// Serves the built renderer over HTTP on 127.0.0.1 (module scripts do not load
// from file://), with the same Content-Security-Policy header as the app:// protocol.
// It also hands the bridge's long answers to the page (see offer).
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY, mimeOf } from '../../electron/main/security'

export interface StaticServer {
  origin: string
  /**
   * Keeps `body` for one GET of the path returned (same origin, so the app's
   * CSP, connect-src 'self', lets the page fetch it), then forgets it.
   */
  offer(body: string): string
  close(): Promise<void>
}

/** Where offered answers are served; no file of the renderer lives there. */
const ANSWERS = '/__mollet-answer/'

export async function serveRenderer(root: string): Promise<StaticServer> {
  const base = resolve(root)
  const offered = new Map<string, string>()
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
      if (pathname.startsWith(ANSWERS)) {
        const body = offered.get(pathname)
        offered.delete(pathname)
        if (body === undefined) response.writeHead(404).end()
        else response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(body)
        return
      }
      const file = resolve(base, `.${pathname === '/' ? '/index.html' : pathname}`)
      if (!file.startsWith(base + sep)) {
        response.writeHead(404).end()
        return
      }
      try {
        const body = await readFile(file)
        response.writeHead(200, { 'content-type': mimeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY }).end(body)
      } catch {
        response.writeHead(404).end()
      }
    })()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return {
    origin: `http://127.0.0.1:${address.port}`,
    offer(body) {
      const path = `${ANSWERS}${randomUUID()}`
      offered.set(path, body)
      return path
    },
    close: () => new Promise((done) => server.close(() => done())),
  }
}
