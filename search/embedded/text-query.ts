// Turns the user's text into FTS5 MATCH expressions, following Meilisearch's query rules: every word
// must match; the word at the very end of the text is a prefix; stop words are dropped unless they
// end the text; "quoted words" form an exact phrase; each word may match with typos (typo.ts);
// synonyms (settings.ts, mutual) apply to the word as typed or to 2–3 consecutive words, and
// multi-word synonyms are phrases. User text only ever reaches FTS5 as quoted words.
import { stopWords, synonymGroups } from "../settings";
import { fold, ftsString, words } from "./normalize";
import { typoBudget } from "./typo";
import type { Vocabulary } from "./vocabulary";

/** Meilisearch reads at most ten words of a query in practice; more only slows the query. */
const MAX_TERMS = 10;

type Term =
  | { kind: "word"; word: string; position: number; last: boolean }
  | { kind: "phrase"; words: string[]; position: number };

const stopWordSet = new Set(stopWords);

/** Synonym key (words joined by a space) → the other members of its group, as word lists. */
const synonyms = (() => {
  const map = new Map<string, string[][]>();
  for (const group of synonymGroups) {
    const members = group.map((member) => words(member));
    for (const member of members) {
      const key = member.join(" ");
      const others = members.filter((other) => other.join(" ") !== key);
      const known = map.get(key) ?? [];
      for (const other of others) if (!known.some((k) => k.join(" ") === other.join(" "))) known.push(other);
      map.set(key, known);
    }
  }
  return map;
})();

export function parseQuery(raw: string): Term[] {
  const text = fold(raw);
  const terms: Term[] = [];
  let phrase: string[] | null = null;
  let position = 0;
  for (const match of text.matchAll(/"|[\p{L}\p{N}]+/gu)) {
    const token = match[0];
    if (token === '"') {
      if (phrase && phrase.length > 0)
        terms.push({ kind: "phrase", words: phrase, position: position - phrase.length });
      phrase = phrase ? null : [];
      continue;
    }
    if (phrase) phrase.push(token);
    else
      terms.push({ kind: "word", word: token, position, last: match.index + token.length === text.length });
    position++;
  }
  if (phrase && phrase.length > 0)
    terms.push({ kind: "phrase", words: phrase, position: position - phrase.length });
  return terms.filter((t) => t.kind === "phrase" || t.last || !stopWordSet.has(t.word)).slice(0, MAX_TERMS);
}

type Expr = { op: "and" | "or"; items: Expr[] } | { op: "leaf"; fts: string };

const FALSE: Expr = { op: "or", items: [] };
const isFalse = (e: Expr) => e.op === "or" && e.items.length === 0;

function any(items: Expr[]): Expr {
  const kept = items.filter((e) => !isFalse(e));
  return kept.length === 1 ? kept[0]! : { op: "or", items: kept };
}

function all(items: Expr[]): Expr {
  if (items.some(isFalse)) return FALSE;
  return items.length === 1 ? items[0]! : { op: "and", items };
}

const phrase = (list: string[]): Expr => ({ op: "leaf", fts: ftsString(list.join(" ")) });

function render(e: Expr): string {
  if (e.op === "leaf") return e.fts;
  const parts = e.items.map(render);
  return parts.length === 1 ? parts[0]! : `(${parts.join(e.op === "and" ? " AND " : " OR ")})`;
}

function wordAlternatives(
  term: Extract<Term, { kind: "word" }>,
  vocabulary: Vocabulary,
  withTypos: boolean,
): Expr {
  const { word, last } = term;
  const items: Expr[] = [{ op: "leaf", fts: last ? `${ftsString(word)}*` : ftsString(word) }];
  for (const synonym of synonyms.get(word) ?? []) items.push(phrase(synonym));
  if (withTypos) {
    for (const candidate of vocabulary.candidates(word, typoBudget(word), last)) {
      items.push({ op: "leaf", fts: last ? `${ftsString(candidate.match)}*` : ftsString(candidate.match) });
    }
  }
  return any(items);
}

/** Alternatives for the words i..j together, when they form a synonym key (consecutive words only). */
function spanAlternatives(terms: Term[], i: number, j: number): Expr | null {
  const span = terms.slice(i, j + 1);
  if (span.some((t, k) => t.kind !== "word" || (k > 0 && t.position !== span[k - 1]!.position + 1)))
    return null;
  const key = span.map((t) => (t as { word: string }).word).join(" ");
  const others = synonyms.get(key);
  return others && others.length > 0 ? any(others.map(phrase)) : null;
}

function expression(terms: Term[], vocabulary: Vocabulary, withTypos: boolean): Expr {
  const from = (i: number): Expr => {
    if (i >= terms.length) return { op: "and", items: [] };
    const term = terms[i]!;
    const unit = term.kind === "phrase" ? phrase(term.words) : wordAlternatives(term, vocabulary, withTypos);
    const options = [all([unit, from(i + 1)].filter((e) => !(e.op === "and" && e.items.length === 0)))];
    for (let j = i + 1; j < Math.min(terms.length, i + 3); j++) {
      const span = spanAlternatives(terms, i, j);
      if (span)
        options.push(all([span, from(j + 1)].filter((e) => !(e.op === "and" && e.items.length === 0))));
    }
    return any(options);
  };
  return from(0);
}

export type TextMatch =
  /** No words: every document matches. */
  | { kind: "everything" }
  /** Words that no document can match. */
  | { kind: "nothing" }
  /** `exact` (no typo needed) ranks first; null when every match needs a typo. */
  | { kind: "match"; full: string; exact: string | null };

export async function buildTextMatch(raw: string, vocabulary: Vocabulary): Promise<TextMatch> {
  const terms = parseQuery(raw);
  if (terms.length === 0) return { kind: "everything" };
  await vocabulary.refresh();
  const full = expression(terms, vocabulary, true);
  if (isFalse(full)) return { kind: "nothing" };
  const exact = expression(terms, vocabulary, false);
  return { kind: "match", full: render(full), exact: isFalse(exact) ? null : render(exact) };
}
