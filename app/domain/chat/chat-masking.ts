// Before a contract exists, contact details in a message are hidden from the other side: the
// contract (and its fees) is what protects both parties, so the conversation stays on Permanence
// until then. Pure: the masked text is computed once, when the message is written.
import { findPhoneNumbersInText } from "libphonenumber-js";
import { find } from "linkifyjs";

export const MASK = "[coordonnées masquées]";

// What libphonenumber does not recognise: any run of nine digits or more, spaced by single
// separators ("06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033-612…").
const DIGIT_RUN = /\+?\(?\d(?:[\s.\-/()]{0,2}\d){8,}/g;

type Range = { start: number; end: number };

function contactRanges(text: string): Range[] {
  const ranges: Range[] = find(text, "email").map((link) => ({ start: link.start, end: link.end }));
  for (const phone of findPhoneNumbersInText(text, "FR")) {
    ranges.push({ start: phone.startsAt, end: phone.endsAt });
  }
  for (const match of text.matchAll(DIGIT_RUN)) {
    ranges.push({ start: match.index, end: match.index + match[0].length });
  }
  return merge(ranges);
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** The text with e-mail addresses and phone numbers replaced, or null when it has none. */
export function maskContactDetails(text: string): string | null {
  const ranges = contactRanges(text);
  if (ranges.length === 0) return null;
  let result = "";
  let cursor = 0;
  for (const range of ranges) {
    result += text.slice(cursor, range.start) + MASK;
    cursor = range.end;
  }
  return result + text.slice(cursor);
}
