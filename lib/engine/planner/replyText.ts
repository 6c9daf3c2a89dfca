// The assistant's reply in plain words: what changed, what could not be done, and what it can do when nothing matched.

export const CAPABILITIES =
  'I can cut pauses, trim the start or end (or a range), split, reorder or delete clips, add background music (a mood like calm, upbeat, lo-fi, cinematic, happy, corporate, or an uploaded song) and set its volume, add or change titles and text, add captions from an .srt/.vtt file, change the shape (vertical for TikTok/Reels/Shorts, square, 16:9 for YouTube, 4:5), change speed, fade in/out, undo and redo, and export.';

export interface ReplyParts {
  history: string[];
  done: string[];
  refused: string[];
  notUnderstood: string[];
  notes: string[];
  plannerNote?: string;
  /** Requests offered instead of a guess; named in the reply and sent as chips. */
  suggestions?: string[];
}

/** Sentences of the reply, in the order they are streamed. */
export function replySentences(parts: ReplyParts): string[] {
  const out: string[] = [];
  if (parts.plannerNote) out.push(parts.plannerNote);
  out.push(...parts.history, ...parts.done, ...parts.refused);
  if (parts.notUnderstood.length > 0) {
    const list = parts.notUnderstood.map((p) => `"${p}"`).join(', ');
    const nothingElse = parts.history.length + parts.done.length + parts.refused.length === 0;
    const offer = parts.suggestions?.length ? ` Did you mean: ${parts.suggestions.join(' · ')}?` : '';
    out.push(
      nothingElse
        ? `I'm not sure what you mean by ${list}, so I changed nothing.${offer} ${CAPABILITIES}`
        : `I didn't understand ${list}, so I left that out.${offer}`,
    );
  } else if (parts.suggestions?.length && parts.history.length + parts.done.length + parts.refused.length === 0) {
    out.push(`I changed nothing. Did you mean: ${parts.suggestions.join(' · ')}?`);
  }
  if (parts.done.length > 0) out.push(...parts.notes);
  if (out.length === 0) out.push(`Nothing needed changing. ${CAPABILITIES}`);
  return out;
}
