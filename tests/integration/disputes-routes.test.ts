// Authorization matrix of the dispute pages (/moderation/litiges, /moderation/litiges/:contractId
// and its decisions): anonymous visitors go to the login page, marketplace accounts get 403 and
// change nothing, moderators and admins see and decide. Also the queue count on the console's
// home page and the banners parties see on a disputed or flagged contract.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import * as contractPage from "#app/routes/contrats+/$contractId._index";
import * as consoleHome from "#app/routes/moderation+/_index";
import * as casePage from "#app/routes/moderation+/litiges.$contractId";
import * as queuePage from "#app/routes/moderation+/litiges._index";
import { createContract } from "#tests/factories/contracts";
import { createEntry } from "#tests/factories/work";
import { createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Role = "anonymous" | "business" | "secretary" | "moderator" | "admin";
const roles: Role[] = ["anonymous", "business", "secretary", "moderator", "admin"];
const users: Partial<Record<Role, string>> = {};
const staff = (role: Role) => role === "moderator" || role === "admin";

/** An HOURLY contract in DISPUTED with one disputed entry (the business's reason) and a flag. */
async function disputedCase() {
  const c = await createContract({ billingMode: "HOURLY" });
  const entry = await createEntry({
    contractId: c.contract.id,
    assigneeId: c.primaryAssigneeId,
    date: "2026-11-20",
    status: "DISPUTED",
    reviewedAt: new Date(),
  });
  await db.contract.update({
    where: { id: c.contract.id },
    data: { status: "DISPUTED", flaggedAt: new Date(), flagReason: "Un participant a été suspendu." },
  });
  return { ...c, entryId: entry.id };
}

beforeAll(async () => {
  users.business = (await createBusiness({ displayName: "Bea Business" })).id;
  users.secretary = (await createSecretary({ status: "PUBLISHED", displayName: "Sara Secrétaire" })).id;
  users.moderator = (await createStaff("MODERATOR")).id;
  users.admin = (await createStaff("ADMIN")).id;
});

function expectOutcome(role: Role, result: { status: number; location: string | null }, okStatus: number) {
  if (role === "anonymous") {
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/connexion\?redirectTo=/);
  } else if (staff(role)) expect(result.status).toBe(okStatus);
  else expect(result.status).toBe(403);
}

describe.each(roles)("as %s", (role) => {
  const userId = () => users[role];

  it("GET /moderation/litiges", async () => {
    const c = await disputedCase();
    const result = await runRoute(
      queuePage.loader,
      await getRequest("/moderation/litiges", { userId: userId() }),
    );
    expectOutcome(role, result, 200);
    if (staff(role)) {
      const item = result.data.items.find((i: { id: string }) => i.id === c.contract.id);
      expect(item).toMatchObject({
        status: "DISPUTED",
        disputedWorkCount: 1,
        flagReason: "Un participant a été suspendu.",
      });
    }
  });

  it("GET /moderation/litiges/:contractId", async () => {
    const c = await disputedCase();
    const path = `/moderation/litiges/${c.contract.id}`;
    const result = await runRoute(casePage.loader, await getRequest(path, { userId: userId() }), {
      contractId: c.contract.id,
    });
    expectOutcome(role, result, 200);
    if (staff(role))
      expect(result.data.entries[0]).toMatchObject({ id: c.entryId, disputeReason: "Heures non prévues" });
  });

  it("POST /moderation/litiges/:contractId (release)", async () => {
    const c = await disputedCase();
    const path = `/moderation/litiges/${c.contract.id}`;
    const request = await formRequest(
      path,
      { intent: "release", reason: "Les heures sont justifiées", outcome: "ACTIVE" },
      { userId: userId() },
    );
    const result = await runRoute(casePage.action, request, { contractId: c.contract.id });
    expectOutcome(role, result, 302);
    const entry = await db.workEntry.findUniqueOrThrow({ where: { id: c.entryId } });
    const contract = await db.contract.findUniqueOrThrow({ where: { id: c.contract.id } });
    const audits = await db.auditLog.count({ where: { targetType: "Contract", targetId: c.contract.id } });
    if (staff(role)) {
      expect(result.location).toBe(`${path}?fait=release`);
      expect(entry.status).toBe("APPROVED");
      expect(contract.status).toBe("ACTIVE");
      expect(audits).toBe(1);
    } else {
      expect(entry.status).toBe("DISPUTED");
      expect(contract.status).toBe("DISPUTED");
      expect(audits).toBe(0);
    }
  });

  it("GET /moderation shows the disputes count to staff", async () => {
    await disputedCase();
    const result = await runRoute(consoleHome.loader, await getRequest("/moderation", { userId: userId() }));
    expectOutcome(role, result, 200);
    if (staff(role)) expect(result.data.disputes).toBeGreaterThan(0);
  });
});

describe("decisions refused on the case page", () => {
  it("a decision without a reason answers 400 in French and changes nothing", async () => {
    const c = await disputedCase();
    const request = await formRequest(
      `/moderation/litiges/${c.contract.id}`,
      { intent: "release", reason: "" },
      { userId: users.moderator },
    );
    const result = await runRoute(casePage.action, request, { contractId: c.contract.id });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ intent: "release", error: "Indiquez le motif de la décision." });
    expect((await db.workEntry.findUniqueOrThrow({ where: { id: c.entryId } })).status).toBe("DISPUTED");
  });

  it("a refund of a payment with nothing encashed is refused with a message", async () => {
    const c = await disputedCase();
    const request = await formRequest(
      `/moderation/litiges/${c.contract.id}`,
      { intent: "refund_partial", paymentId: "inconnu", amount: "10", reason: "Geste" },
      { userId: users.admin },
    );
    const result = await runRoute(casePage.action, request, { contractId: c.contract.id });
    expect(result.status).toBe(400);
    expect(result.data.error).toBe("Ce paiement n’appartient pas à ce contrat.");
  });

  it("an unknown contract is a 404", async () => {
    const request = await getRequest("/moderation/litiges/inconnu", { userId: users.moderator });
    expect((await runRoute(casePage.loader, request, { contractId: "inconnu" })).status).toBe(404);
  });
});

describe("the contract page for its parties", () => {
  it("shows that a dispute is under review and the flag with its reason", async () => {
    const c = await disputedCase();
    const request = await getRequest(`/contrats/${c.contract.id}`, { userId: c.business.id });
    const result = await runRoute(contractPage.loader, request, { contractId: c.contract.id });
    expect(result.status).toBe(200);
    expect(result.data.moderation).toMatchObject({
      disputed: true,
      flagged: { reason: "Un participant a été suspendu." },
    });
  });

  it("shows nothing on a running contract", async () => {
    const c = await createContract();
    const request = await getRequest(`/contrats/${c.contract.id}`, { userId: c.secretary.id });
    const result = await runRoute(contractPage.loader, request, { contractId: c.contract.id });
    expect(result.data.moderation).toEqual({ disputed: false, flagged: null });
  });
});
