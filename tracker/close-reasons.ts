/**
 * Why the tracker closes a WebSocket: a standard close code and a reason string a client
 * can show (reasons stay under the 123-byte limit of a close frame).
 */

export const CLOSE = {
  binaryFrame: { code: 1003, reason: 'binary frames are not tracker messages' },
  malformedJson: { code: 1007, reason: 'message is not JSON' },
  notAnObject: { code: 1007, reason: 'message is not a JSON object' },
  invalidUtf8: { code: 1007, reason: 'message is not valid UTF-8' },
  unknownAction: { code: 1008, reason: 'unknown action (expected announce or scrape)' },
  rateExceeded: { code: 1008, reason: 'message rate exceeded' },
  tooLarge: { code: 1009, reason: 'message too big' },
  idle: { code: 1000, reason: 'idle: no message received in time' },
  tooManyFromAddress: { code: 1013, reason: 'too many connections from this address' },
  tooManyConnections: { code: 1013, reason: 'too many connections' },
  protocolError: { code: 1002, reason: 'WebSocket protocol error' },
  shuttingDown: { code: 1001, reason: 'tracker shutting down' }
} as const satisfies Record<string, { code: number, reason: string }>

export type CloseCause = keyof typeof CLOSE
