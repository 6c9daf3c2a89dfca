// Titles and text overlays: add (a title lasts 3 s unless said, as a bold centre card), change words/size/place/style/timing, remove.
import { timelineDuration } from '../duration';
import { textSizeSchema, type TextItem, type Timeline } from '../schema';
import { DEFAULT_TITLE_LOOK, LOOK_DEFAULTS, LOOK_NAMES } from '../titleLooks';
import type { EditOperationOf } from './editOperation';
import { OperationError, secondsText, type OperationContext, type OperationResult } from './operationContext';

export const TITLE_SECONDS = 3;
const SIZES = textSizeSchema.options;
const quoted = (t: string) => `"${t.length > 60 ? `${t.slice(0, 57)}…` : t}"`;

function placement(op: EditOperationOf<'addText'>, duration: number): { start: number; end: number } {
  const length = op.durationSeconds ?? (op.startSeconds !== undefined && op.endSeconds !== undefined ? op.endSeconds - op.startSeconds : TITLE_SECONDS);
  const total = duration > 0 ? duration : Math.max(length, op.endSeconds ?? 0);
  let start: number;
  let end: number;
  if (op.anchor === 'end' && op.startSeconds === undefined) {
    end = total;
    start = Math.max(0, end - length);
  } else if (op.startSeconds !== undefined) {
    start = op.startSeconds;
    end = op.endSeconds ?? start + length;
  } else if (op.endSeconds !== undefined) {
    end = op.endSeconds;
    start = Math.max(0, end - length);
  } else {
    start = 0;
    end = length;
  }
  if (start >= total) throw new OperationError(`The video is only ${secondsText(total)} long, so a text cannot start at ${secondsText(start)}.`);
  return { start, end: Math.min(Math.max(end, start + 0.1), total) };
}

export function addText(timeline: Timeline, op: EditOperationOf<'addText'>, ctx: OperationContext): OperationResult {
  const style = op.style ?? 'title';
  const { start, end } = placement(op, timelineDuration(timeline));
  const look = style === 'title' ? (op.look ?? DEFAULT_TITLE_LOOK) : undefined;
  const defaults = look ? LOOK_DEFAULTS[look] : { position: 'bottom' as const, size: 'medium' as const };
  const item: TextItem = {
    id: ctx.newId(),
    text: op.text.trim(),
    start,
    end,
    position: op.position ?? defaults.position,
    size: op.size ?? defaults.size,
    style,
    ...(look ? { look } : {}),
  };
  const as = look ? ` as a ${LOOK_NAMES[look]}` : '';
  return {
    timeline: { ...timeline, texts: [...timeline.texts, item] },
    said: `Added the ${style === 'title' ? 'title' : 'text'} ${quoted(item.text)}${as} from ${secondsText(start)} to ${secondsText(end)}.`,
  };
}

function findText(timeline: Timeline, match: string | undefined): TextItem {
  if (timeline.texts.length === 0) throw new OperationError('There is no text on the video yet: say something like add a title "My Trip".');
  if (match) {
    const m = match.toLowerCase();
    const found = [...timeline.texts].reverse().find((t) => t.text.toLowerCase().includes(m));
    if (found) return found;
  }
  return [...timeline.texts].reverse().find((t) => t.style === 'title') ?? timeline.texts[timeline.texts.length - 1];
}

function resize(current: TextItem['size'], size: NonNullable<EditOperationOf<'editText'>['size']>): TextItem['size'] {
  if (size === 'bigger') return SIZES[Math.min(SIZES.length - 1, SIZES.indexOf(current) + 1)];
  if (size === 'smaller') return SIZES[Math.max(0, SIZES.indexOf(current) - 1)];
  return size;
}

export function editText(timeline: Timeline, op: EditOperationOf<'editText'>): OperationResult {
  const target = findText(timeline, op.match);
  // A new style brings its own place and size, unless the same request names them.
  const restyled = op.look && op.look !== target.look ? LOOK_DEFAULTS[op.look] : undefined;
  const next: TextItem = {
    ...target,
    ...(op.look ? { look: op.look } : {}),
    text: op.text?.trim() || target.text,
    size: op.size ? resize(target.size, op.size) : (restyled?.size ?? target.size),
    position: op.position ?? restyled?.position ?? target.position,
    start: op.startSeconds ?? target.start,
    end: op.endSeconds ?? (op.startSeconds !== undefined ? op.startSeconds + (target.end - target.start) : target.end),
  };
  if (next.end <= next.start) throw new OperationError('The text would end before it starts: give an end time after its start.');
  const changes: string[] = [];
  if (next.text !== target.text) changes.push(`its words to ${quoted(next.text)}`);
  if (next.look && next.look !== target.look) changes.push(`its style to ${LOOK_NAMES[next.look]}`);
  if (next.size !== target.size) changes.push(`its size to ${next.size}`);
  if (op.size && next.size === target.size) changes.push(`nothing about its size (it is already ${next.size})`);
  if (next.position !== target.position) changes.push(`its place to the ${next.position}`);
  if (next.start !== target.start || next.end !== target.end) changes.push(`its timing to ${secondsText(next.start)}–${secondsText(next.end)}`);
  const texts = timeline.texts.map((t) => (t.id === target.id ? next : t));
  return { timeline: { ...timeline, texts }, said: `Changed ${quoted(target.text)}: ${changes.join(', ') || 'nothing needed changing'}.` };
}

export function removeText(timeline: Timeline, op: EditOperationOf<'removeText'>): OperationResult {
  if (timeline.texts.length === 0) throw new OperationError('There is no text on the video to remove.');
  let keep: (t: TextItem) => boolean;
  if (op.match) {
    const target = findText(timeline, op.match);
    keep = (t) => t.id !== target.id;
  } else if (op.which === 'all') keep = () => false;
  else if (op.which === 'titles') keep = (t) => t.style !== 'title';
  else if (op.which === 'captions') keep = (t) => t.style !== 'caption';
  else {
    const target = findText(timeline, undefined);
    keep = (t) => t.id !== target.id;
  }
  const texts = timeline.texts.filter(keep);
  const removed = timeline.texts.length - texts.length;
  if (removed === 0) throw new OperationError(`There are no ${op.which === 'captions' ? 'captions' : 'titles'} to remove.`);
  return { timeline: { ...timeline, texts }, said: removed === 1 ? `Removed ${quoted(timeline.texts.find((t) => !keep(t))!.text)}.` : `Removed ${removed} text overlays.` };
}
