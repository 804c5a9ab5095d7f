// Serves the built renderer over HTTP on 127.0.0.1 (module scripts do not load
// from file://), with the same Content-Security-Policy header as the app:// protocol.
import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY, mimeOf } from '../../electron/main/security'

export interface StaticServer {
  origin: string
  close(): Promise<void>
}

export async function serveRenderer(root: string): Promise<StaticServer> {
  const base = resolve(root)
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
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
    close: () => new Promise((done) => server.close(() => done())),
  }
}
