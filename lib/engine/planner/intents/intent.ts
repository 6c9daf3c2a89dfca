// What an intent detector sees (one clause, lower-cased, quotes masked) and what it returns.
import type { MediaKind } from '@/lib/engine/media/schema';
import type { PlanStep } from '@/lib/engine/planner/planStep';
import { phrasePattern } from '../parameters/phrasePattern';

export interface Clause {
  /** Lower-cased clause with quotes as ⟦n⟧. */
  text: string;
  /** The quoted strings this clause mentions, in order, as typed. */
  quotes: string[];
}

export interface PlanContext {
  /** Uploads in order, by name and kind. */
  uploads: { name: string; kind: MediaKind }[];
  hasMusic: boolean;
  hasText: boolean;
  /** For a title asked for without words. */
  defaultTitle: string;
  /** What the last change was about ("title", "music"), so "make it bigger" in the next message has a subject. */
  recentTopic?: string;
  /** Length of the video in seconds, for suggestions like "Split at 30 s". */
  videoSeconds?: number;
}

export interface IntentMatch {
  ops: PlanStep[];
  /** A noun later clauses may mean by "it" ("make it bigger" after adding a title). */
  topic: string;
  /** Things the reply should say, e.g. that a default title was used. */
  notes?: string[];
  /** The clause has more than one reading: these requests are offered instead, and nothing is applied. */
  ask?: string[];
}

export type Intent = (clause: Clause, ctx: PlanContext) => IntentMatch | null;

export const has = (text: string, pattern: RegExp) => pattern.test(text);
export const REMOVE_WORDS = phrasePattern('remove');
