/**
 * The stable code of the error `run` throws, after checking the error is of the `kind` the
 * module documents (a parse error of another kind would be a bug, not a refusal);
 * undefined when `run` throws nothing, so `expect(...).toBe(code)` fails naming both.
 */
import { expect } from 'vitest'

export function thrownCode (kind: abstract new (...args: never[]) => Error & { code: string }, run: () => unknown): string | undefined {
  try {
    run()
  } catch (err) {
    expect(err).toBeInstanceOf(kind)
    return (err as InstanceType<typeof kind>).code
  }
  return undefined
}
