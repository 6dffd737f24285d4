import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  LIBRARY_KEY_BYTES, LibraryKeyError, deriveKeys, encodeLibraryKey, generateLibraryKey, parseLibraryKey, shareToken
} from '../library-key.ts'
import { open, seal } from '../sealed-box.ts'
// Tests only: an independent implementation to check WebCrypto's derivation against.
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { thrownCode } from './thrown-code.ts'

const KEY_0_31 = Uint8Array.from({ length: 32 }, (_, i) => i)
const ITEM = '0123456789abcdef0123456789abcdef01234567'
const keyArb = fc.uint8Array({ minLength: LIBRARY_KEY_BYTES, maxLength: LIBRARY_KEY_BYTES })

function hex (bytes: Uint8Array): string {
  return [...bytes].map(b => b.toString(16).padStart(2, '0')).join('')
}

const codeOf = (run: () => unknown): string | undefined => thrownCode(LibraryKeyError, run)

describe('library key text form', () => {
  it('generates 32 random bytes', () => {
    const a = generateLibraryKey()
    expect(a).toHaveLength(32)
    expect(a).not.toEqual(generateLibraryKey())
  })

  it('round-trips through 43 base64url characters', () => {
    fc.assert(fc.property(keyArb, key => {
      const text = encodeLibraryKey(key)
      expect(text).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(parseLibraryKey(text)).toEqual(key)
    }))
  })

  it('refuses bad text with HEARTH_E_BAD_LIBRARY_KEY', () => {
    const good = encodeLibraryKey(KEY_0_31)
    for (const bad of ['', good.slice(1), `${good}A`, `${good}=`, good.replace(/.$/, '!'), good.replace(/.$/, 'B')]) {
      expect(codeOf(() => parseLibraryKey(bad))).toBe('HEARTH_E_BAD_LIBRARY_KEY')
    }
    expect(codeOf(() => parseLibraryKey(42 as unknown as string))).toBe('HEARTH_E_BAD_LIBRARY_KEY')
    expect(codeOf(() => encodeLibraryKey(new Uint8Array(31)))).toBe('HEARTH_E_BAD_LIBRARY_KEY')
  })
})

describe('deriveKeys', () => {
  it('gives fixed outputs for a fixed key (changing a label or the salt would re-key every household)', async () => {
    const keys = await deriveKeys(KEY_0_31)
    expect(hex(keys.syncSwarmSecret)).toBe(SWARM_0_31)
    expect(keys.credential).toBe(CREDENTIAL_0_31)
    expect(await shareToken(keys.shareKey, ITEM)).toBe(SHARE_0_31)
  })

  it('derives the seal key as HKDF-SHA-256 with the seal label (checked against node:crypto AES-GCM)', async () => {
    const keys = await deriveKeys(KEY_0_31)
    const aesKey = Buffer.from(hkdfSync('sha256', KEY_0_31, 'hearth/v1/library-key', 'hearth/v1/seal', 32))
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', aesKey, iv)
    cipher.setAAD(new Uint8Array([1]))
    const body = Buffer.concat([cipher.update('hello'), cipher.final(), cipher.getAuthTag()])
    const box = Buffer.concat([Buffer.from([1]), iv, body])
    expect(new TextDecoder().decode((await open(keys.sealKey, box))!)).toBe('hello')
  })

  it('gives the same outputs for the same key, and different ones for another key', async () => {
    await fc.assert(fc.asyncProperty(keyArb, keyArb, async (k1, k2) => {
      fc.pre(hex(k1) !== hex(k2))
      const [a, again, b] = await Promise.all([deriveKeys(k1), deriveKeys(new Uint8Array(k1)), deriveKeys(k2)])
      expect(again.syncSwarmSecret).toEqual(a.syncSwarmSecret)
      expect(again.credential).toBe(a.credential)
      expect(await shareToken(again.shareKey, ITEM)).toBe(await shareToken(a.shareKey, ITEM))
      const box = await seal(a.sealKey, new Uint8Array([1, 2, 3]))
      expect(await open(again.sealKey, box)).toEqual(new Uint8Array([1, 2, 3]))

      expect(b.syncSwarmSecret).not.toEqual(a.syncSwarmSecret)
      expect(b.credential).not.toBe(a.credential)
      expect(await shareToken(b.shareKey, ITEM)).not.toBe(await shareToken(a.shareKey, ITEM))
      expect(await open(b.sealKey, box)).toBeNull()
    }), { numRuns: 20 })
  })

  it('keeps the derived keys apart from each other and non-extractable', async () => {
    const keys = await deriveKeys(KEY_0_31)
    expect(keys.syncSwarmSecret).toHaveLength(32)
    expect(keys.credential).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(keys.credential).not.toBe(encodeLibraryKey(keys.syncSwarmSecret))
    expect(keys.sealKey.extractable).toBe(false)
    expect(keys.sealKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 })
    expect(keys.shareKey.extractable).toBe(false)
    expect(keys.shareKey.algorithm).toMatchObject({ name: 'HMAC' })
  })

  it('gives each item its own share token and refuses a malformed infohash', async () => {
    const keys = await deriveKeys(KEY_0_31)
    expect(await shareToken(keys.shareKey, ITEM)).not.toBe(await shareToken(keys.shareKey, 'f'.repeat(40)))
    await expect(shareToken(keys.shareKey, ITEM.toUpperCase())).rejects.toMatchObject({ code: 'HEARTH_E_BAD_LIBRARY_KEY' })
  })

  it('refuses a key of the wrong length', async () => {
    await expect(deriveKeys(new Uint8Array(16))).rejects.toBeInstanceOf(LibraryKeyError)
  })
})

// Computed once with node:crypto's hkdfSync / createHmac, independently of WebCrypto.
const SWARM_0_31 = '9d263e6dd4dbcb3e6423dcb8f477abb5f39125c0abdc168c096cc1b5e687c352'
const CREDENTIAL_0_31 = 'DUEbYwYnNYg1JE7No_hsc64SsgWm_wcXCwbXNzNuj_g'
const SHARE_0_31 = '3h9NMftX9BRSHttW807DnFEHOFGIdkTNYJPOt2X0Rgs'
