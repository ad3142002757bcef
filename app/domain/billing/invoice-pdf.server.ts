// The invoice as a real PDF (pdfkit), with every mandatory mention of invoice-mentions.ts.
// DejaVu Sans (fonts/, Bitstream Vera licence) is embedded as a subset with its ToUnicode map, as
// PDF/A-3b (Factur-X) requires; it covers French and far beyond.
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { formatDate } from "#app/lib/dates";
import { formatEuros } from "#app/lib/money";
import { vatRateLabel } from "./invoice-format";
import { documentTitle, legalMentions, partyLines, periodMention, platformFooter } from "./invoice-mentions";
import { unitLabels, type InvoiceDocument, type InvoiceLine } from "./invoice.schema";

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN; // A4
const LEFT_WIDTH = 230;
const RIGHT_X = MARGIN + 250;
const RIGHT_WIDTH = WIDTH - 250;
const columns = [
  { title: "Description", width: 215, align: "left" },
  { title: "Qté", width: 50, align: "right" },
  { title: "Prix unit. HT", width: 80, align: "right" },
  { title: "TVA", width: 45, align: "right" },
  { title: "Total HT", width: 105, align: "right" },
] as const;

// Resolved from the project root, as the server does (app/server/index.ts): the build does not copy fonts.
const FONT_DIR = path.join(process.cwd(), "app", "domain", "billing", "fonts");
const REGULAR = "InvoiceSans";
const BOLD = "InvoiceSans-Bold";
type FontSource = PDFKit.Mixins.PDFFontSource;
let fonts: { regular: FontSource; bold: FontSource } | undefined;

/**
 * The font parsed once (pdfkit accepts a parsed font: anything with `layout`), read back from a
 * throw-away document since fontkit is pdfkit's own dependency, not ours. Parsing DejaVu for
 * every PDF cost ~4 times the rendering itself; each document still embeds its own subset.
 */
function parsedOnce(file: string): FontSource {
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.registerFont("probe", fs.readFileSync(path.join(FONT_DIR, file)));
  probe.font("probe");
  const parsed = (probe as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
  return typeof parsed?.layout === "function" ? (parsed as FontSource) : path.join(FONT_DIR, file);
}

function loadFonts() {
  fonts ??= { regular: parsedOnce("DejaVuSans.ttf"), bold: parsedOnce("DejaVuSans-Bold.ttf") };
  return fonts;
}

/** Control characters (but line breaks) would print as boxes: they become spaces. */
export function pdfText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, " ");
}

const money = (cents: number) => pdfText(formatEuros(cents));
const quantity = (line: InvoiceLine) =>
  pdfText(`${line.quantity.toLocaleString("fr-FR", { maximumFractionDigits: 2 })} ${unitLabels[line.unit]}`);

function header(pdf: PDFKit.PDFDocument, doc: InvoiceDocument) {
  pdf
    .font(BOLD)
    .fontSize(10)
    .text(pdfText(partyLines(doc.issuer, "issuer")[0]!), MARGIN, MARGIN, { width: LEFT_WIDTH });
  pdf
    .font(REGULAR)
    .fontSize(9)
    .text(pdfText(partyLines(doc.issuer, "issuer").slice(1).join("\n")), { width: LEFT_WIDTH });
  const issuerBottom = pdf.y;
  pdf
    .font(BOLD)
    .fontSize(14)
    .text(pdfText(documentTitle(doc)), RIGHT_X, MARGIN, { width: RIGHT_WIDTH, align: "right" });
  pdf
    .font(REGULAR)
    .fontSize(9)
    .text(
      pdfText(
        [
          `Date d’émission : ${formatDate(doc.issuedAt)}`,
          periodMention(doc),
          `Date d’échéance : ${formatDate(doc.dueDate)}`,
        ].join("\n"),
      ),
      { width: RIGHT_WIDTH, align: "right" },
    );
  const top = Math.max(issuerBottom, pdf.y) + 20;
  pdf.font(BOLD).fontSize(9).text("Client", RIGHT_X, top, { width: RIGHT_WIDTH });
  pdf.font(REGULAR).text(pdfText(partyLines(doc.client, "client").join("\n")), { width: RIGHT_WIDTH });
  return pdf.y + 24;
}

