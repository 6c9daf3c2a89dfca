// What the planner offers when it is unsure: canned requests it understands, picked by how close they are to the words.
export interface Suggestion {
  say: string;
}
export const SUGGESTION_CATALOGUE: Suggestion[] = [];
