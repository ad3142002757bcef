// The list of invoices is a query on Invoice.issuerKey / Invoice.clientKey: among many invoices of
// many parties, it returns exactly what invoice.policy.ts lets each viewer read — no more, no less.
import { beforeAll, describe, expect, it } from "vitest";
import { issueCreditNote } from "#app/domain/billing/credit-notes.server";
import { issuePeriodInvoices } from "#app/domain/billing/invoice-issuing.server";
import { mayViewInvoice, type InvoiceViewer } from "#app/domain/billing/invoice.policy";
import { findInvoiceViewer, findVisibleInvoices } from "#app/domain/billing/invoices.repo.server";
import { db } from "#app/lib/db.server";
import * as listRoute from "#app/routes/factures+/_index";
import * as csvRoute from "#app/routes/factures+/export[.csv]";
import { createContract } from "#tests/factories/contracts";
import { giveInvoicingIdentity, timeLine } from "#tests/factories/invoices";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Party = Awaited<ReturnType<typeof createSecretary>>;
type Business = Awaited<ReturnType<typeof createBusiness>>;

const viewers: Record<string, string> = {};
let orsayBusinessOrg = "";

async function invoice(business: Business, secretary: Party, payeeKey: string, day: number) {
  const { contract } = await createContract({ business, secretary });
  const result = await db.$transaction((tx) =>
    issuePeriodInvoices(tx, {
      contractId: contract.id,
      month: "2026-11",
      payees: [
        { payeeKey: payeeKey as `user:${string}`, lines: [timeLine("2026-11-03", 60)], feeCents: 300 },
      ],
      issuedAt: new Date(Date.UTC(2026, 11, day, 9)),
    }),
  );
  return result.invoices;
}

beforeAll(async () => {
  const businesses = await Promise.all(
    ["Cabinet Orsay", "Étude Vauban", "Clinique Pasteur"].map((name) =>
      createBusiness({ organizationName: name, displayName: `Dirigeant ${name}` }),
    ),
  );
  orsayBusinessOrg = businesses[0]!.organization.id;
  const secretaries: Party[] = [];
  for (const name of ["Claire Morel", "Lucie Bernard", "Nadia Roux"]) {
    const secretary = await createSecretary({ status: "PUBLISHED", displayName: name });
    await giveInvoicingIdentity({ userId: secretary.id }, { legalName: name });
    secretaries.push(secretary);
  }
  const owner = await createAgencyOwner({ organizationName: "Agence Accueil" });
  const member = await createSecretary({ agencyId: owner.organization.id, displayName: "Inès Petit" });
  await giveInvoicingIdentity({ organizationId: owner.organization.id }, { legalName: "Agence Accueil SAS" });
  // Every secretary works for two of the businesses, on different days; the agency for one.
  let day = 1;
  for (const [s, secretary] of secretaries.entries()) {
    for (const business of [businesses[s]!, businesses[(s + 1) % 3]!])
      await invoice(business, secretary, `user:${secretary.id}`, day++);
  }
  const [agencyWork] = await invoice(businesses[2]!, member, `agency:${owner.organization.id}`, day++);
  await db.$transaction((tx) => issueCreditNote(tx, { invoiceId: agencyWork!.id, reason: "Erreur" }));
  Object.assign(viewers, {
    orsay: businesses[0]!.id,
    vauban: businesses[1]!.id,
    pasteur: businesses[2]!.id,
    claire: secretaries[0]!.id,
    lucie: secretaries[1]!.id,
    nadia: secretaries[2]!.id,
    agencyOwner: owner.id,
    agencyMember: member.id,
    stranger: (await createBusiness()).id,
    staff: (await createStaff()).id,
  });
});

async function viewerOf(userId: string): Promise<InvoiceViewer> {
  return (await findInvoiceViewer(userId))!;
}

/** What the policy allows, read row by row over the whole table. */
async function allowedIds(viewer: InvoiceViewer): Promise<string[]> {
  const all = await db.invoice.findMany({ select: { id: true, issuerKey: true, clientKey: true } });
  return all.filter((row) => mayViewInvoice(viewer, row)).map((row) => row.id);
}

const query = { issued: null, partyKeys: null, text: null, take: undefined };

async function listed(userId: string, search = "") {
  const result = await runRoute(listRoute.loader, await getRequest(`/factures${search}`, { userId }));
  return result.data.invoices as { id: string; number: string; issuerName: string; clientName: string }[];
}

