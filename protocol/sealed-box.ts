/**
 * Authenticated encryption of one message under the household's seal key:
 * `version (1 byte) | iv (12 bytes) | AES-GCM ciphertext + 16-byte tag`.
 * The IV is random per message; random 96-bit IVs are safe up to 2^32 messages per key
 * (NIST SP 800-38D), far beyond what a household sends. The version byte is part of
 * the associated data, so it cannot be swapped. `open` never throws: anything that is not
 * a box sealed under this key with this associated data yields `null`.
 */

export const SEALED_BOX_VERSION = 1
export const SEALED_BOX_IV_BYTES = 12
export const SEALED_BOX_TAG_BYTES = 16
/** Bytes a box adds to its plaintext. */
export const SEALED_BOX_OVERHEAD_BYTES = 1 + SEALED_BOX_IV_BYTES + SEALED_BOX_TAG_BYTES

const EMPTY = new Uint8Array(0)

export async function seal (sealKey: CryptoKey, plaintext: Uint8Array, associatedData: Uint8Array = EMPTY): Promise<Uint8Array<ArrayBuffer>> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(SEALED_BOX_IV_BYTES))
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: boundData(SEALED_BOX_VERSION, associatedData), tagLength: SEALED_BOX_TAG_BYTES * 8 },
    sealKey,
    new Uint8Array(plaintext)
  )
  const box = new Uint8Array(1 + SEALED_BOX_IV_BYTES + ciphertext.byteLength)
  box[0] = SEALED_BOX_VERSION
  box.set(iv, 1)
  box.set(new Uint8Array(ciphertext), 1 + SEALED_BOX_IV_BYTES)
  return box
}

/** The plaintext, or `null` for a wrong key, a changed byte, a short box or an unknown version. */
export async function open (sealKey: CryptoKey, box: Uint8Array, associatedData: Uint8Array = EMPTY): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!(box instanceof Uint8Array) || box.length < SEALED_BOX_OVERHEAD_BYTES || box[0] !== SEALED_BOX_VERSION) return null
  try {
    const plaintext = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: box.slice(1, 1 + SEALED_BOX_IV_BYTES), additionalData: boundData(SEALED_BOX_VERSION, associatedData), tagLength: SEALED_BOX_TAG_BYTES * 8 },
      sealKey,
      box.slice(1 + SEALED_BOX_IV_BYTES)
    )
    return new Uint8Array(plaintext)
  } catch {
    return null
  }
}

function boundData (version: number, associatedData: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(1 + associatedData.length)
  out[0] = version
  out.set(associatedData, 1)
  return out
}
