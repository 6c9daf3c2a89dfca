// Splits a compound request into clauses ("cut the pauses, add music and a title" -> 3), leaving ranges like "10 and 15 s" whole.

const VERBS = [
  'add', 'put', 'place', 'insert', 'overlay', 'include', 'use', 'make', 'turn', 'set', 'change', 'cut', 'trim', 'remove', 'delete',
  'drop', 'split', 'move', 'swap', 'reorder', 'speed', 'slow', 'fade', 'lower', 'raise', 'mute', 'undo', 'redo', 'crop',
  'resize', 'convert', 'shorten', 'get', 'give', 'apply', 'write', 'show', 'rename', 'replace', 'keep', 'lose', 'increase',
  'decrease', 'reduce', 'boost', 'play', 'duck', 'export', 'then', 'also', 'caption', 'subtitle', 'title', 'rotate',
];
const OBJECTS = ['music', 'background music', 'a title', 'titles', 'a text', 'text', 'captions', 'subtitles', 'a fade', 'fades', 'some music', 'a song'];

const AND_SPLIT = new RegExp(
  String.raw`\s+(?:and|&|plus|n)\s+(?=(?:${[...VERBS, ...OBJECTS].join('|')})\b|(?:some|a|an)\s+(?:\w+\s+)?(?:music|bgm|song|title|text|caption|fade|soundtrack)\b|(?:the|my)\s+(?:music|voice|bgm|song|title|text|speech)\b)|\s+\+\s+|(?<=\b(?:louder|quieter|softer|higher|lower))\s+(?=(?:the\s+|my\s+)?(?:music|voice|bgm|speech)\b)`,
  'gi',
);
/** Commands that start a new request even without "and" ("cut the pauses add some music make it vertical"). */
const RUN_ON_VERBS = ['add', 'put', 'make', 'cut', 'remove', 'trim', 'speed', 'slow', 'turn', 'change', 'use', 'delete', 'move', 'swap', 'split', 'throw', 'crop', 'mute', 'undo', 'redo'];
/** Words after which a command verb continues the same request ("can you cut", "i want to add", "let's make"). */
const LEADS_IN = ['to', 'and', 'can', 'could', 'would', 'will', 'should', 'you', 'u', 'please', 'pls', 'plz', 'i', 'we', "let's", 'lets', 'just', 'also', 'then', 'me', 'not', "don't", 'dont', 'do', 'did', 'want', 'wanna', 'gonna', 'need', 'first', 'now', 'so', 'ok', 'okay', 'the', 'a', 'an', 'some', 'no', 'hard', 'quick', 'jump', 'auto', 'slow', 'how', 'why', 'what', 'it'];
const RUN_ON = new RegExp(String.raw`(?<=\b(?!(?:${LEADS_IN.join('|')})\b)[\w'%⟧]+)\s+(?=(?:${RUN_ON_VERBS.join('|')})\s+(?:it|the|a|an|some|my|this|that|in|up|down|out|off|all|everything|\w+\s+(?:music|pauses|title|text))\b)`, 'gi');
const CN_SPLIT = /(?:然后|接着|之后|再|并且|并|同时|还要|还有|另外)(?=[\u4e00-\u9fff])|和(?=(?:加|添|去|删|剪|改|调|变|做|把|设|放|裁|换|配))/g;
/** "去掉停顿加背景音乐": a new verb phrase after another one, unless it continues a time or place ("前三秒加标题") or a lead-in ("帮我加"). */
const CN_RUN_ON = /(?<=[\u4e00-\u9fff])(?<![我请再并和就要想帮给也先来点个的添增追附叠秒处时头尾前后里上中间边部方面频片])(?=(?:加|配(?!乐)|做成))|最后(?=(?:加|配|把|做|再))/g;
const FILLER = /^(?:and|also|then|please|pls|thanks|thank you|thx|ok(?:ay)?|now|too|as well|for me|no wait|wait|ugh|oops|nah|hmm+|uh|um|idk|lol|谢谢|请|好的|好|然后|嗯)?[\s.!?。！？]*$/i;

export function splitClauses(text: string): string[] {
  return text
    .split(/[,;，；、\n]+|\.\s+|[。！？!?]+|\s+(?:and then|then|after that|also)\s+/i)
    .flatMap((part) => part.split(AND_SPLIT))
    .flatMap((part) => part.split(RUN_ON))
    .flatMap((part) => part.split(CN_SPLIT))
    .flatMap((part) => part.split(CN_RUN_ON))
    .map((part) => part.trim().replace(/^(?:and|also|then|plus|please|&)\s+/i, '').replace(/[.!?]+$/, '').trim())
    .filter((part) => part.length > 0 && !FILLER.test(part));
}
