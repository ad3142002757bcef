import { beforeEach, describe, expect, it } from "vitest";
import { resetMessageLimits } from "#app/domain/chat/chat-rate-limit.server";
import { sendMessage } from "#app/domain/chat/chat.server";
import { listOpenReports, reportMessage } from "#app/domain/reports/reports.server";
import { reportMessages, reportReasonLabels } from "#app/domain/reports/reports.schema";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import * as reportsPage from "#app/routes/moderation+/signalements";
import { missionConversation, newClientId } from "#tests/factories/chat";
import { publishedSecretary } from "#tests/factories/proposals";
import { createStaff } from "#tests/factories/users";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

beforeEach(() => resetMessageLimits());

async function rejection(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function reportedSetup() {
  const parties = await missionConversation();
  const body = "Appelez-moi au 06 12 34 56 78, on s’arrange sans la plateforme.";
  const { message } = await sendMessage({
    actorId: parties.secretary.id,
    conversationId: parties.conversationId,
    clientId: newClientId(),
    body,
  });
  return { ...parties, message, body };
}

describe("reportMessage", () => {
  it("records the report with a snapshot of the message as it was", async () => {
    const { business, secretary, conversationId, message, body } = await reportedSetup();
    const { reportId } = await reportMessage({
      actorId: business.id,
      messageId: message.id,
      reason: "CONTACT_DETAILS",
      details: "  Elle veut être payée en direct.  ",
    });
    await db.message.update({ where: { id: message.id }, data: { body: "modifié", hiddenAt: new Date() } });
    const row = await db.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(row).toMatchObject({
      reporterId: business.id,
      targetType: "MESSAGE",
      targetId: message.id,
      reason: "CONTACT_DETAILS",
      details: "Elle veut être payée en direct.",
      status: "OPEN",
      snapshot: { body, senderId: secretary.id, senderName: "Claire Morel", conversationId, seq: 1 },
    });
  });

  it("refuses a second report of the same message by the same person, kindly", async () => {
    const { business, message } = await reportedSetup();
    await reportMessage({ actorId: business.id, messageId: message.id, reason: "SPAM" });
    const again = await rejection(
      reportMessage({ actorId: business.id, messageId: message.id, reason: "FRAUD" }),
    );
    expect(again).toMatchObject({ code: "CONFLICT", message: reportMessages.duplicate });
    expect(await db.report.count({ where: { targetId: message.id } })).toBe(1);
  });

  it("refuses one's own message, an outsider, a wrong conversation and an unknown reason", async () => {
    const { secretary, conversationId, message } = await reportedSetup();
    const stranger = await publishedSecretary("Zoé Inconnue");
    const staff = await createStaff("MODERATOR");
    const other = await missionConversation();
    const own = await rejection(
      reportMessage({ actorId: secretary.id, messageId: message.id, reason: "SPAM" }),
    );
    expect(own).toMatchObject({ code: "FORBIDDEN", message: reportMessages.ownMessage });
    for (const outsider of [stranger, staff]) {
      const refused = await rejection(
        reportMessage({ actorId: outsider.id, messageId: message.id, reason: "SPAM" }),
      );
      expect(refused).toMatchObject({ code: "NOT_FOUND", message: reportMessages.notFound });
    }
    const crossed = reportMessage({
      actorId: other.business.id,
      conversationId: other.conversationId,
      messageId: message.id,
      reason: "SPAM",
    });
    expect((await rejection(crossed)).code).toBe("NOT_FOUND");
    const badReason = reportMessage({
      actorId: other.business.id,
      messageId: message.id,
      reason: "DROP TABLE",
    });
    expect(await rejection(badReason)).toMatchObject({ code: "VALIDATION", message: reportMessages.reason });
    expect(await db.report.count({ where: { targetId: message.id } })).toBe(0);
    expect(conversationId).toBeTruthy();
  });
});

describe("the staff queue", () => {
  it("lists open reports oldest first for staff only", async () => {
    const { business, message, body } = await reportedSetup();
    await reportMessage({ actorId: business.id, messageId: message.id, reason: "PATIENT_DATA" });
    const moderator = await createStaff("MODERATOR");
    const { reports, total } = await listOpenReports({ actor: { ...moderator, role: "MODERATOR" } });
    expect(total).toBe(await db.report.count({ where: { status: "OPEN" } }));
    expect(reports.at(-1)).toMatchObject({
      reason: "PATIENT_DATA",
      reasonLabel: reportReasonLabels.PATIENT_DATA,
      reporterName: "Anne Lefèvre",
      snapshot: { body, senderName: "Claire Morel" },
    });
    expect((await rejection(listOpenReports({ actor: { id: business.id, role: "USER" } }))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("/moderation/signalements: staff 200, other accounts 403, visitors to the login page", async () => {
    const { business, secretary, message } = await reportedSetup();
    await reportMessage({ actorId: business.id, messageId: message.id, reason: "HARASSMENT" });
    const admin = await createStaff("ADMIN");
    const page = await runRoute(
      reportsPage.loader,
      await getRequest("/moderation/signalements", { userId: admin.id }),
    );
    expect(page.status).toBe(200);
    expect(page.data.reports.map((r: { reason: string }) => r.reason)).toContain("HARASSMENT");
    for (const user of [business, secretary]) {
      const refused = await runRoute(
        reportsPage.loader,
        await getRequest("/moderation/signalements", { userId: user.id }),
      );
      expect(refused.status).toBe(403);
    }
    const visitor = await runRoute(reportsPage.loader, await getRequest("/moderation/signalements"));
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/connexion/);
  });
});
