import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import * as layout from "#app/routes/moderation+/_layout";
import * as queue from "#app/routes/moderation+/_index";
import * as journal from "#app/routes/moderation+/journal";
import * as review from "#app/routes/moderation+/profils.$profileId";
import { decide, pendingProfile, writesFor } from "#tests/factories/moderation";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const staffOnly = "Cette page est réservée à l’équipe de modération.";

let moderator: { id: string };
let admin: { id: string };
beforeAll(async () => {
  moderator = await createStaff("MODERATOR", { displayName: "Marc Modérateur" });
  admin = await createStaff("ADMIN", { displayName: "Alice Admin" });
});

describe("authorization on every moderation loader and action", () => {
  type Role = "anonymous" | "business" | "secretary" | "agency owner" | "moderator" | "admin";
  const userFor: Record<Role, () => Promise<string | undefined>> = {
    anonymous: async () => undefined,
    business: async () => (await createBusiness()).id,
    secretary: async () => (await createSecretary({ status: "PUBLISHED" })).id,
    "agency owner": async () => (await createAgencyOwner()).id,
    moderator: async () => moderator.id,
    admin: async () => admin.id,
  };

  // Each endpoint returns the route result and whether the request changed anything.
  const endpoints: Record<
    string,
    (userId?: string) => Promise<{ status: number; location: string | null; data: any; changed: boolean }>
  > = {
    "layout loader": async (userId) => ({
      ...(await runRoute(layout.loader, await getRequest("/moderation", { userId }))),
      changed: false,
    }),
    "queue loader": async (userId) => ({
      ...(await runRoute(queue.loader, await getRequest("/moderation", { userId }))),
      changed: false,
    }),
    "review loader": async (userId) => {
      const { profile } = await pendingProfile();
      const request = await getRequest(`/moderation/profils/${profile.id}`, { userId });
      return { ...(await runRoute(review.loader, request, { profileId: profile.id })), changed: false };
    },
    "review action": async (userId) => {
      const { profile } = await pendingProfile();
      const result = await decide(profile.id, { intent: "approve" }, userId);
      const { profile: after, audits } = await writesFor(profile.id);
      return { ...result, changed: after.status !== "PENDING_REVIEW" || audits.length > 0 };
    },
    "journal loader": async (userId) => ({
      ...(await runRoute(journal.loader, await getRequest("/moderation/journal", { userId }))),
      changed: false,
    }),
  };

  const cases = Object.keys(endpoints).flatMap((endpoint) =>
    (Object.keys(userFor) as Role[]).map((role) => [endpoint, role] as const),
  );

  it.each(cases)("%s × %s", async (endpoint, role) => {
    const result = await endpoints[endpoint]!(await userFor[role]());
    if (role === "anonymous") {
      expect(result.status).toBe(302);
      expect(result.location).toMatch(/^\/connexion\?redirectTo=%2Fmoderation/);
      expect(result.changed).toBe(false);
    } else if (role === "moderator" || role === "admin") {
      expect([200, 302]).toContain(result.status);
      if (result.status === 302) expect(result.location).toBe("/moderation?decision=approve");
      expect(result.changed).toBe(endpoint === "review action");
    } else {
      expect(result.status).toBe(403);
      expect(result.data.message).toBe(staffOnly);
      expect(result.changed).toBe(false);
    }
  });

  it("does not let a secretary approve her own pending profile", async () => {
    const secretary = await pendingProfile();
    const result = await decide(secretary.profile.id, { intent: "approve" }, secretary.id);
    expect(result.status).toBe(403);
    expect((await writesFor(secretary.profile.id)).profile.status).toBe("PENDING_REVIEW");
  });

  it("refuses a post without its authenticity token and writes nothing", async () => {
    const { profile } = await pendingProfile();
    const result = await decide(profile.id, { intent: "approve" }, moderator.id, false);
    expect(result.status).toBe(403);
    const writes = await writesFor(profile.id);
    expect(writes.profile.status).toBe("PENDING_REVIEW");
    expect(writes.audits).toEqual([]);
  });
});

