// Reads the text back from one of our pdfkit PDFs: UNCOMPRESSED, or its streams inflated and
// concatenated (tests/e2e). The fonts are embedded subsets (Identity-H): the content streams show
// 2-byte glyph ids, decoded through each font's ToUnicode CMap. pdfkit writes the CMaps in the
// order the fonts were first used, which is the order their names (/F2, /F3…) first appear in a
// `Tf`. Each BT…ET block is one line. Enough for our own PDFs, no parser.

type CMap = Map<number, string>;

/** `<0001> <0003> [<0041> <00e9> <20ac>]` ranges of a pdfkit ToUnicode CMap. */
function parseCMap(source: string): CMap {
  const map: CMap = new Map();
  for (const range of source.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const start = parseInt(range[1]!, 16);
    const targets = [...range[3]!.matchAll(/<([0-9a-fA-F ]*)>/g)].map((m) =>
      String.fromCharCode(
        ...m[1]!
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map((h) => parseInt(h, 16)),
      ),
    );
    targets.forEach((text, i) => map.set(start + i, text));
  }
  return map;
}

function fontsByName(source: string): Map<string, CMap> {
  const cmaps = [...source.matchAll(/begincmap[\s\S]*?endcmap/g)].map((m) => parseCMap(m[0]));
  const names: string[] = [];
  for (const m of source.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf/g)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return new Map(names.map((name, i) => [name, cmaps[i] ?? new Map()]));
}

const decode = (hex: string, cmap: CMap | undefined) =>
  (hex.match(/.{4}/g) ?? []).map((h) => cmap?.get(parseInt(h, 16)) ?? "\uFFFD").join("");

export function pdfLines(pdf: Buffer): string[] {
  const source = pdf.toString("latin1");
  const fonts = fontsByName(source);
  const lines: string[] = [];
  let font: CMap | undefined;
  for (const block of source.match(/BT[\s\S]*?ET/g) ?? []) {
    let line = "";
    for (const token of block.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>/g)) {
      if (token[1]) font = fonts.get(token[1]);
      else line += decode(token[2]!, font);
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** All the text, wrapped lines joined by spaces and every kind of space made a plain one. */
export function pdfText(pdf: Buffer): string {
  return pdfLines(pdf)
    .join(" ")
    .replace(/[\s\u00A0\u202F]+/g, " ");
}
