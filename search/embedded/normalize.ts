// One folding for indexed text and query text, so FTS5 only ever sees plain lowercase words: accents
// removed (é → e), compatibility forms decomposed (ﬁ → fi), French ligatures spelled out (œ → oe).
const ligatures: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss" };

export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[œæß]/g, (c) => ligatures[c] ?? c);
}

/** Words as the FTS5 unicode61 tokenizer sees them: runs of letters and digits. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Text to store in an FTS column: its words, space separated. */
export function indexText(value: string | readonly string[] | null): string {
  if (value === null) return "";
  const parts = typeof value === "string" ? [value] : value;
  return parts.map((part) => words(part).join(" ")).join(" ");
}

/** Quoted FTS5 string (FTS5 doubles embedded quotes); our words never contain one anyway. */
export function ftsString(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}
