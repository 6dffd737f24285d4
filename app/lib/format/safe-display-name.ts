/** Display-safe names: the rule lives in protocol/ (the magnet parser needs it too); the app adds the name for torrents it creates. */
import { safeDisplayName } from '../../../protocol/safe-display-name.ts'

export { MAX_DISPLAY_NAME_CHARS, safeDisplayName } from '../../../protocol/safe-display-name.ts'

/**
 * A name to put in a torrent we create (others' clients turn it into a file name): the
 * display-safe name with path separators replaced and no leading dots, so it can never
 * name a parent folder or a hidden file.
 */
export function safeTorrentName (raw: string): string {
  const name = safeDisplayName(raw, 'shared-file').replace(/[/\\:]/g, '_').replace(/^\.+/, '_')
  return name === '' ? 'shared-file' : name
}
