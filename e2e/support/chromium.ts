/**
 * How tests start Debian's Chromium (never a downloaded browser). The flags keep it off the
 * network beyond loopback: no background services, no QUIC, and WebRTC allowed to use the
 * loopback interface with plain IP host candidates instead of mDNS names (a loopback-only
 * namespace has no multicast to resolve `.local` names with).
 */
export const CHROMIUM_PATH = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required'
]
