// The invoice pages' use cases: the list a viewer may see, one invoice, its PDF, XML and the CSV
// export of a month. What the viewer may not see is "not found" (404), never "forbidden".
import { parisMonthInstants } from "#app/domain/work/work-dates";
import { DomainError } from "#app/lib/domain-error";
import { invoiceCsv } from "./invoice-csv";
import { renderInvoicePdf } from "./invoice-pdf.server";
import { mayViewInvoice, type InvoiceViewer } from "./invoice.policy";
import {
  invoiceIdSchema,
  invoiceLinesSchema,
  invoiceMonthSchema,
  invoicePartySearchSchema,
  partySnapshotSchema,
  type InvoiceDocument,
} from "./invoice.schema";
import { invoiceFacturX, invoiceXml } from "./invoice-xml.server";
import {
  findInvoiceById,
  findInvoiceViewer,
  findNumberById,
  findNumbers,
  findPartyKeysByName,
  findVisibleInvoices,
} from "./invoices.repo.server";
import { partyName } from "./invoice-mentions";
import { platformIdentity } from "./platform-identity.server";

const notFound = () => new DomainError("NOT_FOUND", "Cette facture est introuvable.");
const LIST_LIMIT = 500;

type Row = NonNullable<Awaited<ReturnType<typeof findInvoiceById>>>;

function documentOf(row: Row, correctsNumber: string | null): InvoiceDocument {
  return {
    ...row,
    kind: row.kind === "CREDIT_NOTE" ? "CREDIT_NOTE" : "INVOICE",
    correctsNumber,
    issuer: partySnapshotSchema.parse(row.issuer),
    client: partySnapshotSchema.parse(row.client),
    lines: invoiceLinesSchema.parse(row.lines),
  };
}

async function viewerOf(actorId: string): Promise<InvoiceViewer> {
  const viewer = await findInvoiceViewer(actorId);
  if (!viewer) throw notFound();
  return viewer;
}

const partiesOf = (doc: InvoiceDocument) => ({ issuerKey: doc.issuerKey, clientKey: doc.client.key });

/** One invoice the actor may read, as every format renders it. */
export async function getInvoice({ actorId, invoiceId }: { actorId: string; invoiceId: string }) {
  const id = invoiceIdSchema.safeParse(invoiceId);
  if (!id.success) throw notFound();
  const [viewer, row] = await Promise.all([viewerOf(actorId), findInvoiceById(id.data)]);
  if (!row) throw notFound();
  const doc = documentOf(row, await findNumberById(row.correctsId));
  if (!mayViewInvoice(viewer, partiesOf(doc))) throw notFound();
  return doc;
}

type ListFilters = { month?: string | null; party?: string | null };

/** Bad filters are dropped (the list shows everything), as the month filter always did. */
function filtersOf({ month, party }: ListFilters) {
  const parsedMonth = invoiceMonthSchema.safeParse(month ?? "");
  const parsedParty = invoicePartySearchSchema.safeParse(party ?? "");
  return {
    month: parsedMonth.success ? parsedMonth.data : null,
    party: parsedParty.success ? parsedParty.data : null,
  };
}

/** The invoices the actor may see, newest first; optionally of one Paris month, or one party's name. */
export async function listInvoiceItems({ actorId, ...input }: { actorId: string } & ListFilters) {
  const filters = filtersOf(input);
  const viewer = await viewerOf(actorId);
  const docs = await visibleInvoices(viewer, filters, LIST_LIMIT);
  return {
    ...filters,
    /** Staff read every invoice of the platform (read-only: invoices are never edited). */
    everyone: viewer.staff,
    invoices: docs.map(listItemOf),
    truncated: docs.length >= LIST_LIMIT,
    limit: LIST_LIMIT,
  };
}

const listItemOf = (doc: InvoiceDocument) => ({
  id: doc.id,
  number: doc.number,
  kind: doc.kind,
  issuedAt: doc.issuedAt,
  issuerName: partyName(doc.issuer),
  clientName: partyName(doc.client),
  mandated: doc.issuerKey !== "platform",
  totalInclTaxCents: doc.totalInclTaxCents,
});

/** Issuers and clients whose name contains `party` (the platform by its legal name). */
async function partyKeysOf(party: string): Promise<string[]> {
  const keys = await findPartyKeysByName(party);
  const platform = platformIdentity().legalName.toLowerCase().includes(party.toLowerCase());
  return platform ? [...keys, "platform"] : keys;
}

async function visibleInvoices(
  viewer: InvoiceViewer,
  { month, party }: { month: string | null; party: string | null },
  take: number | undefined,
) {
  const rows = await findVisibleInvoices(viewer, {
    issued: month ? parisMonthInstants(month) : null,
    partyKeys: party ? await partyKeysOf(party) : null,
    text: party,
    take,
  });
  const numbers = await findNumbers(rows.flatMap((r) => (r.correctsId ? [r.correctsId] : [])));
  const docs = rows.map((row) =>
    documentOf(row, row.correctsId ? (numbers.get(row.correctsId) ?? null) : null),
  );
  // The query already selects exactly these; the policy stays the single statement of the rule.
  return docs.filter((doc) => mayViewInvoice(viewer, partiesOf(doc)));
}

export async function invoicePdf(input: { actorId: string; invoiceId: string }) {
  const doc = await getInvoice(input);
  return { doc, pdf: await renderInvoicePdf(doc) };
}

/** The Factur-X hybrid: the same PDF, with the CII XML inside. */
export async function invoiceFacturXPdf(input: { actorId: string; invoiceId: string }) {
  const doc = await getInvoice(input);
  return { doc, pdf: await invoiceFacturX(doc, await renderInvoicePdf(doc)) };
}

export async function invoiceCiiXml(input: { actorId: string; invoiceId: string }) {
  const doc = await getInvoice(input);
  return { doc, xml: await invoiceXml(doc) };
}

/** The CSV of the invoices the actor may see issued in `month`, optionally of one party (bookkeeping export). */
export async function exportInvoicesCsv({
  actorId,
  month,
  party,
}: {
  actorId: string;
  month: string | null;
  party?: string | null;
}) {
  const parsed = invoiceMonthSchema.safeParse(month ?? "");
  if (!parsed.success)
    throw new DomainError("VALIDATION", "Choisissez un mois au format AAAA-MM (par exemple 2026-11).");
  const filters = { month: parsed.data, party: filtersOf({ party }).party };
  const docs = await visibleInvoices(await viewerOf(actorId), filters, undefined);
  return { month: parsed.data, csv: invoiceCsv([...docs].reverse()) };
}
