/**
 * What the ACME source keeps in `<state>/acme/` (mode 0700), each file 0600:
 *   account-key.pem   the ACME account's key (made on first start; the account is found again by it)
 *   certificate.pem   the certificate's private key, then its chain (acme-certificate.ts)
 *   dns-token         the DNS provider's token (dns-token-file.ts)
 */
import { readFile } from 'node:fs/promises'
import { createPrivateKey } from 'node:crypto'
import path from 'node:path'
import acme from 'acme-client'
import type { Logger } from '../../lib/log.ts'
import { errnoCode, HearthError } from '../../lib/errors.ts'
import { parseCombinedPem, type AcmeCertificate } from './acme-certificate.ts'
import { ensurePrivateFolder, writePrivateFile } from './private-file.ts'

export const ACME_FOLDER_NAME = 'acme'
const ACCOUNT_KEY_FILE = 'account-key.pem'
const CERTIFICATE_FILE = 'certificate.pem'

async function readIfThere (file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null
    throw new HearthError('HEARTH_E_STATE_UNWRITABLE', `${file} cannot be read (${errnoCode(err) ?? String(err)})`)
  }
}

export class AcmeState {
  private constructor (readonly folder: string) {}

  /** Makes `<state>/acme/` (0700) or HEARTH_E_STATE_UNWRITABLE. */
  static async open (stateDir: string): Promise<AcmeState> {
    const folder = path.join(stateDir, ACME_FOLDER_NAME)
    try {
      await ensurePrivateFolder(folder)
    } catch (err) {
      throw new HearthError('HEARTH_E_STATE_UNWRITABLE', `state folder cannot be written (${errnoCode(err) ?? String(err)}): ${folder}`)
    }
    return new AcmeState(folder)
  }

  /** The account key, made (ECDSA P-256) and kept on first use. A damaged one is an error, never silently replaced: it is the account. */
  async accountKey (log: Logger): Promise<string> {
    const file = path.join(this.folder, ACCOUNT_KEY_FILE)
    const kept = await readIfThere(file)
    if (kept !== null) {
      try {
        createPrivateKey(kept)
        return kept
      } catch {
        throw new HearthError('HEARTH_E_STATE_UNWRITABLE', `the ACME account key is damaged: ${file} (move it away to make a new account)`)
      }
    }
    const made = (await acme.crypto.createPrivateEcdsaKey()).toString()
    await writePrivateFile(file, made)
    log.info('acme.account-key-made', { file })
    return made
  }

  /** The kept certificate if it is one for `domain`; a damaged or foreign one is logged and ignored (a new one is ordered). */
  async certificate (domain: string, log: Logger): Promise<AcmeCertificate | null> {
    const file = path.join(this.folder, CERTIFICATE_FILE)
    const kept = await readIfThere(file)
    if (kept === null) return null
    try {
      return parseCombinedPem(kept, domain)
    } catch (err) {
      log.warn('acme.kept-certificate-unusable', { file, error: err instanceof Error ? err.message : String(err) })
      return null
    }
  }

  async keepCertificate (pem: string): Promise<void> {
    await writePrivateFile(path.join(this.folder, CERTIFICATE_FILE), pem)
  }
}
