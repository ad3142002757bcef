// Reads for the invoice pages: the viewer's memberships, and the candidate invoices of a viewer
// (filtered once more by invoice.policy.ts, since SQLite cannot filter on the JSON client column).
import { db } from "#app/lib/db.server";
import type { InvoiceViewer } from "./invoice.policy";
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

/** Contracts whose invoices may concern the viewer: as the business, the agency, the provider or an assignee. */
async function viewerContractIds(viewer: InvoiceViewer): Promise<string[]> {
  const contracts = await db.contract.findMany({
    where: {
      OR: [
        { organizationId: { in: [...viewer.businessOrgIds] } },
        { agencyId: { in: [...viewer.agencyOrgIds] } },
        { providerUserId: viewer.userId },
        { assignees: { some: { userId: viewer.userId } } },
      ],
    },
    select: { id: true },
  });
  return contracts.map((c) => c.id);
}

async function issuedContractIds(payeeKeys: string[]): Promise<string[]> {
  const rows = await db.invoice.findMany({
    where: { issuerKey: { in: payeeKeys }, contractId: { not: null } },
    distinct: ["contractId"],
    select: { contractId: true },
  });
  return rows.flatMap((r) => (r.contractId ? [r.contractId] : []));
}

export async function findCandidateInvoices(
  viewer: InvoiceViewer,
  payeeKeys: string[],
  issued: { from: Date; until: Date } | null,
  take: number | undefined,
) {
  const period = issued ? { issuedAt: { gte: issued.from, lt: issued.until } } : {};
  const scope = viewer.staff
    ? {}
    : {
        OR: [
          { issuerKey: { in: payeeKeys } },
          { contractId: { in: await viewerContractIds(viewer) } },
          // The platform's invoices to a payee share the contract of the invoices issued in her name.
          { issuerKey: "platform", contractId: { in: await issuedContractIds(payeeKeys) } },
        ],
      };
  return db.invoice.findMany({
    where: { ...period, ...scope },
    orderBy: [{ issuedAt: "desc" }, { issuerKey: "asc" }, { sequence: "desc" }],
    take,
    select: invoiceSelect,
  });
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
