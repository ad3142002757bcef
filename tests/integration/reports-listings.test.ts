// Reporting a public profile or a mission from its page (POST /signaler), and the report in the
// staff queue with a link to the listing.
import { describe, expect, it } from "vitest";
import { listOpenReports } from "#app/domain/reports/reports.server";
import { db } from "#app/lib/db.server";
import * as reportRoute from "#app/routes/signaler";
import { openMissionWithBusiness, publishedSecretary } from "#tests/factories/proposals";
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
});
