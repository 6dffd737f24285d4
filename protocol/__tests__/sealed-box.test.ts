import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { SEALED_BOX_OVERHEAD_BYTES, SEALED_BOX_VERSION, open, seal } from '../sealed-box.ts'
import { deriveKeys } from '../library-key.ts'

const keysA = await deriveKeys(new Uint8Array(32).fill(1))
const keysB = await deriveKeys(new Uint8Array(32).fill(2))
const plaintextArb = fc.uint8Array({ maxLength: 512 })
const adArb = fc.uint8Array({ maxLength: 32 })

describe('sealed box', () => {
  it('round-trips, with the layout version | iv | ciphertext+tag', async () => {
    await fc.assert(fc.asyncProperty(plaintextArb, adArb, async (plaintext, ad) => {
      const box = await seal(keysA.sealKey, plaintext, ad)
      expect(box[0]).toBe(SEALED_BOX_VERSION)
      expect(box).toHaveLength(plaintext.length + SEALED_BOX_OVERHEAD_BYTES)
      expect(await open(keysA.sealKey, box, ad)).toEqual(plaintext)
    }))
  })

  it('uses a fresh IV for every message', async () => {
    const message = new Uint8Array([7, 7, 7])
    const [a, b] = await Promise.all([seal(keysA.sealKey, message), seal(keysA.sealKey, message)])
    expect(a.slice(1, 13)).not.toEqual(b.slice(1, 13))
  })

  it('opens to null when any single byte is flipped', async () => {
    await fc.assert(fc.asyncProperty(plaintextArb, fc.nat(), fc.integer({ min: 1, max: 255 }), async (plaintext, at, mask) => {
      const box = await seal(keysA.sealKey, plaintext)
      const index = at % box.length
      box[index] = box[index]! ^ mask
      expect(await open(keysA.sealKey, box)).toBeNull()
    }))
  })

  it('opens to null under another key, or with other associated data', async () => {
    await fc.assert(fc.asyncProperty(plaintextArb, async plaintext => {
      const box = await seal(keysB.sealKey, plaintext, new Uint8Array([1]))
      expect(await open(keysA.sealKey, box, new Uint8Array([1]))).toBeNull()
      expect(await open(keysB.sealKey, box, new Uint8Array([2]))).toBeNull()
      expect(await open(keysB.sealKey, box)).toBeNull()
    }))
  })

  it('opens to null, never throwing, on truncated boxes, other versions and junk', async () => {
    const box = await seal(keysA.sealKey, new Uint8Array([1, 2, 3]))
    for (let length = 0; length < box.length; length++) expect(await open(keysA.sealKey, box.slice(0, length))).toBeNull()
    const v2 = box.slice()
    v2[0] = 2
    expect(await open(keysA.sealKey, v2)).toBeNull()
    expect(await open(keysA.sealKey, 'junk' as unknown as Uint8Array)).toBeNull()
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async junk => {
      expect(await open(keysA.sealKey, junk)).toBeNull()
    }))
  })
})
