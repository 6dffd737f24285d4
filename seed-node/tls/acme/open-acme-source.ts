/**
 * Placeholder until the ACME DNS-01 source lands (it replaces this file): a domain asked for
 * with no ACME support yet is refused at start rather than silently served with another
 * certificate.
 */
import type { SeedNodeConfig } from '../../config.ts'
import { HearthError } from '../../lib/errors.ts'
import type { CertificateSource, CertificateSourceDeps } from '../certificate-source.ts'

export async function openAcmeSource (_config: SeedNodeConfig, _deps: CertificateSourceDeps): Promise<CertificateSource> {
  return await Promise.reject(new HearthError('HEARTH_E_BAD_OPTION', 'ACME not available yet'))
}
