/**
 * What a benchmark section hands back: a titled markdown table plus notes, rendered for
 * the terminal and for `bench/results/latest.md`, and kept as JSON beside it.
 */
export interface SectionResult {
  /** Short name used by `--only` (e.g. `first-frame`). */
  name: string
  title: string
  headers: string[]
  rows: string[][]
  /** Sentences printed under the table: what was measured, how, and what to read into it. */
  notes: string[]
  /** Raw numbers for the JSON file. */
  data?: unknown
  /** Wall time the section took, ms. */
  elapsedMs?: number
  error?: string
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function renderTable (headers: string[], rows: string[][]): string {
  const lines = [`| ${headers.map(cell).join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`]
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`)
  return lines.join('\n')
}

export function renderSection (result: SectionResult): string {
  const parts = [`### ${result.title}`, '']
  if (result.error) parts.push(`**Failed:** ${result.error}`, '')
  if (result.rows.length > 0) parts.push(renderTable(result.headers, result.rows), '')
  for (const note of result.notes) parts.push(`- ${note}`)
  if (result.elapsedMs !== undefined) parts.push(`- Section took ${(result.elapsedMs / 1000).toFixed(0)} s.`)
  return parts.join('\n').trimEnd() + '\n'
}
