// Reads for the invoice pages: the viewer's memberships, and the invoices a viewer may read, queried
// on issuerKey / clientKey (invoice.policy.ts still checks each row: the query must agree with it).
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server";
import { payeeKeysOf, type InvoiceViewer } from "./invoice.policy";
import { findInvoiceRow, findNumber, invoiceSelect } from "./invoice.repo.server";

export async function findInvoiceViewer(userId: string): Promise<InvoiceViewer | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!user) return null;
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, organization: { select: { id: true, kind: true } } },
  });
  return {
    userId: user.id,
    staff: user.role === "MODERATOR" || user.role === "ADMIN",
    businessOrgIds: memberships
      .filter((m) => m.organization.kind === "BUSINESS")
      .map((m) => m.organization.id),
    agencyOrgIds: memberships
      .filter((m) => m.organization.kind === "AGENCY" && m.role === "OWNER")
      .map((m) => m.organization.id),
  };
}

/**
 * invoice.policy.ts as a query on the indexed issuerKey / clientKey columns: what a payee issued
 * (and its credit notes), the platform's invoices to her, and the payees' invoices to her business.
 */
function visibleTo(viewer: InvoiceViewer): Prisma.InvoiceWhereInput {
  if (viewer.staff) return {};
  const payeeKeys = payeeKeysOf(viewer);
  const organizationKeys = viewer.businessOrgIds.map((id) => `organization:${id}`);
  return {
    OR: [
      { issuerKey: { in: payeeKeys } },
      { issuerKey: "platform", clientKey: { in: payeeKeys } },
      { issuerKey: { not: "platform" }, clientKey: { in: organizationKeys } },
    ],
  };
}

export type InvoiceListQuery = {
  issued: { from: Date; until: Date } | null;
  /** Issuer or client keys (a name search), or null for no such filter. */
  partyKeys: string[] | null;
  /** Matched on the invoice number as well, with partyKeys. */
  text: string | null;
  take: number | undefined;
};

function partyFilter(query: InvoiceListQuery): Prisma.InvoiceWhereInput {
  if (!query.partyKeys && !query.text) return {};
  const keys = query.partyKeys ?? [];
  return {
    OR: [
      { issuerKey: { in: keys } },
      { clientKey: { in: keys } },
      ...(query.text ? [{ number: { contains: query.text } }] : []),
    ],
  };
}

/** Exactly the invoices the viewer may read, newest first. */
export async function findVisibleInvoices(viewer: InvoiceViewer, query: InvoiceListQuery) {
  const period = query.issued ? { issuedAt: { gte: query.issued.from, lt: query.issued.until } } : {};
  return db.invoice.findMany({
    where: { AND: [period, visibleTo(viewer), partyFilter(query)] },
    orderBy: [{ issuedAt: "desc" }, { issuerKey: "asc" }, { sequence: "desc" }],
    take: query.take,
    select: invoiceSelect,
  });
}

/** Caps each name lookup: a short, common word would otherwise list half the directory. */
const NAME_MATCHES = 200;

/**
 * Party keys whose current name contains `text` (SQLite LIKE: case-insensitive for ASCII only):
 * organisations (as a business or an agency), secretaries, and invoicing identities' legal names.
 */
export async function findPartyKeysByName(text: string): Promise<string[]> {
  const contains = { contains: text };
  const [organizations, users, identities] = await Promise.all([
    db.organization.findMany({
      where: { OR: [{ name: contains }, { legalName: contains }] },
      select: { id: true, kind: true },
      take: NAME_MATCHES,
    }),
    db.user.findMany({ where: { displayName: contains }, select: { id: true }, take: NAME_MATCHES }),
    db.invoicingIdentity.findMany({
      where: { legalName: contains },
      select: { userId: true, organizationId: true },
      take: NAME_MATCHES,
    }),
  ]);
  return [
    ...organizations.map((o) => `${o.kind === "AGENCY" ? "agency" : "organization"}:${o.id}`),
    ...users.map((u) => `user:${u.id}`),
    ...identities.map((i) => (i.organizationId ? `agency:${i.organizationId}` : `user:${i.userId}`)),
  ];
}

/** Numbers of the invoices credit notes correct, by id. */
export async function findNumbers(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.invoice.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, number: true },
  });
  return new Map(rows.map((r) => [r.id, r.number]));
}

export const findInvoiceById = (id: string) => findInvoiceRow(db, id);
export const findNumberById = (id: string | null) => findNumber(db, id);
