// "Supprimer mon compte": afterwards nothing in the database names her — every table is read whole
// and searched for her e-mail, name and phone — except the invoices (snapshots, kept untouched) and
// the legal archive (RetainedRecord, 10 years); her files are gone; refusals change nothing; the
// purge job deletes expired archive records only.
import { beforeEach, describe, expect, it } from "vitest";
import { openMissionConversation, sendMessage } from "#app/domain/chat/chat.server";
import { resetMessageLimits } from "#app/domain/chat/chat-rate-limit.server";
import { uploadVigilanceCertificate } from "#app/domain/compliance/vigilance.server";
import { eraseAccount } from "#app/domain/privacy/account-erasure.server";
import { startRetentionPurge } from "#app/domain/privacy/retention-purge.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { getFileStorage } from "#app/lib/file-storage.server";
import { resetAllLimits } from "#app/lib/rate-limit.server";
import { newClientId } from "#tests/factories/chat";
import { createContract } from "#tests/factories/contracts";
import { createInvoicedContract } from "#tests/factories/invoices";
import { createPayment } from "#tests/factories/payments";
import { createBid, openMissionWithBusiness } from "#tests/factories/proposals";
import { createBusiness, createSecretary, defaultPassword } from "#tests/factories/users";

const NAME = "Zoé Quintard";
const PHONE = "06 98 76 54 32";
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const KEPT_TABLES = new Set(["Invoice", "RetainedRecord", "_prisma_migrations"]);

beforeEach(() => {
  resetMessageLimits();
  resetAllLimits();
});

const erase = (actorId: string, password = defaultPassword) =>
  eraseAccount({ actorId, input: { password, confirm: "on" } });

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** Every row of every table (but those kept by law) that mentions one of the needles. */
async function rowsMentioning(needles: string[]) {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    if (KEPT_TABLES.has(name)) continue;
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    for (const row of rows) {
      const text = JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
      for (const needle of needles) if (text.includes(needle)) found.push(`${name}: ${needle}`);
    }
  }
  return found;
}

/** A secretary with a finished, invoiced and paid contract, a bid, a thread, a file, reports… */
async function secretaryWithHistory() {
  const secretary = await createSecretary({ status: "PUBLISHED", displayName: NAME });
  await db.secretaryProfile.update({
    where: { userId: secretary.id },
    data: { bio: `Joignable au ${PHONE}`, headline: `${NAME}, secrétaire médicale` },
  });
  const invoiced = await createInvoicedContract({ contract: { status: "COMPLETED", secretary } });
  await db.payoutAccount.create({
    data: { userId: secretary.id, stripeAccountId: "acct_zoe_1", transfersActive: true },
  });
  const payment = await createPayment({
    contractId: invoiced.contract.id,
    status: "SUCCEEDED",
    amountCents: 10500,
    feeCents: 1050,
    shares: [
      { payeeKey: `user:${secretary.id}`, payeeUserId: secretary.id, workAmountCents: 10500, feeCents: 1050 },
    ],
  });
  await db.payout.updateMany({
    where: { paymentId: payment.id },
    data: { status: "SENT", sentAt: new Date("2026-12-02") },
  });
  const { business, mission } = await openMissionWithBusiness();
  const bid = await createBid(mission.id, secretary);
  await db.proposal.update({ where: { id: bid.id }, data: { coverLetter: `Appelez ${NAME} au ${PHONE}` } });
  const { id: conversationId } = await openMissionConversation(db, {
    missionId: mission.id,
    bidderKey: `user:${secretary.id}`,
  });
  const say = (actorId: string, body: string, attachment?: { fileName: string; bytes: Uint8Array }) =>
    sendMessage({ actorId, conversationId, clientId: newClientId(), body, attachment });
  const { message: hers } = await say(secretary.id, `Mon numéro : ${PHONE}, ou ${secretary.email}`, {
    fileName: "cv.pdf",
    bytes: pdf,
  });
  const { message: theirs } = await say(business.id, "Merci, nous vous rappelons.");
  await db.report.create({
    data: { reporterId: secretary.id, targetType: "MESSAGE", targetId: theirs.id, reason: "SPAM" },
  });
  await db.report.create({
    data: {
      reporterId: business.id,
      targetType: "MESSAGE",
      targetId: hers.id,
      reason: "CONTACT_DETAILS",
      snapshot: { body: hers.body, senderName: NAME },
    },
  });
  await db.confidentialityPledge.create({ data: { userId: secretary.id, version: "v1", fullName: NAME } });
  await db.notificationPreference.create({ data: { userId: secretary.id, emailMode: "DAILY" } });
  await db.session.create({
    data: { id: `s-${secretary.id}`, userId: secretary.id, expiresAt: new Date(Date.now() + 3600_000) },
  });
  await db.emailOutbox.create({
    data: {
      userId: secretary.id,
      to: secretary.email,
      subject: `Bonjour ${NAME}`,
      text: "…",
      html: "…",
      kind: "DIGEST",
    },
  });
  await db.review.create({
    data: {
      contractId: invoiced.contract.id,
      authorId: secretary.id,
      authorSide: "PROVIDER",
      subjectOrganizationId: invoiced.business.organization.id,
      rating: 5,
      reliability: 5,
      quality: 5,
      communication: 5,
      comment: "Cabinet très bien organisé.",
    },
  });
  const storageKey = (await db.messageAttachment.findFirstOrThrow({ where: { messageId: hers.id } }))
    .storageKey;
  return { secretary, invoiced, business, conversationId, hers, theirs, storageKey };
}

