// Decides, before any planning, whether a message is an export, credits, status or upload request, or an edit. Pure: the client shares it.
import type { ExportQuality } from '@/lib/api/schemas';
import type { InterchangeFormat } from '@/lib/engine/interchange/formats';

export type ChatRoute =
  | { kind: 'export'; quality: ExportQuality; full?: true }
  | { kind: 'credits' }
  | { kind: 'status' }
  | { kind: 'upload' }
  /** A file for another editor, or the captions as a subtitle file. */
  | { kind: 'interchange'; format: InterchangeFormat }
  | { kind: 'edit'; exportAfter?: ExportQuality };

const EXPORT = /\b(export|download|render|send (me )?(the |my )?(video|file|mp4|result)|give me (the |my )?(video|file|mp4)|get (me )?(the |my )?(video|file|mp4)|save (it |the video )?(as|to) (an? )?mp4|finali[sz]e|publish|i'?m done)\b|导出|下载|渲染|生成视频|发给我|输出视频|出片/i;
const PREVIEW = /\bpreview\b|\bdraft\b|\blow[- ]?res\b|\bquick (look|version)\b|预览|草稿/i;
/** Asks for every frame to be encoded rather than the fast export's copied stretches. */
const FULL = /\bfull[- ](quality|render|re-?encode)\b|\b(best|highest|max(imum)?) quality\b|\b(no|without|skip) fast export\b|完整(画质|质量)|最高(画质|质量)/i;
const CREDITS = /\b(credits?|balance|quota|tokens? left|how much (do i have )?left)\b|积分|余额|额度|点数/i;
const STATUS = /^\s*(status|state)\s*\??\s*$|\bshow (me )?(the )?(tracks|timeline|status|state)\b|\bwhat('s| is) on the timeline\b|\b(list|current) (the )?tracks\b|\bwhere are we\b|\btimeline (status|summary)\b|状态|轨道|时间线/i;
const UPLOAD = /^\s*(upload|add (a |more |another )?(file|clip|video|footage)s?|i want to upload.*|how (do|can) i upload.*)\s*[.!?]?\s*$|\bupload\b(?!ed)|上传/i;

/** Words that ask for a change; their presence makes a message an edit even when it also says "export". */
const EDIT =
  /\b(cut|trim|remove|delete|add|put|music|song|title|text|caption|subtitle|pause|silence|vertical|square|portrait|landscape|tiktok|reels|shorts|speed|slow|faster|fade|split|move|swap|volume|louder|quieter|undo|redo|crop|aspect|background)\b|\d+\s*:\s*\d+|剪|删|加|去掉|音乐|标题|字幕|停顿|竖屏|横屏|速度|撤销|重做/i;

/** Which file each editor imports best; Resolve reads FCPXML 1.10 most faithfully. */
const EDITORS: [RegExp, InterchangeFormat][] = [
  [/\bpremiere\b|\bfcp ?7\b|\bxmeml\b/i, 'fcp7'],
  [/\bfinal ?cut\b|\bfcpx(ml)?\b|\bdavinci\b|\b(for|in|to|into) resolve\b/i, 'fcpxml'],
  [/\bkdenlive\b|\bshotcut\b|\bmlt\b/i, 'mlt'],
  [/\bedl\b|\bavid\b/i, 'edl'],
  [/\botio\b|\bopentimelineio\b/i, 'otio'],
];
const HAND_OFF = /\b(export|download|give|send|get|save|open|import|want|need|make)\b|导出|下载|给我/i;
const SUBTITLE_FILE = /\b(srt|vtt|webvtt)\b|\b(subtitle|caption)s? file\b|字幕文件/i;
/** "add captions from my SRT" brings a subtitle file in; it does not ask for one. */
const BRINGS_IN = /\b(from|add|use|import|upload|burn|put)\b|加|导入|上传/i;

function interchangeRoute(text: string): ChatRoute | null {
  if (!HAND_OFF.test(text)) return null;
  const editor = EDITORS.find(([words]) => words.test(text));
  if (editor) return { kind: 'interchange', format: editor[1] };
  if (SUBTITLE_FILE.test(text) && !BRINGS_IN.test(text)) return { kind: 'interchange', format: /\b(web)?vtt\b/i.test(text) ? 'vtt' : 'srt' };
  return null;
}

/** Quoted words are content (a title may say "Export"), not commands. */
function withoutQuotes(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”|「[^」]*」|『[^』]*』|《[^》]*》|‘[^’]*’|(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])/gu, ' ');
}

export function routeMessage(message: string): ChatRoute {
  const text = withoutQuotes(message).trim();
  const quality = PREVIEW.test(text) ? 'preview' : 'high';
  const wantsExport = EXPORT.test(text) || (PREVIEW.test(text) && !EDIT.test(text));
  const handOff = interchangeRoute(text);
  if (handOff) return handOff;
  if (EDIT.test(text)) {
    // "cut the pauses and export" edits first, then exports; "export in 1080p" has no edit words.
    const exportClause = /\b(and|then|,)\s*(then\s+)?(export|download|render)\b|(然后|再|并)(导出|下载)/i.test(text);
    return exportClause ? { kind: 'edit', exportAfter: quality } : { kind: 'edit' };
  }
  if (wantsExport) return quality === 'high' && FULL.test(text) ? { kind: 'export', quality, full: true } : { kind: 'export', quality };
  if (CREDITS.test(text)) return { kind: 'credits' };
  if (STATUS.test(text)) return { kind: 'status' };
  if (UPLOAD.test(text)) return { kind: 'upload' };
  return { kind: 'edit' };
}

/** The message without its trailing "and export" part, for the planner when a route says edit-then-export. */
export function stripExportRequest(message: string): string {
  return message.replace(/\s*(?:,|;|\band\b|\bthen\b|然后|再|并)*\s*(?:then\s+)?(?:(?:export|download|render)\b|导出|下载).*$/i, '').trim() || message;
}
