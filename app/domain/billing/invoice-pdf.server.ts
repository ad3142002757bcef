// The invoice as a real PDF (pdfkit), with every mandatory mention of invoice-mentions.ts.
// Standard Helvetica (WinAnsi): French accents, "€", "’" and « » print; anything else is replaced.
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

// WinAnsi has U+00A0 but not U+202F (Intl's thousands separator); other characters it lacks become "?".
const WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
export function pdfText(text: string): string {
  return text
    .replace(/[\u202F\u2009]/g, "\u00A0")
    .replace(/[^\n\x20-\x7E\u00A0-\u00FF]/g, (c) => (WIN_ANSI_EXTRA.includes(c) ? c : "?"));
}

const money = (cents: number) => pdfText(formatEuros(cents));
const quantity = (line: InvoiceLine) =>
  pdfText(`${line.quantity.toLocaleString("fr-FR", { maximumFractionDigits: 2 })} ${unitLabels[line.unit]}`);

function header(pdf: PDFKit.PDFDocument, doc: InvoiceDocument) {
  pdf
    .font("Helvetica-Bold")
    .fontSize(10)
    .text(pdfText(partyLines(doc.issuer, "issuer")[0]!), MARGIN, MARGIN, { width: LEFT_WIDTH });
  pdf
    .font("Helvetica")
    .fontSize(9)
    .text(pdfText(partyLines(doc.issuer, "issuer").slice(1).join("\n")), { width: LEFT_WIDTH });
  const issuerBottom = pdf.y;
  pdf
    .font("Helvetica-Bold")
    .fontSize(14)
    .text(pdfText(documentTitle(doc)), RIGHT_X, MARGIN, { width: RIGHT_WIDTH, align: "right" });
  pdf
    .font("Helvetica")
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
  pdf.font("Helvetica-Bold").fontSize(9).text("Client", RIGHT_X, top, { width: RIGHT_WIDTH });
  pdf.font("Helvetica").text(pdfText(partyLines(doc.client, "client").join("\n")), { width: RIGHT_WIDTH });
  return pdf.y + 24;
}

function row(pdf: PDFKit.PDFDocument, cells: string[], y: number, bold = false) {
  pdf.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
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
    pdf.font(label === "Total TTC" ? "Helvetica-Bold" : "Helvetica").fontSize(10);
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
    .font("Helvetica")
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
