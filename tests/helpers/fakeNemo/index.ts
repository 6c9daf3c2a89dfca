// The fake NemoVideo for tests: state + msw handlers, used in-process (setupServer) or served on loopback.
export { FakeNemo, edits, emptyDraft, type Endpoint, type FakeFault } from './fakeNemo';
export { nemoHandlers } from './handlers';
export { serveFakeNemo, type ServedFakeNemo } from './serve';
export { streamedReply, type SseStep, type FakeDraft } from './sseScript';
