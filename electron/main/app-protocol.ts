// The answer of the app:// protocol: a file of the built renderer, with the
// content security policy as a header, or 404. Plain TypeScript (Response is
// global in Node), so the tests call exactly what protocol.handle calls.
import { readFile } from 'node:fs/promises'
import { CONTENT_SECURITY_POLICY, appUrlToFile, mimeOf } from './security'

export async function serveAppFile(rendererDir: string, url: string): Promise<Response> {
  const file = appUrlToFile(rendererDir, url)
  if (!file) return notFound()
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return notFound()
  }
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': mimeOf(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  })
}

function notFound(): Response {
  return new Response('Introuvable', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
