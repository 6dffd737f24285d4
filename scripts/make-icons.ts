/**
 * Renders the Hearth app icons (a flame inside a hearth arch) from an inline SVG with the
 * system Chromium, and writes them to `public/icons/`:
 *   icon-192.png, icon-512.png                    purpose "any" (rounded, transparent corners)
 *   icon-maskable-192.png, icon-maskable-512.png  purpose "maskable" (full bleed, mark inside the 80 % safe zone)
 * Run: `npx tsx scripts/make-icons.ts`. The PNGs are committed; rerun only when the mark changes.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { chromium } from '@playwright/test'

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const OUT_DIR = path.resolve(import.meta.dirname, '../public/icons')
const SIZES_PX = [192, 512]

function iconSvg (maskable: boolean): string {
  // Maskable icons are cropped to a circle of 80 % diameter: shrink the mark into it.
  const markScale = maskable ? 0.78 : 1
  const corner = maskable ? 0 : 112
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="100%" height="100%">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2d1e15"/><stop offset="1" stop-color="#120f0d"/>
    </linearGradient>
    <linearGradient id="flame" x1="0" y1="1" x2="0" y2="0">
      <stop offset="0" stop-color="#ff5a1f"/><stop offset="0.6" stop-color="#ff8a3d"/><stop offset="1" stop-color="#ffc27a"/>
    </linearGradient>
    <radialGradient id="glow" cx="0.5" cy="0.72" r="0.45">
      <stop offset="0" stop-color="#ff8a3d" stop-opacity="0.45"/><stop offset="1" stop-color="#ff8a3d" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="512" height="512" rx="${corner}" fill="url(#bg)"/>
  <g transform="translate(256 256) scale(${markScale}) translate(-256 -256)">
    <rect width="512" height="512" fill="url(#glow)"/>
    <path d="M128 404 V250 a128 128 0 0 1 256 0 V404" fill="none" stroke="#5a3a26" stroke-width="22" stroke-linecap="round"/>
    <path d="M104 404 H408" stroke="#7a4a2c" stroke-width="22" stroke-linecap="round"/>
    <path d="M256 142 C292 196 344 232 344 304 C344 356 304 392 256 392 C208 392 168 356 168 304 C168 262 192 234 212 210 C214 244 228 262 248 270 C236 226 236 184 256 142 Z" fill="url(#flame)"/>
    <path d="M256 392 C226 392 208 372 208 346 C208 314 236 298 250 270 C262 302 304 318 304 348 C304 374 284 392 256 392 Z" fill="#ffe0b5"/>
  </g>
</svg>`
}

async function main (): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true })
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    for (const maskable of [false, true]) {
      for (const size of SIZES_PX) {
        const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 })
        await page.setContent(`<html><body style="margin:0;background:transparent">${iconSvg(maskable)}</body></html>`)
        const file = path.join(OUT_DIR, `icon${maskable ? '-maskable' : ''}-${size}.png`)
        await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
        await page.close()
        console.log(`wrote ${path.relative(process.cwd(), file)}`)
      }
    }
  } finally {
    await browser.close()
  }
}

await main()
