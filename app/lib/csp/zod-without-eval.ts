/**
 * Imported first by main.tsx: zod compiles fast parsers with `new Function` unless told not
 * to, and probes for it with `Function('')`. The seed node's Content-Security-Policy allows
 * no eval (`script-src 'self'`), so the probe would be reported as a violation on every
 * load; parsing without it is fast enough for the app's few replies.
 */
import { config } from 'zod'

config({ jitless: true })
