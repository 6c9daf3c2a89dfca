// Splits a compound request into clauses ("cut the pauses, add music and a title" -> 3), leaving ranges like "10 and 15 s" whole.

const VERBS = [
  'add', 'put', 'place', 'insert', 'overlay', 'include', 'use', 'make', 'turn', 'set', 'change', 'cut', 'trim', 'remove', 'delete',
  'drop', 'split', 'move', 'swap', 'reorder', 'speed', 'slow', 'fade', 'lower', 'raise', 'mute', 'undo', 'redo', 'crop',
  'resize', 'convert', 'shorten', 'get', 'give', 'apply', 'write', 'show', 'rename', 'replace', 'keep', 'lose', 'increase',
  'decrease', 'reduce', 'boost', 'play', 'duck', 'export', 'then', 'also', 'caption', 'subtitle', 'title', 'rotate',
];
const OBJECTS = ['music', 'background music', 'a title', 'titles', 'a text', 'text', 'captions', 'subtitles', 'a fade', 'fades', 'some music', 'a song'];

const AND_SPLIT = new RegExp(String.raw`\s+(?:and|&|plus)\s+(?=(?:${[...VERBS, ...OBJECTS].join('|')})\b)`, 'gi');
const CN_SPLIT = /(?:然后|接着|之后|再|并且|并|同时|还要|还有|另外)(?=[\u4e00-\u9fff])|和(?=(?:加|添|去|删|剪|改|调|变|做|把|设|放|裁|换|配))/g;
const FILLER = /^(?:and|also|then|please|pls|thanks|thank you|ok(?:ay)?|now|too|as well|for me|谢谢|请|好的|好|然后)?[\s.!?。！？]*$/i;

export function splitClauses(text: string): string[] {
  return text
    .split(/[,;，；、\n]+|\.\s+|[。！？!?]+|\s+(?:and then|then|after that|also)\s+/i)
    .flatMap((part) => part.split(AND_SPLIT))
    .flatMap((part) => part.split(CN_SPLIT))
    .map((part) => part.trim().replace(/^(?:and|also|then|plus|please|&)\s+/i, '').replace(/[.!?]+$/, '').trim())
    .filter((part) => part.length > 0 && !FILLER.test(part));
}
