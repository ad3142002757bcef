// Reporting a public profile, the person behind it, a mission or a published review from its page
// (POST /signaler), and the report in the staff queue with its context.
import { describe, expect, it } from "vitest";
import { listOpenReports } from "#app/domain/reports/reports.server";
import { submitReview } from "#app/domain/reviews/reviews.server";
import { db } from "#app/lib/db.server";
import * as reportRoute from "#app/routes/signaler";
import { openMissionWithBusiness, publishedSecretary } from "#tests/factories/proposals";
import { createCompletedContract, reviewInput } from "#tests/factories/reviews";
import { createBusiness, createStaff } from "#tests/factories/users";
import { formRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const report = async (fields: Record<string, string>, userId?: string) =>
  runRoute(reportRoute.action, await formRequest("/signaler", fields, { userId }));

describe("POST /signaler", () => {
  it("reports a published profile once, then says it was already reported", async () => {
    const secretary = await publishedSecretary("Léa Profil");
    const business = await createBusiness();
    const slug = (await db.secretaryProfile.findUniqueOrThrow({ where: { userId: secretary.id } })).slug;
    const fields = { targetType: "PROFILE", targetId: slug, reason: "FRAUD", details: "Diplôme inventé" };
    const first = await report(fields, business.id);
    expect(first.location).toBe(`/secretaires/${slug}?signale=ok`);
    const row = await db.report.findFirstOrThrow({ where: { reporterId: business.id } });
    expect(row).toMatchObject({
      targetType: "PROFILE",
      targetId: secretary.profile.id,
      reason: "FRAUD",
      details: "Diplôme inventé",
      status: "OPEN",
      snapshot: { kind: "PROFILE", userId: secretary.id, name: "Léa Profil", link: `/secretaires/${slug}` },
    });
    expect((await report(fields, business.id)).location).toBe(`/secretaires/${slug}?signale=doublon`);
    expect(await db.report.count({ where: { reporterId: business.id } })).toBe(1);
  });

  it("reports a mission, refuses one's own, and hides a hidden mission from reporters", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary("Nina Rapport");
    const fields = { targetType: "MISSION", targetId: mission.id, reason: "SPAM" };
    expect((await report(fields, secretary.id)).location).toBe(`/missions/${mission.id}?signale=ok`);
    expect((await report(fields, business.id)).location).toBe(`/missions/${mission.id}?signale=refus`);

    const moderator = await createStaff("MODERATOR");
    const { reports } = await listOpenReports({ actor: { ...moderator, role: "MODERATOR" } });
    expect(reports.find((r) => r.targetId === mission.id)).toMatchObject({
      targetType: "MISSION",
      listing: { kind: "MISSION", title: mission.title, link: `/missions/${mission.id}` },
      reportedUser: { id: business.id, openReports: 1 },
      snapshot: null,
    });

    await db.mission.update({ where: { id: mission.id }, data: { hiddenAt: new Date() } });
    const other = await publishedSecretary("Olga Autre");
    expect((await report(fields, other.id)).status).toBe(404);
  });

  it("sends visitors to the login page and refuses an unknown reason", async () => {
    const visitor = await report({ targetType: "MISSION", targetId: "x", reason: "SPAM" });
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/connexion/);
    const business = await createBusiness();
    const bad = await report({ targetType: "MISSION", targetId: "x", reason: "NOPE" }, business.id);
    expect(bad.status).toBe(400);
  });

  it("reports the person behind a profile: USER by her id, resolved from the slug", async () => {
    const secretary = await publishedSecretary("Léa Personne");
    const business = await createBusiness();
    const slug = (await db.secretaryProfile.findUniqueOrThrow({ where: { userId: secretary.id } })).slug;
    const fields = { targetType: "USER", targetId: slug, reason: "HARASSMENT" };
    expect((await report(fields, business.id)).location).toBe(`/secretaires/${slug}?signale=ok`);
    const row = await db.report.findFirstOrThrow({ where: { reporterId: business.id } });
    expect(row).toMatchObject({
      targetType: "USER",
      targetId: secretary.id,
      snapshot: { kind: "USER", userId: secretary.id, name: "Léa Personne" },
    });
    expect((await report(fields, business.id)).location).toBe(`/secretaires/${slug}?signale=doublon`);
    expect((await report(fields, secretary.id)).location).toBe(`/secretaires/${slug}?signale=refus`);

    const moderator = await createStaff("MODERATOR");
    const { reports } = await listOpenReports({ actor: { ...moderator, role: "MODERATOR" } });
    expect(reports.find((r) => r.id === row.id)).toMatchObject({
      listing: { kind: "USER", name: "Léa Personne", link: `/secretaires/${slug}` },
      reportedUser: { id: secretary.id, name: "Léa Personne", openReports: 1, suspended: false },
      reportedUserKind: "SECRETARY",
      review: null,
    });
  });

  it("reports a published review once, never one's own, nor an unpublished or hidden one", async () => {
    const { contract, business, secretary } = await createCompletedContract();
    const slug = (await db.secretaryProfile.findUniqueOrThrow({ where: { userId: secretary.id } })).slug;
    const input = reviewInput({ rating: 1, comment: "Injurieux et faux." });
    const { reviewId } = await submitReview({ actorId: business.id, contractId: contract.id, input });
    const fields = { targetType: "REVIEW", targetId: reviewId, reason: "HARASSMENT" };
    const reader = await createBusiness();
    // Not published yet (double blind): nobody can see it, so it is not found.
    expect((await report(fields, reader.id)).status).toBe(404);
    await submitReview({ actorId: secretary.id, contractId: contract.id, input: reviewInput() });

    const back = `/secretaires/${slug}?signale=ok&avis=${reviewId}#avis-${reviewId}`;
    expect((await report(fields, secretary.id)).location).toBe(back);
    expect((await report(fields, secretary.id)).location).toBe(back.replace("=ok", "=doublon"));
    expect((await report(fields, business.id)).location).toBe(back.replace("=ok", "=refus"));
    const row = await db.report.findFirstOrThrow({ where: { targetType: "REVIEW", targetId: reviewId } });
    expect(row).toMatchObject({
      reporterId: secretary.id,
      snapshot: {
        kind: "REVIEW",
        userId: business.id,
        review: { rating: 1, comment: "Injurieux et faux.", authorSide: "BUSINESS" },
      },
    });
    expect(await db.report.count({ where: { targetType: "REVIEW" } })).toBe(1);

    await db.review.update({ where: { id: reviewId }, data: { hiddenAt: new Date() } });
    expect((await report(fields, reader.id)).status).toBe(404);
  });
});
