// Hiding and restoring a mission from its staff page: out of search and off its public page for
// everyone but its business and staff, one audit row per action, the author told.
import { beforeAll, describe, expect, it } from "vitest";
import { askQuestion } from "#app/domain/chat/chat.server";
import { db } from "#app/lib/db.server";
import * as missionPage from "#app/routes/missions+/$missionId";
import * as staffMissionPage from "#app/routes/moderation+/missions.$missionId";
import { getSearchEngine } from "#search/engine-factory";
import { notificationsOf } from "#tests/factories/notifications";
import { openMissionWithBusiness, publishedSecretary } from "#tests/factories/proposals";
import { drainSearchOutbox } from "#tests/factories/search-profiles";
import { createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

let moderator: { id: string };
beforeAll(async () => {
  moderator = await createStaff("MODERATOR");
});

async function missionIdsInSearch(): Promise<string[]> {
  await drainSearchOutbox();
  const engine = await getSearchEngine();
  const response = await engine.search({
    index: "missions",
    text: "",
    filters: {},
    sort: "newest",
    facets: [],
    page: 1,
    perPage: 100,
  });
  return response.hits.map((hit: { id: string }) => hit.id);
}

const decide = async (missionId: string, fields: Record<string, string>) =>
  runRoute(
    staffMissionPage.action,
    await formRequest(`/moderation/missions/${missionId}`, fields, { userId: moderator.id }),
    { missionId },
  );

const view = async (missionId: string, userId?: string) =>
  (await runRoute(missionPage.loader, await getRequest(`/missions/${missionId}`, { userId }), { missionId }))
    .status;

describe("hiding a mission", () => {
  it("takes it out of search and off its public page, with one audit row; restoring brings it back", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary("Zoé Lemaire");
    expect(await missionIdsInSearch()).toContain(mission.id);

    const hidden = await decide(mission.id, { intent: "hide", reason: "Annonce trompeuse" });
    expect(hidden.location).toBe(`/moderation/missions/${mission.id}?fait=hide`);
    expect(await missionIdsInSearch()).not.toContain(mission.id);
    expect(await view(mission.id)).toBe(404);
    expect(await view(mission.id, secretary.id)).toBe(404);
    expect(await view(mission.id, business.id)).toBe(200);
    expect(await view(mission.id, moderator.id)).toBe(200);
    expect((await notificationsOf(business.id)).at(-1)).toMatchObject({
      type: "MODERATION_OUTCOME",
      title: expect.stringMatching(/^Mission masquée/),
    });

    const restored = await decide(mission.id, { intent: "restore", reason: "Annonce corrigée" });
    expect(restored.location).toBe(`/moderation/missions/${mission.id}?fait=restore`);
    expect(await missionIdsInSearch()).toContain(mission.id);
    expect(await view(mission.id, secretary.id)).toBe(200);

    const audits = await db.auditLog.findMany({
      where: {
        targetType: "Mission",
        targetId: mission.id,
        action: { in: ["MISSION_HIDE", "MISSION_RESTORE"] },
      },
      orderBy: { createdAt: "asc" },
      select: { action: true, reason: true, before: true, after: true, actorId: true },
    });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({
      action: "MISSION_HIDE",
      reason: "Annonce trompeuse",
      before: { hiddenAt: null },
    });
    expect(audits[1]).toMatchObject({
      action: "MISSION_RESTORE",
      after: { hiddenAt: null },
      actorId: moderator.id,
    });
  });

  it("requires a reason and refuses hiding twice", async () => {
    const { mission } = await openMissionWithBusiness();
    const missing = await decide(mission.id, { intent: "hide", reason: "" });
    expect(missing.status).toBe(400);
    expect(missing.data.visibilityError).toBe("Indiquez pourquoi la mission est masquée.");
    await decide(mission.id, { intent: "hide", reason: "Doublon" });
    const again = await decide(mission.id, { intent: "hide", reason: "Doublon" });
    expect(again.status).toBe(409);
    expect(await db.auditLog.count({ where: { targetId: mission.id, action: "MISSION_HIDE" } })).toBe(1);
  });

  it("takes no question (nor bid) on a hidden mission", async () => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary("Ida Question");
    await decide(mission.id, { intent: "hide", reason: "Annonce trompeuse" });
    const refused = await askQuestion({
      actorId: secretary.id,
      missionId: mission.id,
      clientId: crypto.randomUUID(),
      body: "Est-ce toujours d’actualité ?",
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.conversation.count({ where: { missionId: mission.id } })).toBe(0);
  });
});
