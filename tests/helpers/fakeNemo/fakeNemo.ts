// The fake NemoVideo's state: tokens, sessions, uploads, drafts, renders, plus per-test scripts and faults.
import { randomUUID } from 'node:crypto';
import packageJson from '@/package.json';
import { streamedReply, type FakeDraft, type SseStep } from './sseScript';

export type Endpoint = 'token' | 'session' | 'sse' | 'upload' | 'credits' | 'state' | 'render' | 'renderStatus' | 'file';

export interface FakeFault {
  code: number;
  /** HTTP status; default 200 for NemoVideo codes (>= 1000) and the code itself otherwise. */
  status?: number;
  message?: string;
  data?: unknown;
}

export interface RecordedRequest {
  endpoint: Endpoint;
  method: string;
  path: string;
  headers: Record<string, string>;
  token?: string;
  body?: unknown;
  /** Epoch ms the request arrived. */
  at: number;
}

interface TokenInfo {
  clientId?: string;
  userId: string;
  expired: boolean;
  credits: { available: number; frozen: number; total: number };
}

export interface FakeSession {
  taskId: string;
  token: string;
  uploads: { name: string; size: number }[];
  messages: string[];
  draft: FakeDraft;
  undo: FakeDraft[];
  redo: FakeDraft[];
}

const NEMO_FORMATS = ['mp4', 'mov', 'avi', 'webm', 'mkv', 'jpg', 'png', 'gif', 'webp', 'mp3', 'wav', 'm4a', 'aac'];
const AUDIO = ['mp3', 'wav', 'm4a', 'aac'];

export const emptyDraft = (): FakeDraft => ({ t: [], d: 0, m: { w: 1920, h: 1080, fps: 30 } });
const copy = <T>(v: T): T => structuredClone(v);

export class FakeNemo {
  readonly appVersion = packageJson.version;
  readonly requests: RecordedRequest[] = [];
  /** Requests that lacked a required header; a test expects this to stay empty. */
  readonly violations: string[] = [];
  readonly tokens = new Map<string, TokenInfo>();
  readonly sessions = new Map<string, FakeSession>();
  readonly renders = new Map<string, { sessionId: string; polls: number; draft: unknown; body: unknown }>();
  private readonly faults = new Map<Endpoint, FakeFault[]>();
  private readonly turns: SseStep[][] = [];
  /** Bytes served as every finished render. */
  output: Buffer = Buffer.from('not a real video');
  pollsToComplete = 2;
  maxUploadBytes = 500 * 1024 * 1024;
  clipDurationMs = 10_000;
  private users = 0;

  /** A registered account's token (what NEMO_TOKEN holds). */
  acceptToken(token: string): void {
    this.tokens.set(token, { userId: `user-${++this.users}`, expired: false, credits: { available: 500, frozen: 0, total: 500 } });
  }

  issueToken(clientId: string): { token: string; userId: string } {
    const token = `anon-${randomUUID()}`;
    const userId = `anon-user-${++this.users}`;
    this.tokens.set(token, { clientId, userId, expired: false, credits: { available: 100, frozen: 0, total: 100 } });
    return { token, userId };
  }

  expireTokens(): void {
    for (const info of this.tokens.values()) info.expired = true;
  }

  dropSessions(): void {
    this.sessions.clear();
  }

  setCredits(available: number, frozen = 0): void {
    for (const info of this.tokens.values()) info.credits = { available, frozen, total: available + frozen };
  }

  /** The next `times` calls to the endpoint fail with the fault. */
  failNext(endpoint: Endpoint, fault: FakeFault, times = 1): void {
    const list = this.faults.get(endpoint) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(endpoint, list);
  }

  takeFault(endpoint: Endpoint): FakeFault | undefined {
    return this.faults.get(endpoint)?.shift();
  }

  /** What the agent does on the next chat turn (default: a short streamed "OK."). */
  scriptTurn(steps: SseStep[]): void {
    this.turns.push(steps);
  }

  nextTurn(session: FakeSession, message: string): SseStep[] {
    session.messages.push(message);
    if (message === 'undo' || message === 'redo') return this.historyStep(session, message);
    session.undo.push(copy(session.draft));
    session.redo = [];
    return this.turns.shift() ?? streamedReply('OK.');
  }

  private historyStep(session: FakeSession, word: 'undo' | 'redo'): SseStep[] {
    const [from, to] = word === 'undo' ? [session.undo, session.redo] : [session.redo, session.undo];
    const previous = from.pop();
    if (!previous) return [{ final: `Nothing to ${word}.` }];
    to.push(copy(session.draft));
    session.draft = previous;
    return [{ toolCall: word }, { toolResult: word }];
  }

  createSession(token: string): { taskId: string; sessionId: string } {
    const sessionId = `sess-${randomUUID()}`;
    const taskId = `task-${this.sessions.size + 1}`;
    this.sessions.set(sessionId, { taskId, token, uploads: [], messages: [], draft: emptyDraft(), undo: [], redo: [] });
    return { taskId, sessionId };
  }

  /** Adds an uploaded file to the session's draft; returns a NemoVideo error code when it refuses. */
  addUpload(session: FakeSession, name: string, size: number): number | null {
    const ext = name.split('.').pop()?.toLowerCase() ?? '';
    if (!NEMO_FORMATS.includes(ext)) return 4001;
    if (size > this.maxUploadBytes) return 4002;
    session.uploads.push({ name, size });
    const tt = AUDIO.includes(ext) ? 1 : 0;
    let track = session.draft.t.find((t) => t.tt === tt);
    if (!track) {
      track = { id: `track-${tt}-${session.draft.t.length}`, tt, sg: [] };
      session.draft.t.push(track);
    }
    const start = track.sg.reduce((end, s) => Math.max(end, Number(s.st) + Number(s.d)), 0);
    track.sg.push({ id: `seg-${randomUUID().slice(0, 8)}`, st: start, d: this.clipDurationMs, m: { name, ...(tt === 1 ? { volume: 1 } : {}) } });
    session.draft.d = Math.max(session.draft.d, start + this.clipDurationMs);
    return null;
  }

  requestsTo(endpoint: Endpoint): RecordedRequest[] {
    return this.requests.filter((r) => r.endpoint === endpoint);
  }
}

/** Draft edits for scripts: what the agent's tools would do. */
export const edits = {
  addMusic: (name = 'Lo-fi Morning', volume = 0.3) => (draft: FakeDraft) => {
    draft.t.push({ id: `music-${draft.t.length}`, tt: 1, sg: [{ id: 'bgm-1', st: 0, d: draft.d, m: { name, volume } }] });
  },
  addTitle: (text: string, ms = 3000) => (draft: FakeDraft) => {
    draft.t.push({ id: `text-${draft.t.length}`, tt: 7, sg: [{ id: `title-${draft.t.length}`, st: 0, d: ms, m: { text } }] });
  },
  trimTo: (ms: number) => (draft: FakeDraft) => {
    for (const track of draft.t) for (const s of track.sg) s.d = Math.min(Number(s.d), Math.max(0, ms - Number(s.st)));
    draft.d = ms;
  },
};
