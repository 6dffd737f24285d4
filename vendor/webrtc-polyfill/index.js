// Node-only WebRTC for WebTorrent: @roamhq/wrtc ships its native binary inside the npm
// package, so a fresh `npm install` needs no download. Browsers never load this file.
import wrtc from '@roamhq/wrtc'

export const { RTCPeerConnection, RTCSessionDescription, RTCIceCandidate, RTCDataChannel } = wrtc
export default wrtc
