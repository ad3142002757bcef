// Every word of an index, held in memory for the typo lookup and refreshed incrementally: words are
// only ever added (with a growing seq) until replaceAll bumps the index's generation. A word left
// behind by a removed document is harmless: it just matches nothing.
import type { Client } from "@libsql/client";
import type { IndexName } from "../documents";
import { tables } from "./index-spec";
import { typoMatch, type TypoBudget } from "./typo";

/** Meilisearch stops at 150 one-typo and 50 two-typo derivations; we keep the cheapest 150. */
const MAX_CANDIDATES = 150;
/** Separates a word's tail from the word in `tails` (sorts before any letter). */
const SEP = "\u0000";

export type Candidate = { cost: 1 | 2; match: string };

function merge(sorted: string[], fresh: string[]): string[] {
  fresh.sort();
  const out: string[] = new Array(sorted.length + fresh.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < sorted.length || j < fresh.length) {
    out[k++] =
      j >= fresh.length || (i < sorted.length && sorted[i]! < fresh[j]!) ? sorted[i++]! : fresh[j++]!;
  }
  return out;
}

/** Index of the first entry ≥ key. */
function lowerBound(list: string[], key: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

function* startingWith(list: string[], prefix: string): Generator<string> {
  for (let i = lowerBound(list, prefix); i < list.length && list[i]!.startsWith(prefix); i++) yield list[i]!;
}

export class Vocabulary {
  private generation = "";
  private lastSeq = 0;
  /** All words, sorted. */
  private words: string[] = [];
  /** "tail\0word" for every word (tail = the word without its first letter), sorted. */
  private tails: string[] = [];

  constructor(
    /** The engine's current connection (it is replaced after a failure). */
    private readonly client: () => Client,
    private readonly index: IndexName,
  ) {}

  async refresh(): Promise<void> {
    const t = tables(this.index);
    const state = await this.client().execute({
      sql: `SELECT (SELECT value FROM search_meta WHERE key = ?) AS generation, (SELECT max(seq) FROM ${t.terms}) AS lastSeq`,
      args: [`generation:${this.index}`],
    });
    const generation = String(state.rows[0]?.generation ?? "");
    const lastSeq = Number(state.rows[0]?.lastSeq ?? 0);
    if (generation !== this.generation || lastSeq < this.lastSeq) {
      this.generation = generation;
      this.lastSeq = 0;
      this.words = [];
      this.tails = [];
    }
    if (lastSeq === this.lastSeq) return;
    // One JSON string instead of one row object per word: loading 100k words stays cheap.
    const fresh = await this.client().execute({
      sql: `SELECT json_group_array(term) AS terms FROM ${t.terms} WHERE seq > ? AND seq <= ?`,
      args: [this.lastSeq, lastSeq],
    });
    const terms = JSON.parse(String(fresh.rows[0]?.terms ?? "[]")) as string[];
    this.words = merge(this.words, terms);
    this.tails = merge(
      this.tails,
      terms.map((w) => w.slice(firstLength(w)) + SEP + w),
    );
    this.lastSeq = lastSeq;
  }

  /** Indexed words within the typo budget of `word` (first-letter rule included), cheapest first. */
  candidates(word: string, budget: TypoBudget, prefix: boolean): Candidate[] {
    if (budget === 0) return [];
    const found = new Map<string, Candidate>();
    const consider = (term: string) => {
      const match = typoMatch(word, term, budget, prefix);
      if (!match) return;
      const known = found.get(match.match);
      if (!known || known.cost > match.cost) found.set(match.match, match);
    };
    const first = word.slice(0, firstLength(word));
    const length = word.length;
    for (const term of startingWith(this.words, first)) {
      if (prefix ? term.length >= length - budget : Math.abs(term.length - length) <= budget) consider(term);
    }
    // A different first letter costs two typos: only with a budget of two, and then a single edit,
    // which must touch the first letter — so only a few shapes of word can qualify.
    if (budget === 2) for (const term of this.firstLetterEdits(word, first, prefix)) consider(term);
    return [...found.values()]
      .sort((a, b) => a.cost - b.cost || (a.match < b.match ? -1 : 1))
      .slice(0, MAX_CANDIDATES);
  }

  /** Words one edit away from `word` through its first letter (or, as prefixes, starting so). */
  private *firstLetterEdits(word: string, first: string, prefix: boolean): Generator<string> {
    const rest = word.slice(first.length);
    const second = rest.slice(0, firstLength(rest));
    const swapped = second + first + rest.slice(second.length);
    // Deleted first letter, or swapped first two letters: the word starts with these.
    for (const start of [rest, swapped]) {
      if (!start) continue;
      for (const term of startingWith(this.words, start)) {
        if (prefix || term === start) yield term;
        else break;
      }
    }
    // Replaced first letter (tail = rest), or a letter inserted before it (tail = word).
    for (const tail of [rest, word]) {
      if (!tail) continue;
      for (const entry of startingWith(this.tails, prefix ? tail : tail + SEP)) {
        yield entry.slice(entry.indexOf(SEP) + 1);
      }
    }
  }
}

/** Length in UTF-16 units of the first character (words may hold letters outside the BMP). */
function firstLength(word: string): number {
  const code = word.codePointAt(0);
  return code !== undefined && code > 0xffff ? 2 : 1;
}
