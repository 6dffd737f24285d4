/**
 * Imported first by `main.tsx`, before any module builds a schema: zod 4 probes
 * `new Function('')` when it builds its first object schema (to compile fast parsers). Under
 * the seed node's strict CSP (`script-src 'self'`, no `'unsafe-eval'`) that probe is refused,
 * and although zod catches the throw, the browser still reports a `securitypolicyviolation`
 * for every page load. `jitless` makes zod parse without generated code from the start.
 */
import { z } from 'zod'

z.config({ jitless: true })
