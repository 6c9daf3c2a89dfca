// Mood to arrangement: which composition each library track plays.
import type { Arrangement } from './arrangement';
import type { Mood } from './library';
import { composeCalm } from './moods/calm';
import { composeCinematic } from './moods/cinematic';
import { composeCorporate } from './moods/corporate';
import { composeHappy } from './moods/happy';
import { composeLofi } from './moods/lofi';
import { composeUpbeat } from './moods/upbeat';

const COMPOSERS: Record<Mood, () => Arrangement> = {
  calm: composeCalm,
  upbeat: composeUpbeat,
  lofi: composeLofi,
  cinematic: composeCinematic,
  happy: composeHappy,
  corporate: composeCorporate,
};

export function composeMood(mood: Mood): Arrangement {
  return COMPOSERS[mood]();
}
