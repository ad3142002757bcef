import { beforeAll, describe, expect, it } from "vitest";
import { issueCreditNote } from "#app/domain/billing/credit-notes.server";
import { issuePeriodInvoices } from "#app/domain/billing/invoice-issuing.server";
import { renderInvoicePdf } from "#app/domain/billing/invoice-pdf.server";
import { getInvoice } from "#app/domain/billing/invoices.server";
import { db } from "#app/lib/db.server";
import * as listRoute from "#app/routes/factures+/_index";
import * as pageRoute from "#app/routes/factures+/$invoiceId";
import * as pdfRoute from "#app/routes/factures+/$invoiceId[.pdf]";
import * as xmlRoute from "#app/routes/factures+/$invoiceId[.xml]";
import * as facturxRoute from "#app/routes/factures+/$invoiceId.facturx[.pdf]";
import * as csvRoute from "#app/routes/factures+/export[.csv]";
import { createContract } from "#tests/factories/contracts";
import {
  createInvoicedContract,
  giveInvoicingIdentity,
  giveLegalDetails,
  timeLine,
} from "#tests/factories/invoices";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";
import { pdfText } from "#tests/unit/invoice-pdf-text";

type Ids = { work: string; commission: string; credit: string; agencyWork: string; agencyCommission: string };
let ids: Ids;
let users: Record<
  | "business"
  | "colleague"
  | "secretary"
  | "agencyOwner"
  | "agencyMember"
  | "otherBusiness"
  | "otherSecretary"
  | "staff",
  string
>;

beforeAll(async () => {
  const c = await createInvoicedContract();
  const credit = await db.$transaction((tx) =>
    issueCreditNote(tx, {
      invoiceId: c.work.id,
      amountCents: 1000,
      reason: "Heure en trop",
      issuedAt: new Date("2026-12-05T10:00:00Z"),
    }),
  );
  const colleague = await createBusiness();
  await db.membership.create({
    data: { userId: colleague.id, organizationId: c.business.organization.id, role: "MEMBER" },
  });
  // An agency paid as the agency, on another contract, issued in January.
  const owner = await createAgencyOwner({ organizationName: "Agence Accueil" });
  const member = await createSecretary({ agencyId: owner.organization.id, displayName: "Inès Petit" });
  const agencyContract = await createContract({ secretary: member });
  await giveLegalDetails(agencyContract.business.organization.id);
  await giveInvoicingIdentity(
    { organizationId: owner.organization.id },
    { vat: true, legalName: "Agence Accueil SAS" },
  );
  const agencyResult = await db.$transaction((tx) =>
    issuePeriodInvoices(tx, {
      contractId: agencyContract.contract.id,
      month: "2026-12",
      payees: [
        { payeeKey: `agency:${owner.organization.id}`, lines: [timeLine("2026-12-03", 60)], feeCents: 300 },
      ],
      issuedAt: new Date("2027-01-01T09:00:00Z"),
    }),
  );
  const other = await createInvoicedContract();
  ids = {
    work: c.work.id,
    commission: c.commission.id,
    credit: credit.id,
    agencyWork: agencyResult.invoices[0]!.id,
    agencyCommission: agencyResult.invoices[1]!.id,
  };
  users = {
    business: c.business.id,
    colleague: colleague.id,
    secretary: c.secretary.id,
    agencyOwner: owner.id,
    agencyMember: member.id,
    otherBusiness: other.business.id,
    otherSecretary: other.secretary.id,
    staff: (await createStaff()).id,
  };
});

const visible = (who: keyof typeof users): (keyof Ids)[] =>
  ({
    business: ["work", "credit"],
    colleague: ["work", "credit"],
    secretary: ["work", "commission", "credit"],
    agencyOwner: ["agencyWork", "agencyCommission"],
    agencyMember: [],
    otherBusiness: [],
    otherSecretary: [],
    staff: ["work", "commission", "credit", "agencyWork", "agencyCommission"],
  })[who] as (keyof Ids)[];

async function call(
  route: { loader: any },
  path: string,
  userId?: string,
  params: Record<string, string> = {},
) {
  return runRoute(route.loader, await getRequest(path, { userId }), params);
}

