// The reports queue's context and its three actions: each closes the report (who, when, what),
// writes exactly one audit row and tells the reporter.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetMessageLimits } from "#app/domain/chat/chat-rate-limit.server";
import { getConversation, sendMessage } from "#app/domain/chat/chat.server";
import { reportMessage } from "#app/domain/reports/reports.server";
import { db } from "#app/lib/db.server";
import * as reportsPage from "#app/routes/moderation+/signalements";
import { missionConversation, newClientId } from "#tests/factories/chat";
import { notificationsOf } from "#tests/factories/notifications";
import { createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

let moderator: { id: string };
beforeAll(async () => {
  moderator = await createStaff("MODERATOR", { displayName: "Marc Modérateur" });
});
beforeEach(() => resetMessageLimits());

async function reported() {
  const parties = await missionConversation({ title: "Accueil du cabinet dentaire" });
  const { message } = await sendMessage({
    actorId: parties.secretary.id,
    conversationId: parties.conversationId,
    clientId: newClientId(),
    body: "Payez-moi en liquide, c’est plus simple.",
  });
  const { reportId } = await reportMessage({
    actorId: parties.business.id,
    messageId: message.id,
    reason: "FRAUD",
  });
  return { ...parties, message, reportId };
}

const act = async (fields: Record<string, string>, userId = moderator.id) =>
  runRoute(reportsPage.action, await formRequest("/moderation/signalements", fields, { userId }));

const reportRow = (id: string) =>
  db.report.findUniqueOrThrow({
    where: { id },
    select: { status: true, resolution: true, resolvedById: true, resolvedAt: true },
  });

const auditsFor = (...targetIds: string[]) =>
  db.auditLog.findMany({
    where: { targetId: { in: targetIds } },
    select: { action: true, targetType: true },
  });

describe("the queue", () => {
  it("shows each report with its conversation, author and her count of open reports", async () => {
    const r = await reported();
    const page = await runRoute(
      reportsPage.loader,
      await getRequest("/moderation/signalements", { userId: moderator.id }),
    );
    const shown = page.data.reports.find((report: { id: string }) => report.id === r.reportId);
    expect(shown).toMatchObject({
      targetType: "MESSAGE",
      targetId: r.message.id,
      context: { conversationKind: "MISSION", missionTitle: "Accueil du cabinet dentaire" },
      reportedUser: { id: r.secretary.id, name: "Claire Morel", openReports: 1, suspended: false },
      messageHidden: false,
      snapshot: { body: "Payez-moi en liquide, c’est plus simple." },
    });
  });
});

describe("queue actions", () => {
  it("dismisses with a reason: report closed, one audit row, reporter notified", async () => {
    const r = await reported();
    const result = await act({ intent: "dismiss", reportId: r.reportId, reason: "Plaisanterie entre eux" });
    expect(result.location).toBe("/moderation/signalements?fait=dismiss");
    expect(await reportRow(r.reportId)).toMatchObject({
      status: "DISMISSED",
      resolution: "Classé sans suite — Plaisanterie entre eux",
      resolvedById: moderator.id,
      resolvedAt: expect.any(Date),
    });
    expect(await auditsFor(r.reportId, r.secretary.id, r.message.id)).toEqual([
      { action: "REPORT_DISMISS", targetType: "Report" },
    ]);
    expect((await notificationsOf(r.business.id)).at(-1)).toMatchObject({ type: "MODERATION_OUTCOME" });
    expect((await db.message.findUniqueOrThrow({ where: { id: r.message.id } })).hiddenAt).toBeNull();
  });

  it("hides the message: the conversation shows a notice instead", async () => {
    const r = await reported();
    await act({ intent: "hide-message", reportId: r.reportId, reason: "Incitation à payer hors plateforme" });
    expect((await reportRow(r.reportId)).status).toBe("RESOLVED");
    expect((await db.message.findUniqueOrThrow({ where: { id: r.message.id } })).hiddenAt).not.toBeNull();
    const view = await getConversation({ actorId: r.business.id, conversationId: r.conversationId });
    const message = view.messages.find((m) => m.id === r.message.id);
    expect(message?.hidden).toBe(true);
    expect(message?.body).not.toContain("liquide");
    expect(await auditsFor(r.reportId, r.secretary.id, r.message.id)).toEqual([
      { action: "REPORT_HIDE_MESSAGE", targetType: "Report" },
    ]);
    expect((await notificationsOf(r.business.id)).at(-1)?.type).toBe("MODERATION_OUTCOME");
  });

  it("suspends the sender through the suspension use case, with one audit row naming the report", async () => {
    const r = await reported();
    const result = await act({ intent: "suspend-sender", reportId: r.reportId, reason: "Fraude avérée" });
    expect(result.location).toBe("/moderation/signalements?fait=suspend-sender");
    expect((await reportRow(r.reportId)).status).toBe("RESOLVED");
    const user = await db.user.findUniqueOrThrow({ where: { id: r.secretary.id } });
    expect(user.suspendedAt).not.toBeNull();
    expect((await db.proposal.findUniqueOrThrow({ where: { id: r.proposal.id } })).status).toBe("WITHDRAWN");
    const audits = await db.auditLog.findMany({
      where: { targetId: { in: [r.reportId, r.secretary.id, r.message.id] } },
      select: { action: true, targetType: true, after: true },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "USER_SUSPEND",
      targetType: "User",
      after: { reportId: r.reportId },
    });
    expect((await notificationsOf(r.business.id)).at(-1)?.type).toBe("MODERATION_OUTCOME");
  });

  it("refuses a report already handled, and a missing reason, without writing anything", async () => {
    const r = await reported();
    const missing = await act({ intent: "dismiss", reportId: r.reportId, reason: " " });
    expect(missing.status).toBe(400);
    expect(missing.data).toMatchObject({
      reportId: r.reportId,
      error: "Indiquez pourquoi le signalement est classé.",
    });
    await act({ intent: "dismiss", reportId: r.reportId, reason: "Rien à signaler" });
    const again = await act({ intent: "hide-message", reportId: r.reportId, reason: "Finalement si" });
    expect(again.status).toBe(409);
    expect(again.data.error).toMatch(/déjà été traité/);
    expect((await db.message.findUniqueOrThrow({ where: { id: r.message.id } })).hiddenAt).toBeNull();
    expect(await auditsFor(r.reportId)).toHaveLength(1);
  });
});
