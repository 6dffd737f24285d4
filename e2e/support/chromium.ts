/**
 * How tests start Debian's Chromium (never a downloaded browser). The flags keep it off the
 * network beyond loopback: no background services, no QUIC, and WebRTC allowed to use the
 * loopback interface with plain IP host candidates instead of mDNS names (a loopback-only
 * namespace has no multicast to resolve `.local` names with).
 */
export const CHROMIUM_PATH = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium'

/**
 * What this machine needs of any Chromium, on loopback or on the test LAN: no sandbox (tests
 * run as root), no GPU, and nothing of Google's asked for (there is no internet).
 */
export const MACHINE_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/** Loopback tests only: kinder than a device (see e2e/lan/ for the real-network ones). */
export const CHROMIUM_ARGS = [
  ...MACHINE_CHROMIUM_ARGS,
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required'
]
