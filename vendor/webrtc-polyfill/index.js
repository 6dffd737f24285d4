// Node-only WebRTC for WebTorrent: @roamhq/wrtc ships its native binary inside the npm
// package, so a fresh `npm install` needs no download. Browsers never load this file.
//
// Lazy: importing this module loads nothing native. simple-peer imports the constructors by
// name when WebTorrent is imported, but only calls them when a WebRTC peer is made, so each
// export below is a stand-in that loads @roamhq/wrtc on its first construction (~9 MiB and
// three threads a process pays only once a WebRTC peer appears, and never where the binary
// cannot load: musl, armv7, old glibc).
//
// A host may install its own loader under Symbol.for('webrtc-polyfill.loader'): a function
// returning the wrtc module or throwing why it cannot (the seed node's webrtc-runtime.ts
// does, to count, log and cap peers). Without one, @roamhq/wrtc is required. A failed load
// is remembered: every later construction throws the same error, with no new attempt.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const LOADER = Symbol.for('webrtc-polyfill.loader')

let wrtc = null
let failure = null

function loadWrtc () {
  if (wrtc !== null) return wrtc
  if (failure !== null) throw failure
  try {
    const loader = globalThis[LOADER]
    wrtc = typeof loader === 'function' ? loader() : require('@roamhq/wrtc')
    return wrtc
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err))
    throw failure
  }
}

function lazyConstructor (name) {
  const construct = function (...args) {
    return Reflect.construct(loadWrtc()[name], args)
  }
  Object.defineProperty(construct, 'name', { value: name })
  return construct
}

export const RTCPeerConnection = lazyConstructor('RTCPeerConnection')
export const RTCSessionDescription = lazyConstructor('RTCSessionDescription')
export const RTCIceCandidate = lazyConstructor('RTCIceCandidate')
export const RTCDataChannel = lazyConstructor('RTCDataChannel')

/** Whether @roamhq/wrtc has been loaded in this process (by this module). */
export function webrtcLoaded () {
  return wrtc !== null
}

export default { RTCPeerConnection, RTCSessionDescription, RTCIceCandidate, RTCDataChannel }
