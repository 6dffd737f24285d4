/**
 * Any DNS provider, through an executable the user writes (in the style of certbot's manual
 * hooks), called as:
 *   <hook> add-txt     <fqdn> <value>   put a TXT record `<fqdn> = <value>` (fqdn is _acme-challenge.<domain>)
 *   <hook> remove-txt  <fqdn> <value>   take that record away again
 *   <hook> set-address <fqdn> <ip>      point the domain's A (IPv4) or AAAA (IPv6) record at ip
 * Exit code 0 is success; anything else is a failure, reported with the last line the hook
 * wrote to stderr. Its stderr is logged line by line; the DNS token kept in the state folder
 * (if any) is handed over as the environment variable HEARTH_DNS_TOKEN, never as an argument
 * (arguments are visible to every user in `ps`).
 */
import { execFile } from 'node:child_process'
import { access, constants, stat } from 'node:fs/promises'
import type { Logger } from '../../lib/log.ts'
import { errnoCode, HearthError } from '../../lib/errors.ts'
import { DnsProviderError, type DnsProvider } from './dns-provider.ts'

/** A hook that updates a provider through its API takes seconds; one that hangs is stopped. */
export const HOOK_TIMEOUT_MS = 2 * 60 * 1000
/** Most output kept from one run (stdout and stderr each). */
const MAX_OUTPUT_BYTES = 64 * 1024

export interface HookOptions {
  path: string
  token: string | null
  log: Logger
  timeoutMs?: number
}

/** At start: the hook exists and may be run, or HEARTH_E_DNS_PROVIDER naming the problem. */
export async function checkHook (hookPath: string): Promise<void> {
  try {
    if (!(await stat(hookPath)).isFile()) throw new HearthError('HEARTH_E_DNS_PROVIDER', `DNS hook is not a file: ${hookPath}`)
    await access(hookPath, constants.X_OK)
  } catch (err) {
    if (err instanceof HearthError) throw err
    const code = errnoCode(err)
    if (code === 'ENOENT') throw new HearthError('HEARTH_E_DNS_PROVIDER', `DNS hook not found: ${hookPath}`)
    if (code === 'EACCES') throw new HearthError('HEARTH_E_DNS_PROVIDER', `DNS hook is not executable (chmod +x): ${hookPath}`)
    throw new HearthError('HEARTH_E_DNS_PROVIDER', `DNS hook cannot be used (${code ?? String(err)}): ${hookPath}`)
  }
}

function lastLine (text: string): string {
  return text.trim().split('\n').at(-1)?.trim() ?? ''
}

export function createHookDnsProvider ({ path: hookPath, token, log, timeoutMs = HOOK_TIMEOUT_MS }: HookOptions): DnsProvider {
  const name = `DNS hook ${hookPath}`
  const env = { ...process.env, HEARTH_DNS_TOKEN: token ?? '' }

  const run = (args: [string, string, string]) => new Promise<void>((resolve, reject) => {
    execFile(hookPath, args, { env, timeout: timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, killSignal: 'SIGKILL' }, (err, _stdout, stderr) => {
      for (const line of stderr.split('\n').filter(text => text.trim() !== '')) log.info('acme.hook-stderr', { action: args[0], line })
      if (err === null) { resolve(); return }
      const said = lastLine(stderr)
      const suffix = said === '' ? '' : `: ${said}`
      const code = errnoCode(err)
      if ('killed' in err && err.killed === true) reject(new DnsProviderError(`${name} ${args[0]} took longer than ${timeoutMs / 1000} s and was stopped${suffix}`))
      else if (code === 'ENOENT') reject(new DnsProviderError(`${name} not found`))
      else if (code === 'EACCES') reject(new DnsProviderError(`${name} is not executable`))
      else if (typeof err.code === 'number') reject(new DnsProviderError(`${name} ${args[0]} failed (exit ${err.code})${suffix}`))
      else reject(new DnsProviderError(`${name} ${args[0]} failed (${code ?? err.message})${suffix}`))
    })
  })

  return {
    name,
    addTxt: async (fqdn, value) => { await run(['add-txt', fqdn, value]) },
    removeTxt: async (fqdn, value) => { await run(['remove-txt', fqdn, value]) },
    setAddress: async (fqdn, ip) => { await run(['set-address', fqdn, ip]) }
  }
}
