// The reports queue's context and its actions (dismiss, hide the message or the review, suspend): each closes the report (who, when, what),
// writes exactly one audit row and tells the reporter.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetMessageLimits } from "#app/domain/chat/chat-rate-limit.server";
import { getConversation, sendMessage } from "#app/domain/chat/chat.server";
import { reportListing } from "#app/domain/reports/listing-reports.server";
import { reportMessage } from "#app/domain/reports/reports.server";
import { submitReview } from "#app/domain/reviews/reviews.server";
import { db } from "#app/lib/db.server";
import * as reportsPage from "#app/routes/moderation+/signalements";
import { missionConversation, newClientId } from "#tests/factories/chat";
import { notificationsOf } from "#tests/factories/notifications";
import { createCompletedContract, reviewInput } from "#tests/factories/reviews";
import { createBusiness, createSecretary, createStaff } from "#tests/factories/users";
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

async function reportedReview() {
  const { contract, business, secretary } = await createCompletedContract();
  const input = reviewInput({ rating: 1, comment: "Une incompétente, fuyez." });
  const { reviewId } = await submitReview({ actorId: business.id, contractId: contract.id, input });
  await submitReview({ actorId: secretary.id, contractId: contract.id, input: reviewInput() });
  const { reportId } = await reportListing({
    actorId: secretary.id,
    targetType: "REVIEW",
    targetId: reviewId,
    reason: "HARASSMENT",
  });
  return { business, secretary, reviewId, reportId };
}

const profileRating = (userId: string) =>
  db.secretaryProfile.findUniqueOrThrow({
    where: { userId },
    select: { ratingAverage: true, ratingCount: true },
  });

describe("review reports", () => {
  it("shows the review as it was reported, with its author", async () => {
    const r = await reportedReview();
    const page = await runRoute(
      reportsPage.loader,
      await getRequest("/moderation/signalements", { userId: moderator.id }),
    );
    expect(page.data.reports.find((report: { id: string }) => report.id === r.reportId)).toMatchObject({
      targetType: "REVIEW",
      listing: { kind: "REVIEW" },
      review: { rating: 1, comment: "Une incompétente, fuyez.", authorSide: "BUSINESS", hidden: false },
      reportedUser: { id: r.business.id },
    });
  });

  it("hides the review from the report: rating recomputed, one audit row, reporter notified", async () => {
    const r = await reportedReview();
    expect(await profileRating(r.secretary.id)).toMatchObject({ ratingCount: 1, ratingAverage: 1 });
    const result = await act({ intent: "hide-review", reportId: r.reportId, reason: "Propos injurieux" });
    expect(result.location).toBe("/moderation/signalements?fait=hide-review");
    expect(await reportRow(r.reportId)).toMatchObject({
      status: "RESOLVED",
      resolution: "Avis masqué — Propos injurieux",
      resolvedById: moderator.id,
    });
    const review = await db.review.findUniqueOrThrow({ where: { id: r.reviewId } });
    expect(review).toMatchObject({ hiddenAt: expect.any(Date), hiddenReason: "Propos injurieux" });
    expect(await profileRating(r.secretary.id)).toMatchObject({ ratingCount: 0, ratingAverage: null });
    const audits = await db.auditLog.findMany({
      where: { targetId: { in: [r.reportId, r.reviewId, r.business.id] } },
      select: { action: true, targetType: true, after: true },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "REVIEW_HIDE",
      targetType: "Review",
      after: { reportId: r.reportId },
    });
    expect((await notificationsOf(r.secretary.id)).at(-1)).toMatchObject({ type: "MODERATION_OUTCOME" });
  });

  it("refuses to hide a message's report as a review, without writing anything", async () => {
    const r = await reported();
    const wrong = await act({ intent: "hide-review", reportId: r.reportId, reason: "Erreur de bouton" });
    expect(wrong.status).toBe(400);
    expect(wrong.data.error).toMatch(/ne vise pas un avis/);
    expect((await reportRow(r.reportId)).status).toBe("OPEN");
    expect(await auditsFor(r.reportId)).toHaveLength(0);
  });
});

describe("the queue is for staff only", () => {
  it("refuses businesses and secretaries, on the page and its actions", async () => {
    const r = await reportedReview();
    for (const user of [await createBusiness(), await createSecretary()]) {
      const page = await runRoute(
        reportsPage.loader,
        await getRequest("/moderation/signalements", { userId: user.id }),
      );
      expect(page.status).toBe(403);
      const action = await act({ intent: "hide-review", reportId: r.reportId, reason: "Tentative" }, user.id);
      expect(action.status).toBe(403);
    }
    expect((await db.review.findUniqueOrThrow({ where: { id: r.reviewId } })).hiddenAt).toBeNull();
  });
});
