/** What every section gets from the runner: the mode, a temp root it may use, and how to register cleanup. */
export interface BenchContext {
  /** `--quick`: fewer runs and smaller inputs, a smoke test of the whole suite. */
  quick: boolean
  /** A temp folder removed at the end of the run. */
  tmpDir: string
  log: (line: string) => void
}
