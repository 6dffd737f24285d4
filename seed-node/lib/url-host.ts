/**
 * A host as a URL writes it: an IPv6 address in brackets (`[::1]`), anything else as it is.
 * Callers hand hosts in either form (`new URL().hostname` keeps the brackets, `--host` and a
 * request's Host header parsed elsewhere do not), so both are accepted and never doubled.
 */
export function urlHost (host: string): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1')
  return bare.includes(':') ? `[${bare}]` : bare
}
