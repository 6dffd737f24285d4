/** A device's id in the household: 16 random bytes as base64url (22 characters), made once per browser profile. */
import type { DeviceId } from '../../../protocol/hybrid-clock.ts'
import { encodeBase64url } from '../../../protocol/base64url.ts'

const DEVICE_ID_BYTES = 16

export function makeDeviceId (): DeviceId {
  return encodeBase64url(crypto.getRandomValues(new Uint8Array(DEVICE_ID_BYTES)))
}
