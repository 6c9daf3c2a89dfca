import { describe, expect, it } from 'vitest';
import { ReplyText } from '@/lib/nemo/replyText';

const run = (parts: [string, boolean][]) => {
  const r = new ReplyText();
  return parts.map(([text, partial]) => r.delta(text, partial));
};

describe('ReplyText', () => {
  it('streams partial chunks and drops the final text that repeats them', () => {
    expect(run([['Adding ', true], ['music.', true], ['Adding music.', false]])).toEqual(['Adding ', 'music.', '']);
  });

  it('keeps only the new end when the final text extends the partials', () => {
    expect(run([['Adding ', true], ['Adding music. Done.', false]])).toEqual(['Adding ', 'music. Done.']);
  });

  it('takes a final text without partials whole', () => {
    expect(run([['Done.', false]])).toEqual(['Done.']);
  });

  it('handles cumulative partials (each carrying the text so far)', () => {
    expect(run([['Add', true], ['Adding mu', true], ['Adding music', true], ['Adding music', false]])).toEqual(['Add', 'ing mu', 'sic', '']);
  });

  it('starts over after a final text, so a second message streams again', () => {
    expect(run([['One.', true], ['One.', false], ['Two.', true], ['Two.', false]])).toEqual(['One.', '', 'Two.', '']);
  });

  it('keeps a final text that differs from its partials as a new paragraph', () => {
    expect(run([['Thinking', true], ['Here is the plan.', false]])).toEqual(['Thinking', '\n\nHere is the plan.']);
  });
});