describe("authorization on every invoice route", () => {
  for (const who of [
    "business",
    "colleague",
    "secretary",
    "agencyOwner",
    "agencyMember",
    "otherBusiness",
    "otherSecretary",
    "staff",
  ] as const) {
    it(`${who}: sees exactly her invoices, 404 for the others`, async () => {
      const list = await call(listRoute, "/factures", users[who]);
      const listed = list.data.invoices.map((i: { id: string }) => i.id);
      const own = visible(who);
      for (const key of Object.keys(ids) as (keyof Ids)[]) {
        const id = ids[key];
        const allowed = own.includes(key);
        expect(listed.includes(id), `${key} in list`).toBe(allowed);
        const page = await call(pageRoute, `/factures/${id}`, users[who], { invoiceId: id });
        const xml = await call(xmlRoute, `/factures/${id}.xml`, users[who], { invoiceId: id });
        const pdf = await call(pdfRoute, `/factures/${id}.pdf`, users[who], { invoiceId: id });
        const facturx = await call(facturxRoute, `/factures/${id}/facturx.pdf`, users[who], {
          invoiceId: id,
        });
        for (const result of [page, xml, pdf, facturx])
          expect(result.status, `${key}`).toBe(allowed ? 200 : 404);
      }
    });
  }

  it("an anonymous visitor is sent to the login page from every route", async () => {
    for (const [route, path] of [
      [listRoute, "/factures"],
      [pageRoute, `/factures/${ids.work}`],
      [pdfRoute, `/factures/${ids.work}.pdf`],
      [xmlRoute, `/factures/${ids.work}.xml`],
      [facturxRoute, `/factures/${ids.work}/facturx.pdf`],
      [csvRoute, "/factures/export.csv?mois=2026-12"],
    ] as const) {
      const result = await call(route, path, undefined, { invoiceId: ids.work });
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/connexion\?redirectTo=/);
    }
  });

  it("an unknown id is not found", async () => {
    expect((await call(pageRoute, "/factures/nope", users.staff, { invoiceId: "nope" })).status).toBe(404);
  });
});

