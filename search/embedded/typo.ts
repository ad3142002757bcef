// Typo tolerance, as Meilisearch does it: the allowed number of typos depends on the length of the
// query word (1 from 5 letters, 2 from 9), an edit is Damerau-Levenshtein (optimal string alignment:
// insertion, deletion, substitution, or transposition of two neighbours, each counting 1), and a
// word that does not start with the query's first letter counts as two typos — so it is only found
// with a budget of two and at most one edit. The last query word is a prefix: what counts is the
// distance to the closest prefix of the indexed word.
import { typoTolerance } from "../settings";

export type TypoBudget = 0 | 1 | 2;

export function typoBudget(word: string): TypoBudget {
  const length = [...word].length;
  if (length < typoTolerance.minWordSizeForTypos.oneTypo) return 0;
  if (length < typoTolerance.minWordSizeForTypos.twoTypos) return 1;
  return 2;
}

/**
 * Optimal-string-alignment distance between `query` and `term`; with `prefix`, the smallest
 * distance between `query` and any prefix of `term`, and the length of that prefix.
 * Gives up (returns max + 1) as soon as every cell of a row exceeds `max`.
 */
export function editDistance(
  query: string,
  term: string,
  max: number,
  prefix = false,
): { distance: number; length: number } {
  const a = [...query];
  const b = [...term];
  const over = { distance: max + 1, length: 0 };
  if (!prefix && Math.abs(a.length - b.length) > max) return over;
  // rows[i][j]: distance between a[0..i) and b[0..j); only three rows are kept.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return over;
    before = previous;
    previous = current;
  }
  if (!prefix) return { distance: previous[b.length]!, length: b.length };
  let best = { distance: previous[0]!, length: 0 };
  for (let j = 1; j <= b.length; j++)
    if (previous[j]! < best.distance) best = { distance: previous[j]!, length: j };
  return best.distance > max ? over : best;
}

/**
 * The typos `term` costs for `query` under the first-letter rule, or null when it is out of
 * budget or costs nothing (exact and prefix matches are handled without the vocabulary).
 * `match` is what to search for: the term itself, or (prefix) the term's closest prefix.
 */
export function typoMatch(
  query: string,
  term: string,
  budget: TypoBudget,
  prefix: boolean,
): { cost: 1 | 2; match: string } | null {
  if (budget === 0) return null;
  const sameFirst = term.codePointAt(0) === query.codePointAt(0);
  const limit = sameFirst ? budget : budget - 1;
  if (limit < 1) return null;
  const { distance, length } = editDistance(query, term, limit, prefix);
  if (distance === 0 || distance > limit) return null;
  const match = prefix ? [...term].slice(0, length).join("") : term;
  return { cost: sameFirst ? (distance as 1 | 2) : 2, match };
}