describe("review queue", () => {
  it("shows a friendly empty queue when nothing is pending", async () => {
    // Tests in this file run in order on their own database: clear the queue built so far.
    await db.secretaryProfile.updateMany({ where: { status: "PENDING_REVIEW" }, data: { status: "DRAFT" } });
    const result = await runRoute(queue.loader, await getRequest("/moderation", { userId: moderator.id }));
    expect(result.data.queue).toEqual([]);
    expect(result.data.counts.PENDING_REVIEW).toBe(0);
  });

  it("lists pending profiles oldest submission first, with agency and counts per status", async () => {
    const before = (await runRoute(queue.loader, await getRequest("/moderation", { userId: moderator.id })))
      .data.counts;
    const agency = await createAgencyOwner({ organizationName: "Secrétariat Horizon" });
    const recent = await pendingProfile({ submittedAt: new Date("2026-03-10T10:00:00Z"), name: "Récente" });
    const oldest = await pendingProfile({
      submittedAt: new Date("2026-03-01T10:00:00Z"),
      name: "Ancienne",
      headline: "Télésecrétaire juridique",
      agencyId: agency.organization.id,
    });
    await createSecretary({ status: "PUBLISHED" });
    await createSecretary({ status: "SUSPENDED" });
    await createSecretary({ status: "REJECTED" });
    await createSecretary({ status: "DRAFT" });

    const result = await runRoute(queue.loader, await getRequest("/moderation", { userId: admin.id }));
    expect(result.status).toBe(200);
    const ids = result.data.queue.map((item: { id: string }) => item.id);
    expect(ids.indexOf(oldest.profile.id)).toBeLessThan(ids.indexOf(recent.profile.id));
    expect(result.data.queue.find((item: { id: string }) => item.id === oldest.profile.id)).toEqual({
      id: oldest.profile.id,
      displayName: "Ancienne",
      headline: "Télésecrétaire juridique",
      submittedAt: new Date("2026-03-01T10:00:00Z"),
      agencyName: "Secrétariat Horizon",
    });
    expect(result.data.counts).toEqual({
      PENDING_REVIEW: before.PENDING_REVIEW + 2,
      PUBLISHED: before.PUBLISHED + 1,
      SUSPENDED: before.SUSPENDED + 1,
      REJECTED: before.REJECTED + 1,
    });
  });
});

describe("profile review page", () => {
  it("shows the whole profile, the account and the status history with actor names", async () => {
    const secretary = await pendingProfile({ name: "Inès Garnier" });
    await db.secretaryProfile.update({
      where: { id: secretary.profile.id },
      data: {
        bio: "Dix ans en cabinet médical.",
        skills: ["PHONE_ANSWERING", "NOT_A_SKILL"],
        hourlyRateCents: 3200,
        taskPrices: [{ task: "CALL_ANSWERED", unitPriceCents: 150 }],
        availability: [{ day: 1, start: "09:00", end: "12:00" }],
      },
    });
    await db.profileStatusChange.create({
      data: { profileId: secretary.profile.id, from: "DRAFT", to: "PENDING_REVIEW", actorId: secretary.id },
    });
    const request = await getRequest(`/moderation/profils/${secretary.profile.id}`, { userId: moderator.id });
    const result = await runRoute(review.loader, request, { profileId: secretary.profile.id });
    expect(result.status).toBe(200);
    const { profile, history } = result.data;
    expect(profile.user.email).toBe(secretary.email);
    expect(profile.user.createdAt).toBeInstanceOf(Date);
    expect(profile.bio).toBe("Dix ans en cabinet médical.");
    expect(profile.skills).toEqual(["PHONE_ANSWERING"]);
    expect(profile.taskPrices).toEqual([{ task: "CALL_ANSWERED", unitPriceCents: 150 }]);
    expect(profile.availability).toEqual([{ day: 1, start: "09:00", end: "12:00" }]);
    expect(profile).not.toHaveProperty("user.passwordHash");
    expect(history).toEqual([
      expect.objectContaining({
        from: "DRAFT",
        to: "PENDING_REVIEW",
        actorName: "Inès Garnier",
        actorIsStaff: false,
      }),
    ]);
  });

  it.each([
    ["an unknown id", "profil-inexistant"],
    ["a malformed id", "../../etc"],
  ])("answers 404 for %s", async (_l, id) => {
    const loaderResult = await runRoute(
      review.loader,
      await getRequest(`/moderation/profils/x`, { userId: moderator.id }),
      {
        profileId: id,
      },
    );
    expect(loaderResult.status).toBe(404);
    expect(loaderResult.data.message).toBe("Ce profil est introuvable.");
    const before = await db.auditLog.count();
    const actionResult = await runRoute(
      review.action,
      await formRequest(`/moderation/profils/x`, { intent: "approve" }, { userId: moderator.id }),
      { profileId: id },
    );
    expect(actionResult.status).toBe(404);
    expect(await db.auditLog.count()).toBe(before);
  });
});