function row(pdf: PDFKit.PDFDocument, cells: string[], y: number, bold = false) {
  pdf.font(bold ? BOLD : REGULAR).fontSize(9);
  let x = MARGIN;
  const height = Math.max(
    ...cells.map((cell, i) => pdf.heightOfString(cell, { width: columns[i]!.width - 6 })),
  );
  cells.forEach((cell, i) => {
    pdf.text(cell, x, y, { width: columns[i]!.width - 6, align: columns[i]!.align });
    x += columns[i]!.width;
  });
  return y + height + 6;
}

function ensureRoom(pdf: PDFKit.PDFDocument, y: number, needed: number) {
  if (y + needed < pdf.page.height - MARGIN) return y;
  pdf.addPage();
  return MARGIN;
}

function table(pdf: PDFKit.PDFDocument, doc: InvoiceDocument, top: number) {
  let y = row(
    pdf,
    columns.map((c) => c.title),
    top,
    true,
  );
  pdf
    .moveTo(MARGIN, y - 3)
    .lineTo(MARGIN + WIDTH, y - 3)
    .stroke();
  for (const line of doc.lines) {
    y = ensureRoom(pdf, y, 30);
    y = row(
      pdf,
      [
        pdfText(line.description),
        quantity(line),
        money(line.unitPriceCents),
        pdfText(vatRateLabel(line.vatRateBps)),
        money(line.totalCents),
      ],
      y,
    );
  }
  return y + 6;
}

function totals(pdf: PDFKit.PDFDocument, doc: InvoiceDocument, top: number) {
  let y = ensureRoom(pdf, top, 60);
  const rate = doc.lines[0]?.vatRateBps ?? 0;
  const rows: [string, number][] = [
    ["Total HT", doc.totalExclTaxCents],
    [`TVA ${pdfText(vatRateLabel(rate))}`, doc.vatCents],
    ["Total TTC", doc.totalInclTaxCents],
  ];
  for (const [label, cents] of rows) {
    pdf.font(label === "Total TTC" ? BOLD : REGULAR).fontSize(10);
    pdf.text(label, MARGIN + 260, y, { width: 130 });
    pdf.text(money(cents), MARGIN + 390, y, { width: WIDTH - 390, align: "right" });
    y += 16;
  }
  return y + 14;
}

function mentions(pdf: PDFKit.PDFDocument, doc: InvoiceDocument, top: number) {
  const footer =
    doc.issuer.legalForm && doc.issuer.rcs
      ? platformFooter({ ...doc.issuer, legalForm: doc.issuer.legalForm, rcs: doc.issuer.rcs })
      : null;
  const y = ensureRoom(pdf, top, 120);
  pdf
    .font(REGULAR)
    .fontSize(8)
    .text(pdfText(legalMentions(doc, footer).join("\n")), MARGIN, y, { width: WIDTH, lineGap: 2 });
}

/** The PDF bytes. `compress: false` keeps the content streams readable (tests read the text back). */
export function renderInvoicePdf(
  doc: InvoiceDocument,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    compress: options.compress ?? true,
    info: {
      Title: pdfText(documentTitle(doc)),
      Author: "Permanence",
      Subject: pdfText(doc.issuer.legalName),
    },
  });
  const { regular, bold } = loadFonts();
  pdf.registerFont(REGULAR, regular);
  pdf.registerFont(BOLD, bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  let y = header(pdf, doc);
  y = table(pdf, doc, y);
  y = totals(pdf, doc, y);
  mentions(pdf, doc, y);
  pdf.end();
  return done;
}
