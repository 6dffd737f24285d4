import { describe, expect, it, vi } from 'vitest'
import { MAGNET_HANDLER_URL, registerMagnetHandler } from '../register-magnet-handler.ts'

describe('registerMagnetHandler', () => {
  it('registers /open?magnet=%s for magnet:', () => {
    const registerProtocolHandler = vi.fn()
    expect(registerMagnetHandler({ registerProtocolHandler })).toEqual({ ok: true })
    expect(registerProtocolHandler).toHaveBeenCalledWith('magnet', MAGNET_HANDLER_URL)
  })
  it('explains a browser without the API', () => {
    const result = registerMagnetHandler({})
    expect(result.ok).toBe(false)
  })
  it('explains a refusal', () => {
    const result = registerMagnetHandler({ registerProtocolHandler: () => { throw new DOMException('no', 'SecurityError') } })
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/secure page/) as unknown as string })
  })
})
