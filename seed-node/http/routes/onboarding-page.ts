/**
 * The onboarding page, served over plain HTTP to a device that does not trust the household
 * CA yet: the CA certificate to download, its SHA-256 fingerprint to compare, short steps per
 * system, a QR code leading to this page (for the phone next to the laptop), and the HTTPS
 * address to open once the certificate is trusted. Static HTML: no script, styles in a
 * separate file (a strict Content-Security-Policy allows neither inline).
 */

export const ONBOARDING_PATHS = {
  page: '/onboarding',
  caCertificate: '/household-ca.crt',
  qrCode: '/onboarding/qr.svg',
  styles: '/onboarding/onboarding.css'
} as const

export interface OnboardingFacts {
  /** SHA-256 of the CA certificate, hex with colons. */
  fingerprint: string
  /** The HTTPS address to open once the CA is trusted (`https://192.168.1.10:8787/`). */
  httpsUrl: string
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, char => ESCAPES[char] ?? char)
}

const STEPS: ReadonlyArray<[system: string, steps: string[]]> = [
  ['Android', [
    'Tap <b>Download the certificate</b> above.',
    'Open <b>Settings → Security &amp; privacy → More security settings → Encryption &amp; credentials → Install a certificate → CA certificate</b> (the names vary a little by maker), tap <b>Install anyway</b> and pick the downloaded file.'
  ]],
  ['iPhone and iPad', [
    'In <b>Safari</b>, tap <b>Download the certificate</b> and <b>Allow</b> the profile.',
    'Open <b>Settings → General → VPN &amp; Device Management</b>, tap the Hearth profile and <b>Install</b>.',
    'Then <b>Settings → General → About → Certificate Trust Settings</b>: turn on <b>full trust</b> for the Hearth household CA. Without this last step Safari still refuses.'
  ]],
  ['Windows', [
    'Download the certificate and open it, choose <b>Install Certificate… → Current User</b>.',
    'Choose <b>Place all certificates in the following store → Trusted Root Certification Authorities</b>, then Finish and confirm. Restart the browser.'
  ]],
  ['macOS', [
    'Download the certificate and open it: Keychain Access adds it to the <b>login</b> keychain.',
    'Double-click <b>Hearth household CA</b>, open <b>Trust</b> and set <b>When using this certificate</b> to <b>Always Trust</b>.'
  ]],
  ['ChromeOS', [
    'Download the certificate, then open <b>Settings → Privacy and security → Security → Manage certificates → Authorities → Import</b>.',
    'Pick the file and tick <b>Trust this certificate for identifying websites</b>.'
  ]],
  ['Linux', [
    'Chrome and Chromium: <code>certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n "Hearth household CA" -i household-ca.crt</code> (package <code>libnss3-tools</code>).',
    'Firefox: <b>Settings → Privacy &amp; Security → Certificates → View Certificates → Authorities → Import</b>, tick <b>identify websites</b>.',
    'Whole system: <code>sudo cp household-ca.crt /usr/local/share/ca-certificates/ &amp;&amp; sudo update-ca-certificates</code>.'
  ]]
]

function stepsHtml (): string {
  return STEPS.map(([system, steps]) =>
    `<details><summary>${system}</summary><ol>${steps.map(step => `<li>${step}</li>`).join('')}</ol></details>`
  ).join('\n')
}

export function onboardingPage (facts: OnboardingFacts): string {
  const httpsUrl = escapeHtml(facts.httpsUrl)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trust this Hearth home server</title>
<link rel="stylesheet" href="${ONBOARDING_PATHS.styles}">
</head>
<body>
<main>
<h1>Trust this Hearth home server</h1>
<p>Hearth speaks HTTPS so that your browser can play, sync and install the app. Its certificate comes
from your own <b>household certificate authority</b>, made on this home server. Install that authority
once on each device, then open Hearth at <a href="${httpsUrl}">${httpsUrl}</a>.</p>
<p><a class="button" href="${ONBOARDING_PATHS.caCertificate}" download="hearth-household-ca.crt">Download the certificate</a></p>
<p>Before you trust it, check that its SHA-256 fingerprint is the one the home server printed:</p>
<p class="fingerprint"><code>${escapeHtml(facts.fingerprint)}</code></p>
<h2>How to install it</h2>
${stepsHtml()}
<h2>On another device</h2>
<p>Scan this code with the phone or tablet to open this page there.</p>
<img class="qr" src="${ONBOARDING_PATHS.qrCode}" alt="QR code leading to this page" width="220" height="220">
<h2>Done?</h2>
<p><a class="button" href="${httpsUrl}">Open Hearth</a> — if the browser still warns about the connection,
the certificate is not trusted yet: check the last step for your system.</p>
<p class="note">Only install a certificate whose fingerprint you checked: whoever holds this authority's
key could vouch for any website on this device. The key never leaves the home server's state folder,
readable by Hearth alone.</p>
</main>
</body>
</html>
`
}

export const ONBOARDING_CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#14110f;color:#f4ece6}
main{max-width:40rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin-top:2rem}
a{color:#ffb27a}
.button{display:inline-block;padding:.7rem 1.2rem;border-radius:.5rem;background:#ffb27a;color:#14110f;text-decoration:none;font-weight:600}
.fingerprint code{display:block;word-break:break-all;background:#2a2420;padding:.6rem;border-radius:.4rem;font-size:.85rem}
details{background:#2a2420;border-radius:.4rem;margin:.5rem 0;padding:.4rem .8rem}
summary{cursor:pointer;font-weight:600}
code{font-size:.9em}
.qr{background:#f4ece6;border-radius:.5rem;padding:.5rem}
.note{color:#b8aca4;font-size:.9rem}
`
