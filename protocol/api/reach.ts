/**
 * `GET /api/reach` (household only): how other devices reach this seed node, for the app's
 * "Add a device" screen. `origins` are the addresses a pairing link may name, likeliest first
 * (the configured public URL, else the household domain, else every LAN address); they are
 * HTTPS whenever the node listens beyond loopback, and never 127.0.0.1 when another device
 * could connect. `tls` says where the certificate comes from and whether something is wrong
 * with it (an expired certificate, a failed renewal): serving goes on with the last good one.
 */
import { z } from 'zod'

export const TLS_MODES = [
  /** Listening on loopback only: plain HTTP, which browsers treat as a secure context there. */
  'off',
  /** Certificates by ACME DNS-01 for the household's own domain. */
  'acme',
  /** Certificate and key files the user brings (`--tls-cert`, `--tls-key`), reloaded on change. */
  'files',
  /** The household CA made on first start; devices install it once (onboarding page). */
  'household-ca',
  /** A TLS-terminating reverse proxy in front, trusted for X-Forwarded-* (`--trust-proxy`). */
  'proxy'
] as const
export type TlsMode = typeof TLS_MODES[number]

export const ReachReply = z.object({
  /** `https://name:port` (or `http://127.0.0.1:port` when loopback only), likeliest first; at least one. */
  origins: z.array(z.string().url()).min(1),
  tls: z.object({
    mode: z.enum(TLS_MODES),
    /** Not after, ISO 8601; null without a certificate of ours (off, proxy). */
    expiresAt: z.string().nullable(),
    /** A problem to show the user (renewal failed, certificate expires soon), or null. */
    warning: z.string().nullable(),
    /** The household CA's certificate SHA-256 fingerprint (hex with colons), when mode is household-ca. */
    caFingerprint: z.string().nullable()
  }),
  /** Where a device learns to trust the household CA (plain HTTP page), or null when not needed. */
  onboardingUrl: z.string().url().nullable()
})
export type ReachReply = z.infer<typeof ReachReply>
