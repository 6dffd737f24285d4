/**
 * The browser half of qrcode that app/ uses. app/tsconfig.json maps `qrcode` here instead of
 * @types/qrcode, because @types/qrcode starts with `/// <reference types="node" />` (for its
 * file and stream writers) and would bring every Node global into app/. The seed node's
 * terminal QR code still uses @types/qrcode.
 */
export interface QRCodeToDataURLOptions {
  /** Width of the image in pixels. */
  width?: number
  /** Quiet zone around the code, in modules. */
  margin?: number
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'
  /** CSS colours, `#rrggbb` or `#rrggbbaa`. */
  color?: { dark?: string, light?: string }
}

/** A PNG data: URL of the QR code for `text`. */
export function toDataURL (text: string, options?: QRCodeToDataURLOptions): Promise<string>
