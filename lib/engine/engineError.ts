// The engine's own failure type: plain words for the user plus a kind; the server maps kinds to HTTP codes at the edge.

/** unsupported-media: a file we cannot edit; not-found: a named thing does not exist; conflict: not possible in this state. */
export type EngineErrorKind = 'unsupported-media' | 'not-found' | 'conflict';

export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