describe("formats", () => {
  it("the PDF downloads as a real PDF named after the number", async () => {
    const response = (await pdfRoute.loader({
      request: await getRequest(`/factures/${ids.work}.pdf`, { userId: users.business }),
      params: { invoiceId: ids.work },
      context: {} as never,
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toContain('filename="F-2026-000001.pdf"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("the Factur-X is a PDF/A-3 carrying factur-x.xml", async () => {
    const response = (await facturxRoute.loader({
      request: await getRequest(`/factures/${ids.work}/facturx.pdf`, { userId: users.secretary }),
      params: { invoiceId: ids.work },
      context: {} as never,
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const text = Buffer.from(await response.arrayBuffer()).toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toContain("/F (factur-x.xml)");
    expect(text).toContain("/AFRelationship /Alternative");
    expect(text).toContain("<pdfaid:part>3</pdfaid:part>");
  });

  it("an issued invoice prints every mandatory mention from its stored snapshot", async () => {
    const doc = await getInvoice({ actorId: users.business, invoiceId: ids.work });
    const text = pdfText(await renderInvoicePdf(doc, { compress: false }));
    for (const mention of [
      "Facture n° F-2026-000001",
      "Date d’émission : 1er décembre 2026",
      "Période de la prestation : du 1er novembre 2026 au 30 novembre 2026",
      "Claire Morel EI",
      "12 rue des Lilas",
      "SIREN 812 345 676 — SIRET 812 345 676 00017",
      "TVA non applicable, art. 293 B du CGI",
      "Cabinet Martin SELARL",
      "3 place Bellecour",
      "SIREN 841 234 560",
      "3 novembre 2026 — Permanence téléphonique",
      "1,5 h",
      "Total HT",
      "Total TTC",
      "105,00 €",
      "Date d’échéance : 16 décembre 2026",
      "trois fois le taux d’intérêt légal",
      "40 €",
      "Facture établie par Permanence au nom et pour le compte de Claire Morel EI",
    ])
      expect(text).toContain(mention);
  });

  it("the XML is CII", async () => {
    const result = await call(xmlRoute, `/factures/${ids.work}.xml`, users.business, { invoiceId: ids.work });
    expect(result.headers.get("Content-Type")).toMatch(/application\/xml/);
    expect(result.data).toContain("<rsm:CrossIndustryInvoice");
    expect(result.data).toContain("F-2026-000001");
  });

  it("the page shows the invoice with its mentions", async () => {
    const result = await call(pageRoute, `/factures/${ids.credit}`, users.secretary, {
      invoiceId: ids.credit,
    });
    expect(result.data).toMatchObject({
      number: "AV-2026-000002",
      kind: "CREDIT_NOTE",
      correctsNumber: "F-2026-000001",
    });
  });

  it("the list filters by month of issue", async () => {
    const december = await call(listRoute, "/factures?mois=2026-12", users.staff);
    const ids12 = december.data.invoices.map((i: { id: string }) => i.id);
    expect(ids12).toEqual(expect.arrayContaining([ids.work, ids.commission, ids.credit]));
    expect(ids12).not.toContain(ids.agencyWork);
    const january = await call(listRoute, "/factures?mois=2027-01", users.agencyOwner);
    expect(january.data.invoices.map((i: { id: string }) => i.id).sort()).toEqual(
      [ids.agencyWork, ids.agencyCommission].sort(),
    );
    const ignored = await call(listRoute, "/factures?mois=janvier", users.agencyOwner);
    expect(ignored.data.month).toBeNull();
  });
});

describe("CSV export", () => {
  it("one row per document the viewer may see, French separators, credit notes negative", async () => {
    const result = await call(csvRoute, "/factures/export.csv?mois=2026-12", users.secretary);
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toMatch(/text\/csv/);
    expect(result.headers.get("Content-Disposition")).toContain('filename="factures-2026-12.csv"');
    const csv = result.data as string;
    const rows = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(rows[0]).toBe(
      "Numéro;Type;Date d’émission;Émetteur;SIREN émetteur;Client;SIREN client;Début de période;Fin de période;Échéance;Total HT (€);TVA (€);Total TTC (€);Facture rectifiée;Émise sous mandat",
    );
    expect(rows).toHaveLength(4);
    expect(rows).toContain(
      "F-2026-000001;Facture;2026-12-01;Claire Morel EI;812345676;Cabinet Martin SELARL;841234560;2026-11-01;2026-11-30;2026-12-16;105,00;0,00;105,00;;oui",
    );
    expect(
      rows.some((r) =>
        /^F-2026-\d{6};Facture;2026-12-01;Permanence SAS;912345675;Claire Morel EI;812345676;.*;8,75;1,75;10,50;;non$/.test(
          r,
        ),
      ),
    ).toBe(true);
    expect(rows.find((r) => r.startsWith("AV-2026-000002"))).toMatch(
      /;-10,00;0,00;-10,00;F-2026-000001;oui$/,
    );
  });

  it("starts with a UTF-8 byte order mark so spreadsheets read the accents", async () => {
    const response = (await csvRoute.loader({
      request: await getRequest("/factures/export.csv?mois=2026-12", { userId: users.staff }),
      params: {},
      context: {} as never,
    })) as Response;
    expect([...new Uint8Array(await response.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("a business exports only her organisation's invoices; a month without any gives the header alone", async () => {
    const mine = await call(csvRoute, "/factures/export.csv?mois=2026-12", users.business);
    expect((mine.data as string).trimEnd().split("\r\n")).toHaveLength(3);
    const empty = await call(csvRoute, "/factures/export.csv?mois=2027-01", users.business);
    expect((empty.data as string).trimEnd().split("\r\n")).toHaveLength(1);
  });

  it("a missing or malformed month is refused with a French message", async () => {
    for (const query of ["", "?mois=2026-13", "?mois=novembre"]) {
      const result = await call(csvRoute, `/factures/export.csv${query}`, users.staff);
      expect(result.status).toBe(400);
      expect(result.data.message).toMatch(/mois/);
    }
  });
});
