// Suspending and reinstating an account through the staff page, with every side effect checked
// in the database, the search engine and the login form.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import * as login from "#app/routes/_auth+/connexion";
import * as accountPage from "#app/routes/moderation+/utilisateurs.$userId";
import { getSearchEngine } from "#search/engine-factory";
import { getSessionUser } from "#app/auth/session.server";
import { createContract } from "#tests/factories/contracts";
import { notificationsOf } from "#tests/factories/notifications";
import { createBid, openMissionWithBusiness } from "#tests/factories/proposals";
import { drainSearchOutbox, publishedSecretary } from "#tests/factories/search-profiles";
import { createBusiness, createStaff, defaultPassword } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

let moderator: { id: string };
beforeAll(async () => {
  moderator = await createStaff("MODERATOR", { displayName: "Marc Modérateur" });
});

async function searchableIds(): Promise<string[]> {
  const engine = await getSearchEngine();
  const response = await engine.search({
    index: "secretaries",
    text: "",
    filters: {},
    sort: "newest",
    facets: [],
    page: 1,
    perPage: 100,
  });
  return response.hits.map((hit: { id: string }) => hit.id);
}

const post = async (userId: string, fields: Record<string, string>, actorId = moderator.id) =>
  runRoute(
    accountPage.action,
    await formRequest(`/moderation/utilisateurs/${userId}`, fields, { userId: actorId }),
    { userId },
  );

/** A searchable secretary with a live bid, an active contract and a signed-in session. */
async function busySecretary() {
  const secretary = await publishedSecretary({ name: "Claire Morel", headline: "Secrétaire médicale" });
  await drainSearchOutbox();
  const { business, mission } = await openMissionWithBusiness();
  const bid = await createBid(mission.id, secretary);
  const other = await createBusiness({ displayName: "Paul Martin", organizationName: "Cabinet Martin" });
  const { contract } = await createContract({ business: other, secretary });
  const cookie = await (await getRequest("/", { userId: secretary.id })).headers.get("Cookie");
  return { secretary, business, mission, bid, other, contract, cookie: cookie! };
}

const auditsOf = (targetId: string) =>
  db.auditLog.findMany({
    where: { targetId },
    select: { action: true, actorId: true, reason: true, before: true, after: true },
  });

