// Quoted text ("…", '…', “…”, ‘…’, 「…」, 《…》) is lifted out before parsing, so its words are never read as commands.

export interface MaskedText {
  /** The message with each quote replaced by ⟦n⟧. */
  text: string;
  quotes: string[];
}

// Single quotes count only at word edges, so "don't" and "it's" stay words.
const QUOTE_PATTERN = /"([^"]+)"|“([^”]+)”|「([^」]+)」|『([^』]+)』|《([^》]+)》|‘([^’]+)’|(?<![\p{L}\p{N}])'([^']+)'(?![\p{L}\p{N}])/gu;

export function maskQuotes(message: string): MaskedText {
  const quotes: string[] = [];
  const text = message.replace(QUOTE_PATTERN, (...groups: unknown[]) => {
    const inner = (groups.slice(1, 8).find((g) => typeof g === 'string') as string).trim();
    quotes.push(inner);
    return ` ⟦${quotes.length - 1}⟧ `;
  });
  return { text: text.replace(/\s+/g, ' ').trim(), quotes };
}

/** The quotes a clause mentions, in order. */
export function quotesIn(clause: string, quotes: string[]): string[] {
  return [...clause.matchAll(/⟦(\d+)⟧/g)].map((m) => quotes[Number(m[1])]).filter((q): q is string => q !== undefined && q !== '');
}

export function unmask(clause: string, quotes: string[]): string {
  return clause.replace(/⟦(\d+)⟧/g, (_, n: string) => `"${quotes[Number(n)] ?? ''}"`);
}
