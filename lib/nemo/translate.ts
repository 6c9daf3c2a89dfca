// Rewrites NemoVideo's GUI talk ("click Export", "open the panel", "drag") into what our chat-driven app does.

interface Rule {
  pattern: RegExp;
  replace: string;
  /** The reply should end with the timeline summary (the agent pointed at a panel or the timeline). */
  showsSummary?: boolean;
}

const Q = `["“'‘]?`;
const EQ = `["”'’]?`;

/** Ordered: the specific export rules come before the general "click a button" ones. */
export const GUI_RULES: Rule[] = [
  { pattern: new RegExp(`\\b(?:click|tap|press|hit|use)(?:\\s+on)?\\s+(?:the\\s+)?${Q}(?:export|download)${EQ}(?:\\s+button)?`, 'gi'), replace: 'say "export"' },
  { pattern: /\b(?:the\s+)?["“']?export["”']?\s+button\b/gi, replace: '"export" in the chat' },
  {
    pattern: new RegExp(`\\b(?:click|tap|press|hit)(?:\\s+on)?\\s+(?:the\\s+)?${Q}([\\w][\\w -]{0,28}?)${EQ}\\s+button\\b`, 'gi'),
    replace: 'tell me "$1" in the chat',
  },
  { pattern: /\b(?:click|tap|press)(?:\s+on)?\s+["“']([^"”']{1,30})["”']/gi, replace: 'tell me "$1" in the chat' },
  {
    pattern: /\bpreview(?:\s+(?:it|them|this|the result|the changes))?\s+(?:in|on)\s+the\s+timeline\b/gi,
    replace: 'check the timeline summary',
    showsSummary: true,
  },
  {
    pattern: /\bopen(?:ing)?\s+(?:the\s+|your\s+)?[\w -]{0,24}?\b(?:panel|tab|menu|sidebar|window|settings)\b/gi,
    replace: 'say "status" to see the timeline',
    showsSummary: true,
  },
  { pattern: /\bdrag(?:ging)?\s*(?:and|&|\/|-)\s*drop(?:ping)?\b/gi, replace: 'tell me to move' },
  { pattern: /\bdrag(?:ging)?\b/gi, replace: 'tell me to move' },
  { pattern: /点击\s*[“"「]?导出[”"」]?(?:按钮)?/g, replace: '说“导出”' },
  { pattern: /[“"「]?导出[”"」]?按钮/g, replace: '在对话中说“导出”' },
  { pattern: /点击\s*[“"「]?([^”"」，。！？\s]{1,12}?)[”"」]?按钮/g, replace: '在对话中告诉我“$1”' },
  { pattern: /点击/g, replace: '在对话中告诉我' },
  { pattern: /在时间线(?:上|中|里)?预览/g, replace: '查看时间线摘要', showsSummary: true },
  { pattern: /打开[^，。！？\s]{0,10}?(?:面板|窗口|菜单|设置|侧栏)/g, replace: '说“状态”查看时间线', showsSummary: true },
  { pattern: /拖拽|拖放|拖动/g, replace: '告诉我移动' },
];

export interface Translation {
  text: string;
  showsSummary: boolean;
}

/** Translates one complete piece of text (pure; rules apply in order). */
export function translateGuiTalk(text: string): Translation {
  let out = text;
  let showsSummary = false;
  for (const rule of GUI_RULES) {
    rule.pattern.lastIndex = 0;
    if (rule.pattern.test(out)) {
      rule.pattern.lastIndex = 0;
      out = out.replace(rule.pattern, (...args) => capitalizeAtSentenceStart(args, rule.replace));
      showsSummary ||= rule.showsSummary === true;
    }
  }
  return { text: out, showsSummary };
}

/** Keeps "Click Export." reading as a sentence: the replacement starts upper case where the match did. */
function capitalizeAtSentenceStart(args: unknown[], template: string): string {
  const match = args[0] as string;
  const groups = args.slice(1).filter((a) => typeof a === 'string') as string[];
  let out = template.replace(/\$(\d)/g, (_m, i: string) => groups[Number(i) - 1] ?? '');
  if (/^[A-Z]/.test(match) && /^[a-z]/.test(out)) out = out[0].toUpperCase() + out.slice(1);
  return out;
}

/**
 * Streams text through the translation: deltas are held until a sentence ends, so a phrase split
 * across chunks ("cli" + "ck Export") is still recognised.
 */
export class GuiTalkTranslator {
  private buffer = '';
  showsSummary = false;

  push(delta: string): string {
    this.buffer += delta;
    const cut = lastSentenceEnd(this.buffer);
    if (cut < 0) return '';
    const ready = this.buffer.slice(0, cut + 1);
    this.buffer = this.buffer.slice(cut + 1);
    return this.translate(ready);
  }

  flush(): string {
    const rest = this.buffer;
    this.buffer = '';
    return rest ? this.translate(rest) : '';
  }

  private translate(text: string): string {
    const result = translateGuiTalk(text);
    this.showsSummary ||= result.showsSummary;
    return result.text;
  }
}

function lastSentenceEnd(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    if ('.!?\n。！？'.includes(text[i])) return i;
  }
  return -1;
}
