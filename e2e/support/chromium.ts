/**
 * How tests start Debian's Chromium (never a downloaded browser). The flags keep it off the
 * network beyond loopback: no background services, no QUIC, and WebRTC allowed to use the
 * loopback interface with plain IP host candidates instead of mDNS names (a loopback-only
 * namespace has no multicast to resolve `.local` names with); a context that another browser
 * must reach over WebRTC also needs LOOPBACK_PEER_CONTEXT.
 */
import type { BrowserContextOptions } from '@playwright/test'

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

/**
 * A browser context on loopback that another browser can reach over WebRTC: pass it to
 * `browser.newContext()` for each device of a loopback browser-to-browser test.
 *
 * A page without camera or microphone permission gathers ICE candidates only on the interface
 * of the default route, which Chromium finds by "connecting" a UDP socket to a public address.
 * The loopback-only namespace (scripts/run-loopback-only.sh) has no default route, so such a
 * page gathers no candidate at all: `--allow-loopback-in-peer-connection` adds 127.0.0.1 and
 * ::1 to the interfaces Chromium enumerates, and it enumerates them only for a page with one of
 * those permissions. Two such browsers have no address to offer each other and never connect
 * (a browser and the seed node still do: the node's candidates reach the browser, which
 * answers from its wildcard socket as a peer-reflexive candidate). Outside the namespace both
 * fall back to the machine's default-route address, so such a test passes there and fails
 * under `npm test`. With the microphone granted (nothing is captured: the app never asks for
 * it) each page offers a 127.0.0.1 host candidate.
 *
 * Not in playwright.config.ts: Playwright Test applies its `use` options to every context
 * created during a test, the LAN devices' too (e2e/lan/), and a device with the grant would
 * enumerate its interfaces and offer plain addresses instead of mDNS names, unlike a phone.
 */
export const LOOPBACK_PEER_CONTEXT: BrowserContextOptions = { permissions: ['microphone'] }
