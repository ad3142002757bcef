// DAC7: the seller data collected with the invoicing identity (validated), the yearly export's
// quarter sums from the transfers actually sent, the CLI, and each provider's annual statement.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { isValidFrenchTin, TIN_INVALID_MESSAGE } from "#app/domain/compliance/tax-identifiers";
import { buildDac7Report, dac7Csv, writeDac7Report } from "#app/domain/compliance/dac7.server";
import { db } from "#app/lib/db.server";
import * as payouts from "#app/routes/compte+/paiements._index";
import * as statement from "#app/routes/compte+/releve-annuel";
import * as statementCsv from "#app/routes/compte+/releve-annuel[.csv]";
import { createContract } from "#tests/factories/contracts";
import { createPayment } from "#tests/factories/payments";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const identityForm = {
  intent: "identity",
  legalName: "Claire Morel",
  siret: "732 829 320 00074",
  vatStatus: "EXEMPT",
  vatNumber: "",
  addressLine: "12 rue de la Roquette",
  postcode: "75011",
  commune: "Paris",
};

const saveIdentity = async (userId: string, fields: Record<string, string>) =>
  runRoute(
    payouts.action,
    await formRequest("/compte/paiements", { ...identityForm, ...fields }, { userId }),
  );

/** A transfer of `work` cents (10 % fee) to the secretary, sent at `sentAt`. */
async function transfer(
  contractId: string,
  userId: string,
  work: number,
  sentAt: string,
  extra: { status?: string; reversedCents?: number; month?: string } = {},
) {
  const fee = work / 10;
  const payment = await createPayment({
    contractId,
    periodMonth: extra.month ?? sentAt.slice(0, 7),
    status: "SUCCEEDED",
    amountCents: work,
    feeCents: fee,
    shares: [{ payeeKey: `user:${userId}`, payeeUserId: userId, workAmountCents: work, feeCents: fee }],
  });
  await db.payout.updateMany({
    where: { paymentId: payment.id },
    data: {
      status: extra.status ?? "SENT",
      sentAt: new Date(sentAt),
      reversedCents: extra.reversedCents ?? 0,
    },
  });
}

describe("DAC7 seller data on the invoicing identity", () => {
  it("validates the French tax number: 13 digits, first 0–3, key = first ten mod 511", () => {
    for (const valid of ["0123456789211", "1234567890066", "2987654321330", "0123 456 789 211"]) {
      expect(isValidFrenchTin(valid), valid).toBe(true);
    }
    for (const invalid of [
      "0123456789212",
      "4123456789211",
      "012345678921",
      "01234567892111",
      "abcdefghijklm",
      "",
    ]) {
      expect(isValidFrenchTin(invalid), invalid).toBe(false);
    }
  });

  it("stores the tax number, birth date and payout country; refuses a bad number or date in French", async () => {
    const secretary = await createSecretary();
    const bad = await saveIdentity(secretary.id, { taxIdentificationNumber: "1234567890123" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.data)).toContain(TIN_INVALID_MESSAGE);
    const future = await saveIdentity(secretary.id, {
      taxIdentificationNumber: "0123456789211",
      birthDate: "2999-01-01",
    });
    expect(future.status).toBe(400);
    const ok = await saveIdentity(secretary.id, {
      taxIdentificationNumber: "0123 456 789 211",
      birthDate: "1988-04-12",
      payoutAccountCountry: "fr",
    });
    expect(ok.status).toBe(302);
    const row = await db.invoicingIdentity.findUniqueOrThrow({ where: { userId: secretary.id } });
    expect(row).toMatchObject({ taxIdentificationNumber: "0123456789211", payoutAccountCountry: "FR" });
    expect(row.birthDate?.toISOString()).toBe("1988-04-12T00:00:00.000Z");
    const page = await runRoute(
      payouts.loader,
      await getRequest("/compte/paiements", { userId: secretary.id }),
    );
    expect(page.data.page.identity).toMatchObject({
      birthDate: "1988-04-12",
      taxIdentificationNumber: "0123456789211",
    });
  });

  it("ignores a birth date for an agency (an entity)", async () => {
    const owner = await createAgencyOwner();
    const ok = await saveIdentity(owner.id, {
      legalName: "Azur SARL",
      birthDate: "1980-01-01",
      taxIdentificationNumber: "1234567890066",
    });
    expect(ok.status).toBe(302);
    const row = await db.invoicingIdentity.findUniqueOrThrow({
      where: { organizationId: owner.organization.id },
    });
    expect(row).toMatchObject({ birthDate: null, taxIdentificationNumber: "1234567890066" });
  });
});