describe("eraseAccount", () => {
  it("leaves nothing that names her, keeps the invoices, archives the legal records for 10 years", async () => {
    const s = await secretaryWithHistory();
    const needles = [s.secretary.email, NAME, PHONE, "0698765432"];
    expect((await rowsMentioning(needles)).length).toBeGreaterThan(5);
    const invoicesBefore = await db.invoice.findMany({ orderBy: { id: "asc" } });
    const now = new Date();

    await erase(s.secretary.id);

    expect(await rowsMentioning(needles)).toEqual([]);
    expect(await db.invoice.findMany({ orderBy: { id: "asc" } })).toEqual(invoicesBefore);
    const user = await db.user.findUniqueOrThrow({ where: { id: s.secretary.id } });
    expect(user).toMatchObject({
      email: `supprime-${s.secretary.id}@invalid`,
      displayName: "Compte supprimé",
    });
    expect(user.anonymizedAt).not.toBeNull();
    const records = await db.retainedRecord.findMany({ where: { formerUserId: s.secretary.id } });
    expect(records.map((r) => r.kind).sort()).toEqual([
      "BILLING_MANDATE",
      "INVOICING_IDENTITY",
      "PAYOUT_ACCOUNT",
      "TAX_RECORD",
    ]);
    const tenYears = now.getTime() + 10 * 365.25 * 24 * 3600_000;
    for (const r of records)
      expect(Math.abs(r.retainUntil.getTime() - tenYears)).toBeLessThan(2 * 24 * 3600_000);
    expect(records.find((r) => r.kind === "TAX_RECORD")!.payload).toMatchObject({
      quarters: [{ quarter: "2026-T4", workAmountCents: 10500, feeCents: 1050, contractCount: 1 }],
    });
  });

  it("replaces her messages, removes her files, withdraws her bid and takes her profile out of search", async () => {
    const s = await secretaryWithHistory();
    await erase(s.secretary.id);
    const messages = await db.message.findMany({
      where: { conversationId: s.conversationId },
      orderBy: { seq: "asc" },
    });
    expect(messages.map((m) => [m.body, m.maskedBody])).toEqual([
      ["Message supprimé", null],
      ["Merci, nous vous rappelons.", null],
    ]);
    expect(await db.messageAttachment.count()).toBe(0);
    await expect(getFileStorage().read(s.storageKey)).rejects.toThrow();
    expect(await db.secretaryProfile.count({ where: { id: s.secretary.profile.id } })).toBe(0);
    expect(
      await db.searchOutbox.count({
        where: { indexName: "secretaries", documentId: s.secretary.profile.id },
      }),
    ).toBeGreaterThan(0);
    expect(await db.proposal.count({ where: { bidderUserId: s.secretary.id, live: true } })).toBe(0);
    expect(await db.proposal.count({ where: { bidderUserId: s.secretary.id, status: "WITHDRAWN" } })).toBe(1);
    expect(await db.session.count({ where: { userId: s.secretary.id } })).toBe(0);
    expect(await db.report.count({ where: { reporterId: s.secretary.id } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: s.business.id } })).email).toBe(s.business.email);
  });

  it("deletes her attestations de vigilance and their files, without archiving them", async () => {
    const secretary = await createSecretary({ displayName: NAME });
    const issuedOn = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
    await uploadVigilanceCertificate({
      actorId: secretary.id,
      input: { issuedOn, fileName: "attestation-urssaf.pdf", bytes: pdf },
    });
    const { storageKey } = await db.vigilanceCertificate.findFirstOrThrow({ where: { userId: secretary.id } });
    const other = await createSecretary();
    await uploadVigilanceCertificate({
      actorId: other.id,
      input: { issuedOn, fileName: "autre.pdf", bytes: pdf },
    });

    const result = await erase(secretary.id);

    expect(await db.vigilanceCertificate.count({ where: { userId: secretary.id } })).toBe(0);
    await expect(getFileStorage().read(storageKey)).rejects.toThrow();
    expect(result.filesRemoved).toBe(1);
    expect(await db.retainedRecord.count({ where: { formerUserId: secretary.id } })).toBe(0);
    expect(await db.vigilanceCertificate.count({ where: { userId: other.id } })).toBe(1);
  });

  it("refuses while she is party to a live contract, in French, and changes nothing", async () => {
    for (const status of ["ACTIVE", "PENDING", "DISPUTED"] as const) {
      const { secretary } = await createContract({ status });
      const error = await refusal(erase(secretary.id));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toMatch(/contrat en cours/);
      expect((await db.user.findUniqueOrThrow({ where: { id: secretary.id } })).anonymizedAt).toBeNull();
    }
  });

  it("refuses while a transfer to her is pending", async () => {
    const { secretary, contract } = await createContract({ status: "COMPLETED" });
    await createPayment({
      contractId: contract.id,
      status: "SUCCEEDED",
      amountCents: 1000,
      feeCents: 100,
      shares: [
        { payeeKey: `user:${secretary.id}`, payeeUserId: secretary.id, workAmountCents: 1000, feeCents: 100 },
      ],
    });
    expect((await refusal(erase(secretary.id))).message).toMatch(/versement est en cours/);
  });

  it("refuses the only owner of an organization with other members; a sole member may go", async () => {
    const owner = await createBusiness({ displayName: "Paule Seule" });
    const colleague = await createBusiness();
    await db.membership.create({
      data: { userId: colleague.id, organizationId: owner.organization.id, role: "MEMBER" },
    });
    expect((await refusal(erase(owner.id))).message).toMatch(/seule propriétaire de « Cabinet Test »/);
    const { business: alone, mission } = await openMissionWithBusiness();
    const bid = await createBid(mission.id, await createSecretary({ status: "PUBLISHED" }));
    await erase(alone.id);
    expect(await db.membership.count({ where: { userId: alone.id } })).toBe(0);
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).status).toBe("CANCELLED");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: bid.id } })).status).toBe("EXPIRED");
  });

  it("refuses a wrong password without changing anything", async () => {
    const s = await secretaryWithHistory();
    const error = await refusal(erase(s.secretary.id, "pas-le-bon"));
    expect(error).toMatchObject({
      code: "VALIDATION",
      message: "Mot de passe incorrect : votre compte n’a pas été supprimé.",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: s.secretary.id } })).email).toBe(
      s.secretary.email,
    );
    expect(await db.retainedRecord.count({ where: { formerUserId: s.secretary.id } })).toBe(0);
    expect(await getFileStorage().read(s.storageKey)).toBeInstanceOf(Buffer);
  });
});

describe("startRetentionPurge", () => {
  it("deletes the archive records past their retention, and only those", async () => {
    const now = new Date();
    const record = (retainUntil: Date) =>
      db.retainedRecord.create({
        data: { formerUserId: "u1", kind: "TAX_RECORD", payload: {}, retainUntil },
      });
    const expired = await record(new Date(now.getTime() - 1000));
    const kept = await record(new Date(now.getTime() + 24 * 3600_000));
    const archived = await db.retainedRecord.count();
    const job = startRetentionPurge({
      poll: false,
      now: () => now,
      logger: { info: () => {}, error: () => {} },
    });
    expect(await job.runOnce()).toEqual({ deleted: 1 });
    await job.stop();
    const left = (await db.retainedRecord.findMany({ select: { id: true } })).map((r) => r.id);
    expect(left).toContain(kept.id);
    expect(left).not.toContain(expired.id);
    expect(left).toHaveLength(archived - 1);
  });
});
