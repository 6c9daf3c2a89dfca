// Turns ADK text parts into deltas: partial chunks stream, the final aggregate that repeats them is dropped.

export class ReplyText {
  private streamed = '';

  /** The new text a part adds to what the user has already seen ('' when nothing is new). */
  delta(text: string, partial: boolean): string {
    if (partial) {
      // Some servers send the text so far in each partial instead of a chunk: keep only what is new.
      if (this.streamed && text.length > this.streamed.length && text.startsWith(this.streamed)) {
        const added = text.slice(this.streamed.length);
        this.streamed = text;
        return added;
      }
      this.streamed += text;
      return text;
    }
    const seen = this.streamed;
    this.streamed = '';
    if (!seen) return text;
    if (text.startsWith(seen)) return text.slice(seen.length);
    if (text.trim() === seen.trim()) return '';
    // A final text that differs from its partials is a new message, not a repeat.
    return `\n\n${text}`;
  }
}
