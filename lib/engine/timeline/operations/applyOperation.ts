// Applies one edit operation to a timeline: a pure dispatch to the operation's function.
import type { Timeline } from '../schema';
import { addCaptions } from './captions';
import { setAspect, setFit } from './canvas';
import { deleteClip, moveClip, split } from './clips';
import type { EditOperation } from './editOperation';
import { addMusic, removeMusic, setVolume } from './music';
import { OperationError, type OperationContext, type OperationResult } from './operationContext';
import { removePauses } from './removePauses';
import { audioAsVideo, setLoudness } from './sound';
import { fadeIn, fadeOut, setSpeed } from './speedAndFades';
import { addText, editText, removeText } from './text';
import { cutRange, keepRange, trimEnd, trimStart } from './trim';

export function applyOperation(timeline: Timeline, op: EditOperation, ctx: OperationContext): OperationResult {
  switch (op.type) {
    case 'removePauses': return removePauses(timeline, op, ctx);
    case 'trimStart': return trimStart(timeline, op, ctx);
    case 'trimEnd': return trimEnd(timeline, op, ctx);
    case 'cutRange': return cutRange(timeline, op, ctx);
    case 'keepRange': return keepRange(timeline, op, ctx);
    case 'split': return split(timeline, op, ctx);
    case 'moveClip': return moveClip(timeline, op, ctx);
    case 'deleteClip': return deleteClip(timeline, op, ctx);
    case 'addMusic': return addMusic(timeline, op, ctx);
    case 'removeMusic': return removeMusic(timeline);
    case 'setVolume': return setVolume(timeline, op);
    case 'addText': return addText(timeline, op, ctx);
    case 'editText': return editText(timeline, op);
    case 'removeText': return removeText(timeline, op);
    case 'addCaptions': return addCaptions(timeline, op, ctx);
    case 'setAspect': return setAspect(timeline, op);
    case 'setFit': return setFit(timeline, op);
    case 'setSpeed': return setSpeed(timeline, op, ctx);
    case 'fadeIn': return fadeIn(timeline, op);
    case 'fadeOut': return fadeOut(timeline, op);
    case 'setLoudness': return setLoudness(timeline, op);
    case 'audioAsVideo': return audioAsVideo(timeline, op, ctx);
  }
}