describe("Invoice.clientKey", () => {
  it("is written on every document: the business on payees' invoices, the payee on the platform's, the same on credit notes", async () => {
    const rows = await db.invoice.findMany({
      select: { issuerKey: true, clientKey: true, client: true, kind: true, correctsId: true },
    });
    expect(rows).toHaveLength(6 * 2 + 2 + 1);
    for (const row of rows) {
      expect(row.clientKey).toBe((row.client as { key: string }).key);
      expect(row.clientKey).toMatch(row.issuerKey === "platform" ? /^(user|agency):/ : /^organization:/);
    }
    const credit = rows.find((row) => row.kind === "CREDIT_NOTE")!;
    const corrected = await db.invoice.findUniqueOrThrow({ where: { id: credit.correctsId! } });
    expect(credit.clientKey).toBe(corrected.clientKey);
  });
});

describe("the list query", () => {
  it("returns exactly the invoices each viewer may read among many", async () => {
    const expectedCounts: Record<string, number> = {
      orsay: 2, // two secretaries' invoices, never their commission invoices
      vauban: 2,
      pasteur: 2 + 2, // + the agency's invoice and its credit note
      claire: 4, // her two invoices + the platform's two to her
      lucie: 4,
      nadia: 4,
      agencyOwner: 3, // the agency's invoice, its credit note, the platform's invoice to the agency
      agencyMember: 0,
      stranger: 0,
      staff: 15,
    };
    for (const [who, userId] of Object.entries(viewers)) {
      const viewer = await viewerOf(userId);
      const rows = await findVisibleInvoices(viewer, query);
      const ids = rows.map((row) => row.id).sort();
      expect(ids, who).toEqual((await allowedIds(viewer)).sort());
      expect(ids, who).toHaveLength(expectedCounts[who]!);
      expect((await listed(userId)).map((i) => i.id).sort(), who).toEqual(ids);
    }
  });

  it("a limit keeps the viewer's newest invoices, not fewer", async () => {
    const viewer = await viewerOf(viewers.pasteur!);
    const all = await findVisibleInvoices(viewer, query);
    const firstThree = await findVisibleInvoices(viewer, { ...query, take: 3 });
    expect(firstThree.map((row) => row.id)).toEqual(all.slice(0, 3).map((row) => row.id));
    expect(all.map((row) => row.issuedAt.getTime())).toEqual(
      [...all.map((row) => row.issuedAt.getTime())].sort((a, b) => b - a),
    );
  });
});

describe("filter by issuer, client or number (?qui=)", () => {
  it("tells staff they read the whole platform's invoices, and no one else", async () => {
    const page = async (userId: string) =>
      runRoute(listRoute.loader, await getRequest("/factures", { userId }));
    expect((await page(viewers.staff!)).data.everyone).toBe(true);
    expect((await page(viewers.orsay!)).data.everyone).toBe(false);
    expect((await page(viewers.claire!)).data.everyone).toBe(false);
  });

  it("staff finds a secretary's invoices, and those addressed to her, by her name", async () => {
    const found = await listed(viewers.staff!, "?qui=Lucie");
    expect(found).toHaveLength(4);
    for (const item of found) expect(`${item.issuerName} ${item.clientName}`).toContain("Lucie Bernard");
  });

  it("staff finds a business's invoices by its name, an agency's, the platform's, and one by number", async () => {
    const orsay = await listed(viewers.staff!, "?qui=orsay");
    expect(orsay).toHaveLength(2);
    for (const item of orsay) expect(item.clientName).toBe("Cabinet Orsay");
    expect(await listed(viewers.staff!, "?qui=Agence%20Accueil")).toHaveLength(3);
    const platform = await listed(viewers.staff!, "?qui=Permanence%20SAS");
    expect(platform).toHaveLength(7);
    for (const item of platform) expect(item.issuerName).toContain("Permanence SAS");
    const one = platform[0]!;
    const byNumber = await listed(viewers.staff!, `?qui=${encodeURIComponent(one.number)}`);
    expect(byNumber.map((i) => i.number)).toContain(one.number);
  });

  it("never widens what a viewer may read, and ignores a one-letter search", async () => {
    const claireAtVauban = await listed(viewers.vauban!, "?qui=Claire");
    expect(claireAtVauban).toHaveLength(1);
    expect(await listed(viewers.orsay!, "?qui=Nadia")).toHaveLength(1);
    expect(await listed(viewers.orsay!, "?qui=Lucie")).toHaveLength(0);
    expect(await listed(viewers.stranger!, "?qui=Claire")).toHaveLength(0);
    expect(await listed(viewers.staff!, "?qui=C")).toHaveLength(15);
  });

  it("the CSV export of a month follows the same filter", async () => {
    const result = await runRoute(
      csvRoute.loader,
      await getRequest("/factures/export.csv?mois=2026-12&qui=Orsay", { userId: viewers.staff }),
    );
    expect((result.data as string).trimEnd().split("\r\n")).toHaveLength(1 + 2);
    const mine = await findVisibleInvoices(await viewerOf(viewers.orsay!), query);
    expect(mine.every((row) => row.clientKey === `organization:${orsayBusinessOrg}`)).toBe(true);
  });
});
