// Pause and silence removal, with its knobs in words: minimum pause, room around speech, how quiet counts as silence.
import { findDurations } from '../parameters/numbers';
import { phrasePattern } from '../parameters/phrasePattern';
import type { EditOperationOf } from '@/lib/engine/timeline/operations/editOperation';
import type { Intent } from './intent';

const PAUSE_WORDS = phrasePattern('pauses');
const ROOM_WORDS = /\b(room|space|padding|breathing|breath|margin|tight(er)?|loose(r)?|natural|abrupt|choppy)\b|留白|余量|紧凑|宽松/;

function settings(text: string): Omit<EditOperationOf<'removePauses'>, 'type'> {
  const out: Omit<EditOperationOf<'removePauses'>, 'type'> = {};
  const durations = findDurations(text);
  const longer = /\b(longer|over|more than|at least|above|exceeding|greater than|beyond|>)\b|超过|大于|以上|长于/.exec(text);
  const padding = /\b(padding|margin|room|space|keep|leave)\b/.exec(text);
  if (durations.length > 0) {
    // "pauses over 1 s with 200ms padding": the length next to "over/longer" is the minimum pause.
    if (longer || !padding) out.minPauseSeconds = durations[0];
    if (padding && durations.length > (out.minPauseSeconds !== undefined ? 1 : 0)) out.paddingSeconds = durations[out.minPauseSeconds !== undefined ? 1 : 0];
  }
  if (/\bonly (the )?(long|longer|big)\b|long pauses|longer pauses|长的停顿|长停顿/.test(text) && out.minPauseSeconds === undefined) out.minPauseSeconds = 1;
  if (out.paddingSeconds === undefined) {
    if (/\b(more|bit more|extra|bigger|generous|less tight|more natural|breathing)\b.*\b(room|space|padding|margin|breath|breathing)|loose(r)?|less (choppy|abrupt)|not so tight|宽松|多留/.test(text)) out.paddingSeconds = 0.3;
    else if (/\b(less|no|smaller|minimal)\b.*\b(room|space|padding|margin)|tight(er)?|aggressive|snappy|紧凑|少留/.test(text)) out.paddingSeconds = 0.06;
  }
  if (/aggressive|also (the )?quiet|quieter (parts|bits)|even (the )?quiet|breaths?|激进/.test(text)) out.belowSpeechDb = 20;
  else if (/\b(only|just) (the )?(dead|complete|total|true) silence|gentl(e|y|er)|conservative|careful|只剪完全/.test(text)) out.belowSpeechDb = 38;
  const db = /(\d+)\s*db\b/i.exec(text);
  if (db) out.belowSpeechDb = Math.min(60, Math.max(6, Number(db[1])));
  return out;
}

export const pausesIntent: Intent = (clause) => {
  const t = clause.text;
  const aboutPauses = PAUSE_WORDS.test(t);
  // "leave a bit more room" alone refines the last pause cut.
  const refinement = !aboutPauses && ROOM_WORDS.test(t) && /\b(leave|keep|give|make|more|less|bit)\b|留|多|少/.test(t) && !/\b(title|text|music)\b/.test(t);
  if (!aboutPauses && !refinement) return null;
  if (aboutPauses && /\b(add|insert|put)\b.*\b(pause|break|gap)/.test(t)) return null;
  return { ops: [{ type: 'removePauses', ...settings(t) }], topic: 'pauses' };
};