describe("suspending an account", () => {
  it("does everything in one go, with exactly one audit row", async () => {
    const s = await busySecretary();
    expect(await searchableIds()).toContain(s.secretary.profile.id);

    const result = await post(s.secretary.id, {
      intent: "suspend",
      reason: "Demande de paiement hors plateforme",
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/moderation/utilisateurs/${s.secretary.id}?fait=suspend`);

    const user = await db.user.findUniqueOrThrow({ where: { id: s.secretary.id } });
    expect(user.suspendedAt).not.toBeNull();
    expect(user.suspensionReason).toBe("Demande de paiement hors plateforme");
    expect(await db.session.count({ where: { userId: s.secretary.id } })).toBe(0);
    const stale = new Request("http://localhost:3000/", { headers: { Cookie: s.cookie } });
    expect(await getSessionUser(stale)).toBeNull();

    const refused = await runRoute(
      login.action,
      await formRequest("/connexion", { email: s.secretary.email, password: defaultPassword }),
    );
    expect(refused.data.error[""][0]).toMatch(/^Ce compte est suspendu/);
    expect(await db.session.count({ where: { userId: s.secretary.id } })).toBe(0);

    const profile = await db.secretaryProfile.findUniqueOrThrow({ where: { id: s.secretary.profile.id } });
    expect(profile.status).toBe("SUSPENDED");
    await drainSearchOutbox();
    expect(await searchableIds()).not.toContain(s.secretary.profile.id);

    const bid = await db.proposal.findUniqueOrThrow({
      where: { id: s.bid.id },
      include: { statusChanges: true },
    });
    expect(bid.status).toBe("WITHDRAWN");
    expect(bid.statusChanges.at(-1)).toMatchObject({ to: "WITHDRAWN", actorId: moderator.id });
    expect(bid.statusChanges.at(-1)?.reason).toMatch(/suspendu/);

    const contract = await db.contract.findUniqueOrThrow({ where: { id: s.contract.id } });
    expect(contract.flaggedAt).not.toBeNull();
    expect(contract.flagReason).toBe("Compte suspendu : Claire Morel");
    const notices = await notificationsOf(s.other.id);
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "MODERATION_OUTCOME", link: `/contrats/${s.contract.id}` }),
      ]),
    );
    expect((await notificationsOf(s.secretary.id)).filter((n) => n.type === "MODERATION_OUTCOME")).toEqual(
      [],
    );

    const audits = await auditsOf(s.secretary.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "USER_SUSPEND",
      actorId: moderator.id,
      reason: "Demande de paiement hors plateforme",
      before: { suspendedAt: null, profileStatus: "PUBLISHED" },
      after: {
        profileStatus: "SUSPENDED",
        withdrawnProposalIds: [s.bid.id],
        flaggedContractIds: [s.contract.id],
      },
    });
    // Nothing else wrote an audit row (the profile transition writes history, not audit).
    expect(await auditsOf(s.secretary.profile.id)).toEqual([]);
  });

  it("hides the missions of a suspended business owner and flags her contracts", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const { contract, secretary } = await createContract({ business });
    await post(business.id, { intent: "suspend", reason: "Fausse entreprise" });
    const row = await db.mission.findUniqueOrThrow({ where: { id: mission.id } });
    expect(row.hiddenAt).not.toBeNull();
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).flaggedAt).not.toBeNull();
    expect((await notificationsOf(secretary.id)).map((n) => n.type)).toContain("MODERATION_OUTCOME");
    expect(
      await db.searchOutbox.count({ where: { indexName: "missions", documentId: mission.id } }),
    ).toBeGreaterThan(0);
  });

  it("requires a reason and refuses a second suspension", async () => {
    const s = await busySecretary();
    const missing = await post(s.secretary.id, { intent: "suspend", reason: "  " });
    expect(missing.status).toBe(400);
    expect(missing.data.error).toBe("Indiquez le motif de la suspension.");
    await post(s.secretary.id, { intent: "suspend", reason: "Spam" });
    const again = await post(s.secretary.id, { intent: "suspend", reason: "Spam" });
    expect(again.status).toBe(409);
    expect(await auditsOf(s.secretary.id)).toHaveLength(1);
  });
});

describe("reinstating an account", () => {
  it("reverses what can be reversed; withdrawn proposals stay withdrawn", async () => {
    const s = await busySecretary();
    await post(s.secretary.id, { intent: "suspend", reason: "Erreur de signalement ?" });
    const result = await post(s.secretary.id, { intent: "reinstate", reason: "Vérification faite" });
    expect(result.location).toBe(`/moderation/utilisateurs/${s.secretary.id}?fait=reinstate`);

    const user = await db.user.findUniqueOrThrow({ where: { id: s.secretary.id } });
    expect(user.suspendedAt).toBeNull();
    expect(user.suspensionReason).toBeNull();
    expect(
      (await db.secretaryProfile.findUniqueOrThrow({ where: { id: s.secretary.profile.id } })).status,
    ).toBe("PUBLISHED");
    await drainSearchOutbox();
    expect(await searchableIds()).toContain(s.secretary.profile.id);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: s.bid.id } })).status).toBe("WITHDRAWN");
    expect((await db.contract.findUniqueOrThrow({ where: { id: s.contract.id } })).flaggedAt).toBeNull();
    const logged = await runRoute(
      login.action,
      await formRequest("/connexion", { email: s.secretary.email, password: defaultPassword }),
    );
    expect(logged.status).toBe(302);

    const audits = await auditsOf(s.secretary.id);
    expect(audits.map((a) => a.action).sort()).toEqual(["USER_REINSTATE", "USER_SUSPEND"]);
    expect(audits.find((a) => a.action === "USER_REINSTATE")).toMatchObject({
      reason: "Vérification faite",
      after: { suspendedAt: null, profileReinstated: true, unflaggedContractIds: [s.contract.id] },
    });
  });

  it("restores the missions the suspension hid", async () => {
    const { business, mission } = await openMissionWithBusiness();
    await post(business.id, { intent: "suspend", reason: "Doute" });
    await post(business.id, { intent: "reinstate", reason: "Levée du doute" });
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).hiddenAt).toBeNull();
  });

  it("shows the account to staff with what a suspension would touch", async () => {
    const s = await busySecretary();
    const page = await runRoute(
      accountPage.loader,
      await getRequest(`/moderation/utilisateurs/${s.secretary.id}`, { userId: moderator.id }),
      { userId: s.secretary.id },
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ liveProposals: 1, openContracts: 1, suspendedAt: null, canAct: true });
  });
});