describe("the yearly DAC7 export", () => {
  it("sums each seller's transfers per quarter, counts contracts, and leaves out sellers unpaid that year", async () => {
    const { contract, secretary } = await createContract();
    const second = await createContract({ secretary });
    await saveIdentity(secretary.id, {
      taxIdentificationNumber: "0123456789211",
      birthDate: "1988-04-12",
      payoutAccountCountry: "FR",
    });
    await transfer(contract.id, secretary.id, 100_000, "2026-02-05T10:00:00Z");
    await transfer(second.contract.id, secretary.id, 50_000, "2026-03-31T20:00:00Z");
    await transfer(contract.id, secretary.id, 30_000, "2026-08-05T10:00:00Z", {
      status: "REVERSED",
      reversedCents: 10_000,
    });
    await transfer(contract.id, secretary.id, 70_000, "2025-12-31T10:00:00Z", { month: "2025-12" });
    await transfer(contract.id, secretary.id, 20_000, "2026-10-05T10:00:00Z", {
      status: "PENDING",
      month: "2026-09",
    });
    const onlyLastYear = await createContract();
    await transfer(onlyLastYear.contract.id, onlyLastYear.secretary.id, 40_000, "2025-06-01T10:00:00Z", {
      month: "2025-06",
    });

    const report = await buildDac7Report(2026, new Date("2027-01-10T00:00:00Z"));
    const seller = report.sellers.find((s) => s.payeeKey === `user:${secretary.id}`)!;
    expect(seller).toMatchObject({
      kind: "INDIVIDUAL",
      legalName: "Claire Morel EI",
      taxIdentificationNumber: "0123456789211",
      birthDate: "1988-04-12",
      payoutAccountCountry: "FR",
      address: { line: "12 rue de la Roquette", postcode: "75011", country: "FR" },
      missing: [],
    });
    expect(seller.quarters).toEqual([
      { quarter: 1, grossCents: 150_000, feeCents: 15_000, paidCents: 135_000, transfers: 2, contracts: 2 },
      { quarter: 2, grossCents: 0, feeCents: 0, paidCents: 0, transfers: 0, contracts: 0 },
      { quarter: 3, grossCents: 20_000, feeCents: 3_000, paidCents: 17_000, transfers: 1, contracts: 1 },
      { quarter: 4, grossCents: 0, feeCents: 0, paidCents: 0, transfers: 0, contracts: 0 },
    ]);
    expect(seller.totals).toEqual({
      grossCents: 170_000,
      feeCents: 18_000,
      paidCents: 152_000,
      transfers: 3,
      contracts: 2,
    });
    expect(report.sellers.some((s) => s.payeeKey === `user:${onlyLastYear.secretary.id}`)).toBe(false);
    const csv = dac7Csv(report);
    expect(csv.split("\r\n")[0]).toContain("numero_fiscal");
    expect(csv).toContain('"T1";"150000";"15000";"135000";"2";"2"');
  });

  it("lists what DAC7 data is missing, and the CLI writes the JSON and CSV", async () => {
    const { contract, secretary } = await createContract();
    await transfer(contract.id, secretary.id, 10_000, "2026-05-05T10:00:00Z");
    const dir = path.join(process.env.DATA_DIR!, "reports-test");
    const { report, files } = await writeDac7Report({ year: 2026, dir });
    const seller = report.sellers.find((s) => s.payeeKey === `user:${secretary.id}`)!;
    expect(seller.missing).toEqual(["identité de facturation"]);
    expect(files.map((f) => path.basename(f))).toEqual(["dac7-2026.json", "dac7-2026.csv"]);
    expect(JSON.parse(fs.readFileSync(files[0]!, "utf8")).sellers.length).toBe(report.sellers.length);

    const { stdout } = await promisify(execFile)("npx", ["tsx", "app/cli/report-dac7.ts", "2026"], {
      env: { ...process.env, NODE_ENV: "test" },
      timeout: 60_000,
    });
    expect(stdout).toContain("Déclaration DAC7 2026");
    const written = path.join(process.env.DATA_DIR!, "reports", "dac7-2026.json");
    expect(
      JSON.parse(fs.readFileSync(written, "utf8")).sellers.map((s: { payeeKey: string }) => s.payeeKey),
    ).toContain(`user:${secretary.id}`);
  }, 60_000);
});

describe("/compte/releve-annuel", () => {
  it("shows a secretary her own amounts per quarter only; anonymous to login, business refused, bad year 400", async () => {
    const { contract, secretary } = await createContract();
    await transfer(contract.id, secretary.id, 40_000, "2026-04-05T10:00:00Z");
    const other = await createContract();
    await transfer(other.contract.id, other.secretary.id, 90_000, "2026-04-06T10:00:00Z");
    const url = "/compte/releve-annuel?annee=2026";
    const mine = await runRoute(statement.loader, await getRequest(url, { userId: secretary.id }));
    expect(mine.status).toBe(200);
    expect(mine.data.statement.quarters[1]).toMatchObject({
      grossCents: 40_000,
      feeCents: 4_000,
      paidCents: 36_000,
    });
    expect(mine.data.statement.totals.grossCents).toBe(40_000);
    const empty = await runRoute(
      statement.loader,
      await getRequest("/compte/releve-annuel?annee=2024", { userId: secretary.id }),
    );
    expect(empty.data.statement).toMatchObject({ seller: null, totals: { grossCents: 0 } });
    const owner = await createAgencyOwner();
    expect((await runRoute(statement.loader, await getRequest(url, { userId: owner.id }))).status).toBe(200);
    expect((await runRoute(statement.loader, await getRequest(url))).status).toBe(302);
    for (const user of [await createBusiness(), await createStaff("MODERATOR"), await createStaff("ADMIN")]) {
      expect((await runRoute(statement.loader, await getRequest(url, { userId: user.id }))).status).toBe(403);
    }
    const csv = await runRoute(
      statementCsv.loader,
      await getRequest("/compte/releve-annuel.csv?annee=2026", { userId: secretary.id }),
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.data).toContain('"2026";"T2";"400,00";"40,00";"360,00";"1";"1"');
    expect(csv.data).not.toContain("900,00");
    expect(
      (await runRoute(statementCsv.loader, await getRequest("/compte/releve-annuel.csv?annee=2026"))).status,
    ).toBe(302);
    const businessCsv = await runRoute(
      statementCsv.loader,
      await getRequest("/compte/releve-annuel.csv?annee=2026", { userId: (await createBusiness()).id }),
    );
    expect(businessCsv.status).toBe(403);
    const bad = await runRoute(
      statement.loader,
      await getRequest("/compte/releve-annuel?annee=abc", { userId: secretary.id }),
    );
    expect(bad.status).toBe(400);
  });
});
