// Attestation de vigilance: the upload on /compte/attestation (a real PDF only, a plausible issue
// date), the download by the business of a contract of €5,000 or more (404 for everyone else), and
// the reminders job with a controlled clock.
import { describe, expect, it } from "vitest";
import { startSession } from "#app/auth/session.server";
import {
  runVigilanceReminders,
  startVigilanceReminders,
} from "#app/domain/compliance/vigilance-reminders.server";
import { expiryOf, vigilanceMessages } from "#app/domain/compliance/vigilance.schema";
import {
  getContractVigilanceStatus,
  uploadVigilanceCertificate,
} from "#app/domain/compliance/vigilance.server";
import { commitCsrfToken } from "#app/lib/csrf.server";
import { db } from "#app/lib/db.server";
import * as page from "#app/routes/compte+/attestation";
import * as ownDownload from "#app/routes/compte+/attestation.$certificateId";
import * as contractDownload from "#app/routes/contrats+/$contractId.attestation";
import { createContract } from "#tests/factories/contracts";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { cookiePair, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const origin = "http://localhost:3000";
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
const DAY = 24 * 60 * 60 * 1000;

async function upload(
  userId: string,
  fields: { issuedOn?: string },
  file?: { name: string; bytes: Uint8Array },
) {
  const form = new FormData();
  if (fields.issuedOn !== undefined) form.append("issuedOn", fields.issuedOn);
  const [token, setCookie] = await commitCsrfToken(new Request(origin));
  form.append("csrf", token);
  if (file)
    form.append("certificate", new File([file.bytes as BlobPart], file.name, { type: "application/pdf" }));
  const cookies = [cookiePair(await startSession(userId)), cookiePair(setCookie!)];
  const request = new Request(`${origin}/compte/attestation`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookies.join("; ") },
  });
  return runRoute(page.action, request);
}

const certificatesOf = (userId: string) => db.vigilanceCertificate.count({ where: { userId } });

/** A fixed-price contract whose milestones total `cents`. */
const fixedContract = (cents: number, extra: Parameters<typeof createContract>[0] = {}) =>
  createContract({
    billingMode: "FIXED",
    milestones: [{ title: "Saisie annuelle", amountCents: cents, dueDate: null }],
    ...extra,
  });

async function download(userId: string, contractId: string) {
  return runRoute(
    contractDownload.loader,
    await getRequest(`/contrats/${contractId}/attestation`, { userId }),
    { contractId },
  );
}

