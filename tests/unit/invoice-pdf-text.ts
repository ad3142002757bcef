// Reads the text back from an UNCOMPRESSED pdfkit PDF (standard fonts, WinAnsi): each BT…ET block
// is one line; hex strings of Tj / TJ are decoded from WinAnsi. Enough for our own PDFs, no parser.
const winAnsiHigh: Record<number, string> = {
  0x80: "€",
  0x82: "‚",
  0x83: "ƒ",
  0x84: "„",
  0x85: "…",
  0x86: "†",
  0x87: "‡",
  0x88: "ˆ",
  0x89: "‰",
  0x8a: "Š",
  0x8b: "‹",
  0x8c: "Œ",
  0x8e: "Ž",
  0x91: "‘",
  0x92: "’",
  0x93: "“",
  0x94: "”",
  0x95: "•",
  0x96: "–",
  0x97: "—",
  0x98: "˜",
  0x99: "™",
  0x9a: "š",
  0x9b: "›",
  0x9c: "œ",
  0x9e: "ž",
  0x9f: "Ÿ",
};

const decodeHex = (hex: string) =>
  (hex.match(/../g) ?? [])
    .map((h) => {
      const code = parseInt(h, 16);
      return winAnsiHigh[code] ?? String.fromCharCode(code);
    })
    .join("");

export function pdfLines(pdf: Buffer): string[] {
  const source = pdf.toString("latin1");
  const lines: string[] = [];
  for (const block of source.match(/BT[\s\S]*?ET/g) ?? []) {
    const pieces = [...block.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => decodeHex(m[1]!));
    if (pieces.length) lines.push(pieces.join(""));
  }
  return lines;
}

/** All the text, wrapped lines joined by spaces and every kind of space made a plain one. */
export function pdfText(pdf: Buffer): string {
  return pdfLines(pdf)
    .join(" ")
    .replace(/[\s\u00A0\u202F]+/g, " ");
}
