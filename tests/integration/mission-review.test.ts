// Staff review of missions through the real routes: queue, review page, decisions (status,
// history, audit, outbox, e-mail), authorization for every role, and the sync to the real engine.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import * as review from "#app/routes/moderation+/missions.$missionId";
import * as queuePage from "#app/routes/moderation+/missions._index";
import { getSearchEngine } from "#search/engine-factory";
import { enqueueOrganizationMissions } from "#search/sync/mission-document";
import { transitionMission } from "#app/domain/missions/mission-transition.server";
import { createMission, missionBusiness, openMission } from "#tests/factories/mission-rows";
import { mailsTo } from "#tests/factories/moderation";
import { drainSearchOutbox } from "#tests/factories/search-profiles";
import { createAgencyOwner, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

let moderator: { id: string };
let admin: { id: string };
let business: Awaited<ReturnType<typeof missionBusiness>>;
beforeAll(async () => {
  moderator = await createStaff("MODERATOR", { displayName: "Marc Modérateur" });
  admin = await createStaff("ADMIN", { displayName: "Alice Admin" });
  business = await missionBusiness("Cabinet Dupont", "Hélène Dupont");
});

const decide = async (missionId: string, fields: Record<string, string | undefined>, userId?: string) =>
  runRoute(review.action, await formRequest(`/moderation/missions/${missionId}`, fields, { userId }), {
    missionId,
  });

const view = async (missionId: string, userId?: string) =>
  runRoute(review.loader, await getRequest(`/moderation/missions/${missionId}`, { userId }), { missionId });

async function writesFor(missionId: string) {
  const [mission, history, audits, outbox] = await Promise.all([
    db.mission.findUniqueOrThrow({ where: { id: missionId }, select: { status: true, publishedAt: true } }),
    db.missionStatusChange.findMany({
      where: { missionId },
      orderBy: { createdAt: "asc" },
      select: { from: true, to: true, actorId: true, reason: true },
    }),
    db.auditLog.findMany({
      where: { targetType: "Mission", targetId: missionId },
      select: { actorId: true, action: true, reason: true, before: true, after: true },
    }),
    db.searchOutbox.count({ where: { indexName: "missions", documentId: missionId } }),
  ]);
  return { mission, history, audits, outbox };
}

async function searchIds(text = "") {
  const engine = await getSearchEngine();
  const response = await engine.search<"missions">({
    index: "missions",
    text,
    filters: {},
    sort: "newest",
    facets: [],
    page: 1,
    perPage: 50,
  });
  return response.hits.map((hit) => hit.id);
}

describe("queue", () => {
  it("lists pending missions oldest submission first, with business, billing mode and schedule type", async () => {
    const other = await missionBusiness("Garage Martin", "Paul Martin");
    const newer = await createMission(business, {
      title: "Mission récente",
      submittedAt: new Date("2026-11-20"),
    });
    const older = await createMission(other, {
      title: "Mission ancienne",
      billingMode: "FIXED",
      fixedAmountCents: 50000,
      scheduleType: "REPLACEMENT",
      submittedAt: new Date("2026-11-01"),
    });
    await createMission(business, { title: "Brouillon caché", status: "DRAFT" });
    const result = await runRoute(
      queuePage.loader,
      await getRequest("/moderation/missions", { userId: moderator.id }),
    );
    expect(result.status).toBe(200);
    const titles = result.data.queue.map((item: { title: string }) => item.title);
    expect(titles).not.toContain("Brouillon caché");
    expect(titles.indexOf("Mission ancienne")).toBeLessThan(titles.indexOf("Mission récente"));
    const first = result.data.queue.find((item: { id: string }) => item.id === older.id);
    expect(first).toMatchObject({
      businessName: "Garage Martin",
      billingMode: "FIXED",
      scheduleType: "REPLACEMENT",
    });
    expect(result.data.queue.some((item: { id: string }) => item.id === newer.id)).toBe(true);
  });
});

describe("review page", () => {
  it("shows the whole mission, the private instructions sheet and the business", async () => {
    const mission = await createMission(business, {
      scheduleType: "REPLACEMENT",
      handoverNotes: "Les dossiers urgents sont dans le bac rouge.",
      callScript: "Cabinet Dupont, bonjour.",
      urgentRouting: "Dr Dupont au 06 00 00 00 00",
      toolsToUse: "Doctolib",
    });
    const result = await view(mission.id, moderator.id);
    expect(result.status).toBe(200);
    expect(result.data.mission).toMatchObject({
      title: "Accueil téléphonique du cabinet",
      callScript: "Cabinet Dupont, bonjour.",
      handoverNotes: "Les dossiers urgents sont dans le bac rouge.",
      urgentRouting: "Dr Dupont au 06 00 00 00 00",
      organization: { name: "Cabinet Dupont" },
      createdBy: { displayName: "Hélène Dupont", email: business.email },
    });
  });

  it("answers 404 for an unknown mission", async () => {
    expect((await view("inconnue", moderator.id)).status).toBe(404);
    expect((await decide("inconnue", { intent: "approve" }, moderator.id)).status).toBe(404);
  });
});

describe("decisions", () => {
  it("approves: OPEN, history, audit, outbox, e-mail with the mission link, then findable", async () => {
    const mission = await createMission(business, { title: "Standard téléphonique du lundi" });
    const result = await decide(mission.id, { intent: "approve" }, moderator.id);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/moderation/missions?decision=approve");
    const writes = await writesFor(mission.id);
    expect(writes.mission.status).toBe("OPEN");
    expect(writes.mission.publishedAt).not.toBeNull();
    expect(writes.history).toEqual([
      { from: "PENDING_REVIEW", to: "OPEN", actorId: moderator.id, reason: null },
    ]);
    expect(writes.audits).toEqual([
      {
        actorId: moderator.id,
        action: "MISSION_APPROVE",
        reason: null,
        before: { status: "PENDING_REVIEW" },
        after: { status: "OPEN" },
      },
    ]);
    expect(writes.outbox).toBe(1);
    const [mail] = await mailsTo(business.email);
    expect(mail?.subject).toBe("Votre mission est publiée sur Permanence");
    expect(mail?.text).toContain(`/missions/${mission.id}`);
    expect(mail?.text).toContain("Standard téléphonique du lundi");

    await drainSearchOutbox();
    expect(await searchIds("standard lundi")).toEqual([mission.id]);
  });

  it("requests changes with a reason: DRAFT, reason in history, audit and e-mail with the edit link", async () => {
    const mission = await createMission(business, { title: "Relances clients" });
    const reason = "Précisez le volume d’appels <b>attendu</b>.";
    const result = await decide(
      mission.id,
      { intent: "request-changes", reasonText: ` ${reason} ` },
      admin.id,
    );
    expect(result.location).toBe("/moderation/missions?decision=request-changes");
    const writes = await writesFor(mission.id);
    expect(writes.mission.status).toBe("DRAFT");
    expect(writes.history).toEqual([{ from: "PENDING_REVIEW", to: "DRAFT", actorId: admin.id, reason }]);
    expect(writes.audits).toEqual([
      {
        actorId: admin.id,
        action: "MISSION_REQUEST_CHANGES",
        reason,
        before: { status: "PENDING_REVIEW" },
        after: { status: "DRAFT" },
      },
    ]);
    const mail = (await mailsTo(business.email)).find((m) => m.text.includes("Relances clients"));
    expect(mail?.subject).toBe("Votre mission doit être modifiée avant publication");
    expect(mail?.text).toContain(reason);
    expect(mail?.text).toContain(`/missions/${mission.id}/modifier`);
    expect(mail?.html).toContain("&lt;b&gt;attendu&lt;/b&gt;");
  });

  it.each([
    ["missing", undefined, "Indiquez ce que l’entreprise doit modifier."],
    ["blank", "   ", "Indiquez ce que l’entreprise doit modifier."],
    ["too long", "x".repeat(1001), "Le motif ne doit pas dépasser 1\u00a0000 caractères."],
  ])("refuses a %s reason with a French message and writes nothing", async (_case, reasonText, message) => {
    const mission = await createMission(business);
    const result = await decide(mission.id, { intent: "request-changes", reasonText }, moderator.id);
    expect(result.status).toBe(400);
    expect(result.data.error.reasonText).toEqual([message]);
    const writes = await writesFor(mission.id);
    expect(writes.mission.status).toBe("PENDING_REVIEW");
    expect(writes.history).toEqual([]);
    expect(writes.audits).toEqual([]);
    expect(writes.outbox).toBe(0);
  });

  it("accepts a reason of exactly 1 000 characters", async () => {
    const mission = await createMission(business);
    const result = await decide(
      mission.id,
      { intent: "request-changes", reasonText: "x".repeat(1000) },
      moderator.id,
    );
    expect(result.status).toBe(302);
  });

  it("refuses an unknown intent", async () => {
    const mission = await createMission(business);
    const result = await decide(mission.id, { intent: "publish" }, moderator.id);
    expect(result.status).toBe(400);
    expect((await writesFor(mission.id)).mission.status).toBe("PENDING_REVIEW");
  });

  it("answers 409 when the mission was already decided, and writes nothing more", async () => {
    const mission = await createMission(business);
    await decide(mission.id, { intent: "approve" }, moderator.id);
    const second = await decide(mission.id, { intent: "request-changes", reasonText: "Trop tard" }, admin.id);
    expect(second.status).toBe(409);
    expect(second.data.error[""][0]).toContain("Cette mission n’est plus « En attente de validation »");
    const writes = await writesFor(mission.id);
    expect(writes.mission.status).toBe("OPEN");
    expect(writes.history).toHaveLength(1);
    expect(writes.audits).toHaveLength(1);
  });

  it("refuses a staff member deciding on a mission she wrote herself", async () => {
    const staff = await createStaff("MODERATOR");
    const org = await db.organization.create({
      data: { kind: "BUSINESS", name: "Cabinet interne", slug: `interne-${staff.id}` },
      select: { id: true },
    });
    const own = await createMission({ id: staff.id, organization: org });
    expect((await decide(own.id, { intent: "approve" }, staff.id)).status).toBe(403);
    expect((await writesFor(own.id)).mission.status).toBe("PENDING_REVIEW");
  });
});

describe("authorization", () => {
  const others = {
    business: async () => (await missionBusiness("Autre cabinet")).id,
    secretary: async () => (await createSecretary({ status: "PUBLISHED" })).id,
    "agency owner": async () => (await createAgencyOwner()).id,
  };

  it("sends anonymous visitors to /connexion on every loader and action", async () => {
    const mission = await createMission(business);
    const queue = await runRoute(queuePage.loader, await getRequest("/moderation/missions"));
    expect(queue.status).toBe(302);
    expect(queue.location).toMatch(/^\/connexion/);
    expect((await view(mission.id)).location).toMatch(/^\/connexion/);
    expect((await decide(mission.id, { intent: "approve" })).location).toMatch(/^\/connexion/);
    expect((await writesFor(mission.id)).mission.status).toBe("PENDING_REVIEW");
  });

  it.each(Object.keys(others))("answers 403 to a %s, and changes nothing", async (role) => {
    const userId = await others[role as keyof typeof others]();
    const mission = await createMission(business);
    expect(
      (await runRoute(queuePage.loader, await getRequest("/moderation/missions", { userId }))).status,
    ).toBe(403);
    expect((await view(mission.id, userId)).status).toBe(403);
    expect((await decide(mission.id, { intent: "approve" }, userId)).status).toBe(403);
    expect((await decide(mission.id, { intent: "request-changes", reasonText: "Non" }, userId)).status).toBe(
      403,
    );
    const writes = await writesFor(mission.id);
    expect(writes.mission.status).toBe("PENDING_REVIEW");
    expect(writes.audits).toEqual([]);
  });

  it("signs a suspended moderator out instead of letting her decide", async () => {
    const userId = (await createStaff("MODERATOR", { suspended: true })).id;
    const mission = await createMission(business);
    expect((await view(mission.id, userId)).location).toMatch(/^\/connexion/);
    expect((await decide(mission.id, { intent: "approve" }, userId)).location).toMatch(/^\/connexion/);
    expect((await writesFor(mission.id)).mission.status).toBe("PENDING_REVIEW");
  });

  it("refuses the mission's own author (a business member)", async () => {
    const mission = await createMission(business);
    expect((await decide(mission.id, { intent: "approve" }, business.id)).status).toBe(403);
  });

  it("lets moderators and admins in", async () => {
    const mission = await createMission(business);
    for (const userId of [moderator.id, admin.id]) {
      expect((await view(mission.id, userId)).status).toBe(200);
      expect(
        (await runRoute(queuePage.loader, await getRequest("/moderation/missions", { userId }))).status,
      ).toBe(200);
    }
  });

  it("refuses a decision without the CSRF token", async () => {
    const mission = await createMission(business);
    const request = await formRequest(
      `/moderation/missions/${mission.id}`,
      { intent: "approve" },
      {
        userId: moderator.id,
        csrf: false,
      },
    );
    const result = await runRoute(review.action, request, { missionId: mission.id });
    expect(result.status).toBe(403);
    expect((await writesFor(mission.id)).mission.status).toBe("PENDING_REVIEW");
  });
});

describe("search sync", () => {
  it("removes a cancelled mission from the index", async () => {
    const mission = await openMission(business, { title: "Secrétariat juridique temporaire" });
    await drainSearchOutbox();
    expect(await searchIds("juridique")).toEqual([mission.id]);
    await db.$transaction((tx) =>
      transitionMission(tx, {
        missionId: mission.id,
        event: "CANCEL",
        actor: { id: business.id, as: "OWNER" },
      }),
    );
    await drainSearchOutbox();
    expect(await searchIds("juridique")).toEqual([]);
  });

  it("never indexes an invite-only mission, even open", async () => {
    const mission = await openMission(business, {
      title: "Permanence confidentielle",
      visibility: "INVITE_ONLY",
    });
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).status).toBe("OPEN");
    await drainSearchOutbox();
    expect(await searchIds("confidentielle")).toEqual([]);
  });

  it("refreshes the business name on its open missions when the organization enqueues them", async () => {
    const renamed = await missionBusiness("Cabinet Ancien Nom");
    const mission = await openMission(renamed, { title: "Télésecrétariat vétérinaire" });
    await drainSearchOutbox();
    await db.$transaction(async (tx) => {
      await tx.organization.update({
        where: { id: renamed.organization.id },
        data: { name: "Clinique Nouveau Nom" },
      });
      await enqueueOrganizationMissions(tx, renamed.organization.id);
    });
    await drainSearchOutbox();
    expect(await searchIds("clinique nouveau")).toEqual([mission.id]);
    expect(await searchIds("ancien")).toEqual([]);
  });

  it("does not index a mission sent back for changes", async () => {
    const mission = await createMission(business, { title: "Saisie de factures fournisseurs" });
    await decide(mission.id, { intent: "request-changes", reasonText: "Précisez le volume." }, moderator.id);
    await drainSearchOutbox();
    expect(await searchIds("factures fournisseurs")).toEqual([]);
  });
});