describe("/compte/attestation", () => {
  it("lapses 6 calendar months after issue, clamped to the end of a shorter month", () => {
    const lapse = (day: string) =>
      expiryOf(new Date(`${day}T00:00:00Z`))
        .toISOString()
        .slice(0, 10);
    expect(lapse("2026-06-01")).toBe("2026-12-01");
    expect(lapse("2026-08-31")).toBe("2027-02-28");
    expect(lapse("2027-08-31")).toBe("2028-02-29");
  });

  it("sends anonymous visitors of a certificate download to the login page", async () => {
    const anonymous = await runRoute(ownDownload.loader, await getRequest("/compte/attestation/x"), {
      certificateId: "x",
    });
    expect(anonymous.status).toBe(302);
  });

  it("stores a real PDF with its issue date, valid 6 months, and shows it as current", async () => {
    const secretary = await createSecretary();
    const result = await upload(
      secretary.id,
      { issuedOn: today() },
      { name: "attestation urssaf.pdf", bytes: pdf },
    );
    expect(result).toMatchObject({ status: 302, location: "/compte/attestation?depose=1" });
    const row = await db.vigilanceCertificate.findFirstOrThrow({ where: { userId: secretary.id } });
    expect(row.storageKey).toMatch(/^vigilance\//);
    const expected = new Date(`${today()}T00:00:00Z`);
    expected.setUTCMonth(expected.getUTCMonth() + 6);
    expect(row.expiresOn.toISOString().slice(0, 10)).toBe(expected.toISOString().slice(0, 10));
    const shown = await runRoute(
      page.loader,
      await getRequest("/compte/attestation", { userId: secretary.id }),
    );
    expect(shown.data.page.current).toMatchObject({
      fileName: "attestation urssaf.pdf",
      issuedOn: today(),
      valid: true,
    });
    expect(shown.data.page.history).toHaveLength(1);
    const own = await runRoute(
      ownDownload.loader,
      await getRequest(`/compte/attestation/${row.id}`, { userId: secretary.id }),
      { certificateId: row.id },
    );
    expect(own.status).toBe(200);
    const other = await createSecretary();
    const theirs = await runRoute(
      ownDownload.loader,
      await getRequest(`/compte/attestation/${row.id}`, { userId: other.id }),
      { certificateId: row.id },
    );
    expect(theirs.status).toBe(404);
  });

  it("refuses a file that is not a PDF whatever its name, a future date, and a missing date", async () => {
    const secretary = await createSecretary();
    const disguised = await upload(
      secretary.id,
      { issuedOn: today() },
      { name: "attestation.pdf", bytes: png },
    );
    expect(disguised).toMatchObject({ status: 400, data: { message: vigilanceMessages.notPdf } });
    const tomorrow = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    const future = await upload(secretary.id, { issuedOn: tomorrow }, { name: "a.pdf", bytes: pdf });
    expect(future).toMatchObject({ status: 400, data: { message: vigilanceMessages.issuedOnFuture } });
    const noDate = await upload(secretary.id, {}, { name: "a.pdf", bytes: pdf });
    expect(noDate).toMatchObject({ status: 400, data: { message: vigilanceMessages.issuedOnRequired } });
    const stale = await upload(secretary.id, { issuedOn: "2020-01-01" }, { name: "a.pdf", bytes: pdf });
    expect(stale).toMatchObject({ status: 400, data: { message: vigilanceMessages.issuedOnExpired } });
    const huge = Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await upload(secretary.id, { issuedOn: today() }, { name: "a.pdf", bytes: huge });
    expect(tooBig.status).toBeGreaterThanOrEqual(400);
    expect(tooBig.data).toMatchObject({ message: vigilanceMessages.tooBig });
    expect(await certificatesOf(secretary.id)).toBe(0);
  });

  it("is for providers only: anonymous to the login page, business and staff refused", async () => {
    const anonymous = await runRoute(page.loader, await getRequest("/compte/attestation"));
    expect(anonymous).toMatchObject({
      status: 302,
      location: "/connexion?redirectTo=%2Fcompte%2Fattestation",
    });
    for (const user of [await createBusiness(), await createStaff("MODERATOR"), await createStaff("ADMIN")]) {
      const shown = await runRoute(page.loader, await getRequest("/compte/attestation", { userId: user.id }));
      expect(shown.status).toBe(403);
      expect((await upload(user.id, { issuedOn: today() }, { name: "a.pdf", bytes: pdf })).status).toBe(403);
      expect(await certificatesOf(user.id)).toBe(0);
    }
    const owner = await createAgencyOwner();
    expect(
      (await runRoute(page.loader, await getRequest("/compte/attestation", { userId: owner.id }))).status,
    ).toBe(200);
  });
});

describe("/contrats/:contractId/attestation", () => {
  it("lets the business of a €5,000 contract download the current certificate; 404 for everyone else", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED" });
    const large = await fixedContract(500_000, { secretary });
    const small = await fixedContract(499_999, { secretary });
    await uploadVigilanceCertificate({
      actorId: secretary.id,
      input: { issuedOn: today(), fileName: "Attestation été.pdf", bytes: pdf },
    });
    const businessId = large.business.id;
    const ok = await download(businessId, large.contract.id);
    expect(ok.status).toBe(200);
    expect(Object.fromEntries(ok.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="Attestation _t_.pdf"; filename*=UTF-8''Attestation%20%C3%A9t%C3%A9.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    const smallBusinessId = small.business.id;
    expect((await download(smallBusinessId, small.contract.id)).status).toBe(404);
    for (const user of [await createBusiness(), secretary, await createStaff("ADMIN")]) {
      expect((await download(user.id, large.contract.id)).status).toBe(404);
    }
    const anonymous = await runRoute(
      contractDownload.loader,
      await getRequest(`/contrats/${large.contract.id}/attestation`),
      { contractId: large.contract.id },
    );
    expect(anonymous.status).toBe(302);
  });

  it("counts approved and pending work on an hourly contract, and 404s while no certificate is valid", async () => {
    const secretary = await createSecretary();
    const { contract, business, primaryAssigneeId } = await createContract({ secretary });
    const businessId = business.id;
    const assignee = { id: primaryAssigneeId };
    const entry = (amountCents: number, status: string) => ({
      contractId: contract.id,
      assigneeId: assignee.id,
      kind: "TIME",
      workDate: new Date("2026-11-03T00:00:00Z"),
      minutes: 60,
      unitPriceCents: amountCents,
      amountCents,
      description: "Permanence",
      status,
    });
    await db.workEntry.createMany({ data: [entry(300_000, "APPROVED"), entry(300_000, "DISPUTED")] });
    await uploadVigilanceCertificate({
      actorId: secretary.id,
      input: { issuedOn: today(), fileName: "a.pdf", bytes: pdf },
    });
    expect((await download(businessId, contract.id)).status).toBe(404);
    await db.workEntry.create({ data: entry(200_000, "SUBMITTED") });
    expect((await download(businessId, contract.id)).status).toBe(200);
    await db.vigilanceCertificate.updateMany({
      where: { userId: secretary.id },
      data: { expiresOn: new Date(Date.now() - DAY) },
    });
    expect((await download(businessId, contract.id)).status).toBe(404);
  });
});

describe("agency contracts and the contract page status", () => {
  it("serves the agency owner's certificate for an agency contract, and tells the page what applies", async () => {
    const owner = await createAgencyOwner();
    const member = await createSecretary({ agencyId: owner.organization.id });
    const { contract, business } = await fixedContract(900_000, { secretary: member });
    await db.contract.update({ where: { id: contract.id }, data: { agencyId: owner.organization.id } });
    const before = await getContractVigilanceStatus({ actorId: business.id, contractId: contract.id });
    expect(before).toEqual({
      required: true,
      available: false,
      expiresOn: null,
      downloadUrl: `/contrats/${contract.id}/attestation`,
    });
    // The member's own certificate does not stand for the agency's.
    await uploadVigilanceCertificate({
      actorId: member.id,
      input: { issuedOn: today(), fileName: "membre.pdf", bytes: pdf },
    });
    expect((await download(business.id, contract.id)).status).toBe(404);
    await uploadVigilanceCertificate({
      actorId: owner.id,
      input: { issuedOn: today(), fileName: "cabinet.pdf", bytes: pdf },
    });
    const served = await download(business.id, contract.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-disposition")).toContain("cabinet.pdf");
    expect(await getContractVigilanceStatus({ actorId: business.id, contractId: contract.id })).toMatchObject(
      {
        required: true,
        available: true,
      },
    );
    expect(await getContractVigilanceStatus({ actorId: member.id, contractId: contract.id })).toEqual({
      required: false,
    });
  });
});

describe("reminders", () => {
  const notificationsOf = (userId: string) =>
    db.notification.findMany({
      where: { userId, type: "COMPLIANCE_REMINDER" },
      orderBy: { createdAt: "asc" },
    });

  it("reminds the business when the contract reaches €5,000 and every 6 months, never twice", async () => {
    const business = await createBusiness();
    const secretary = await createSecretary();
    const { contract } = await fixedContract(800_000, { business, secretary });
    const below = await fixedContract(100_000, { secretary });
    const start = new Date("2026-12-01T08:00:00Z");
    await runVigilanceReminders(start);
    await runVigilanceReminders(new Date(start.getTime() + DAY));
    expect(await notificationsOf(business.id)).toHaveLength(1);
    expect((await notificationsOf(business.id))[0]).toMatchObject({ link: `/contrats/${contract.id}` });
    const belowBusiness = below.business.id;
    expect(await notificationsOf(belowBusiness)).toHaveLength(0);
    await runVigilanceReminders(new Date("2027-05-31T08:00:00Z"));
    expect(await notificationsOf(business.id)).toHaveLength(1);
    await runVigilanceReminders(new Date("2027-06-02T08:00:00Z"));
    await runVigilanceReminders(new Date("2027-06-03T08:00:00Z"));
    expect(await notificationsOf(business.id)).toHaveLength(2);
  });

  it("tells a provider with a large ACTIVE contract and no certificate, at most every 30 days", async () => {
    const secretary = await createSecretary();
    await fixedContract(600_000, { secretary });
    const start = new Date("2026-12-01T08:00:00Z");
    await runVigilanceReminders(start);
    await runVigilanceReminders(new Date(start.getTime() + 10 * DAY));
    const told = await notificationsOf(secretary.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      link: "/compte/attestation",
      title: "Déposez votre attestation de vigilance",
    });
    const covered = await createSecretary();
    await fixedContract(600_000, { secretary: covered });
    await uploadVigilanceCertificate({
      actorId: covered.id,
      input: { issuedOn: "2026-11-20", fileName: "a.pdf", bytes: pdf },
      now: start,
    });
    await runVigilanceReminders(start);
    expect(await notificationsOf(covered.id)).toHaveLength(0);
  });

  it("tells the provider 15 days before her certificate lapses, once, and not if she renewed", async () => {
    const secretary = await createSecretary();
    const renewed = await createSecretary();
    const issuedAt = new Date("2026-06-01T08:00:00Z");
    for (const user of [secretary, renewed]) {
      await uploadVigilanceCertificate({
        actorId: user.id,
        input: { issuedOn: "2026-06-01", fileName: "a.pdf", bytes: pdf },
        now: issuedAt,
      });
    }
    await uploadVigilanceCertificate({
      actorId: renewed.id,
      input: { issuedOn: "2026-11-10", fileName: "b.pdf", bytes: pdf },
      now: new Date("2026-11-10T08:00:00Z"),
    });
    // Lapses on 2026-12-01: nothing 16 days before, one reminder from 15 days before.
    await runVigilanceReminders(new Date("2026-11-14T08:00:00Z"));
    expect(await notificationsOf(secretary.id)).toHaveLength(0);
    await runVigilanceReminders(new Date("2026-11-17T08:00:00Z"));
    await runVigilanceReminders(new Date("2026-11-20T08:00:00Z"));
    const told = await notificationsOf(secretary.id);
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toMatch(/^Votre attestation de vigilance expire le 1/);
    expect(await notificationsOf(renewed.id)).toHaveLength(0);
  });

  it("runs as a periodic job with an injected clock", async () => {
    const secretary = await createSecretary();
    await fixedContract(700_000, { secretary });
    const job = startVigilanceReminders({ poll: false, now: () => new Date("2026-12-01T08:00:00Z") });
    const result = await job.runOnce();
    await job.stop();
    expect(result.missing).toBeGreaterThanOrEqual(1);
    expect(await notificationsOf(secretary.id)).toHaveLength(1);
  });
});
