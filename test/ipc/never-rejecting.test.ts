// The renderer's calls never reject (shared/ipc/contract.ts neverRejecting):
// a call that throws, rejects or whose transport is gone answers one French
// IpcResult, like any failure main answers; what main answers passes as is.
import { describe, expect, it } from 'vitest'
import { METHODS, UNREACHABLE, buildApi, neverRejecting, type Invoke } from '../../shared/ipc/contract'

const lost = { ok: false, error: { code: 'internal', message: UNREACHABLE } }

describe('neverRejecting', () => {
  it('turns a rejection, a throw and a refused answer alike into IpcResults', async () => {
    const rejecting: Invoke = async () => {
      throw new Error('transport gone')
    }
    const throwing: Invoke = () => {
      throw new TypeError('not a function')
    }
    for (const invoke of [rejecting, throwing]) {
      const api = neverRejecting(buildApi(METHODS, invoke))
      for (const method of METHODS) {
        await expect((api[method] as (...a: unknown[]) => Promise<unknown>)()).resolves.toEqual(lost)
      }
    }
  })

  it('passes main’s own answers through untouched', async () => {
    const refusal = { ok: false, error: { code: 'failed', message: 'La fiche n’a pas pu être enregistrée.' } }
    const api = neverRejecting(buildApi(METHODS, async (method) => (method === 'saveHandout' ? refusal : { ok: true, value: method })))
    await expect(api.getSettings()).resolves.toEqual({ ok: true, value: 'getSettings' })
    await expect(api.saveHandout({ causes: [], advice: [], patientName: '', note: '', largePrint: false, alerts: [] })).resolves.toBe(
      refusal,
    )
  })
})
