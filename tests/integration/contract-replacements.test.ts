import { describe, expect, it } from "vitest";
import { assigneeMayLog } from "#app/domain/contracts/contract-assignees";
import { getContractPage } from "#app/domain/contracts/contract-page.server";
import {
  addReplacement,
  cancelReplacement,
  NO_SUCH_SECRETARY_MESSAGE,
} from "#app/domain/contracts/contract-replacements.server";
import type { ReplacementInput } from "#app/domain/contracts/contracts.schema";
import { addDays, parisToday } from "#app/domain/missions/schedule";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { createContract } from "#tests/factories/contracts";
import { createBusiness, createSecretary } from "#tests/factories/users";

const day = (n: number) => addDays(parisToday(), n);

async function setup(spec: Parameters<typeof createContract>[0] = {}) {
  const made = await createContract({ status: "ACTIVE", startDate: day(-20), endDate: day(200), ...spec });
  const stand = await createSecretary({ status: "PUBLISHED", displayName: "Inès Roux" });
  const input = (over: Partial<ReplacementInput> = {}): ReplacementInput => ({
    intent: "add",
    replacesAssigneeId: made.primaryAssigneeId,
    secretary: `https://permanence.fr/secretaires/${stand.profile.slug}`,
    startsOn: day(10),
    endsOn: day(20),
    ...over,
  });
  return { ...made, stand, input };
}

async function rejected(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("addReplacement", () => {
  it("adds a REPLACEMENT assignee for the period; she reads the contract and logs only then", async () => {
    const { contract, secretary, stand, input, primaryAssigneeId } = await setup();
    const result = await addReplacement({ actorId: secretary.id, contractId: contract.id, input: input() });
    expect(result.ok).toBe(true);
    const assignees = await db.contractAssignee.findMany({ where: { contractId: contract.id } });
    const added = assignees.find((a) => a.role === "REPLACEMENT")!;
    expect(added).toMatchObject({
      userId: stand.id,
      replacesId: primaryAssigneeId,
      startsOn: new Date(`${day(10)}T00:00:00Z`),
      endsOn: new Date(`${day(20)}T00:00:00Z`),
      createdById: secretary.id,
    });
    const inside = new Date(`${day(15)}T00:00:00Z`);
    expect(assigneeMayLog(assignees, added.id, inside)).toBe(true);
    expect(assigneeMayLog(assignees, primaryAssigneeId, inside)).toBe(false);
    const page = await getContractPage({ actorId: stand.id, contractId: contract.id });
    expect(page.viewerRole).toBe("ASSIGNEE");
    expect(page.actions).toEqual([]);
  });

  it("the business may name a replacement too (by slug), and sees it on the page", async () => {
    const { contract, business, stand, input } = await setup();
    const result = await addReplacement({
      actorId: business.id,
      contractId: contract.id,
      input: input({ secretary: stand.profile.slug }),
    });
    expect(result.ok).toBe(true);
    const page = await getContractPage({ actorId: business.id, contractId: contract.id });
    expect(page.assignees.find((a) => a.role === "REPLACEMENT")).toMatchObject({
      name: "Inès Roux",
      replacesName: "Claire Morel",
      startsOn: day(10),
      endsOn: day(20),
      mayCancel: true,
    });
  });

  it.each([
    ["overlapping another period", { startsOn: day(15), endsOn: day(25) }, "startsOn", /chevauche/],
    ["in the past", { startsOn: day(-1), endsOn: day(3) }, "startsOn", /passé/],
    ["beyond the contract's end", { startsOn: day(190), endsOn: day(210) }, "endsOn", /se termine le/],
    ["ending before it starts", { startsOn: day(30), endsOn: day(29) }, "endsOn", /premier jour ou après/],
  ] as const)("refuses a period %s, writing nothing", async (_label, over, field, message) => {
    const { contract, business, input } = await setup();
    expect((await addReplacement({ actorId: business.id, contractId: contract.id, input: input() })).ok).toBe(
      true,
    );
    const result = await addReplacement({
      actorId: business.id,
      contractId: contract.id,
      input: input(over),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors[field]?.[0]).toMatch(message);
    expect(await db.contractAssignee.count({ where: { contractId: contract.id, role: "REPLACEMENT" } })).toBe(
      1,
    );
  });

  it("refuses a period over 366 days on an open-ended contract", async () => {
    const { contract, business, input } = await setup({ endDate: null });
    const result = await addReplacement({
      actorId: business.id,
      contractId: contract.id,
      input: input({ startsOn: day(1), endsOn: day(367) }),
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { endsOn: ["Une période de remplacement dure au plus 366 jours."] },
    });
  });

  it("refuses an unpublished or unknown secretary, and the replaced person herself", async () => {
    const { contract, business, input, secretary } = await setup();
    const draft = await createSecretary({ status: "DRAFT" });
    for (const text of [draft.profile.slug, "personne-inconnue", "claire@exemple.fr"]) {
      const result = await addReplacement({
        actorId: business.id,
        contractId: contract.id,
        input: input({ secretary: text }),
      });
      expect(result).toEqual({ ok: false, fieldErrors: { secretary: [NO_SUCH_SECRETARY_MESSAGE] } });
    }
    const slug = (await db.secretaryProfile.findUniqueOrThrow({ where: { userId: secretary.id } })).slug;
    const self = await addReplacement({
      actorId: business.id,
      contractId: contract.id,
      input: input({ secretary: slug }),
    });
    expect(self.ok).toBe(false);
  });

  it("refuses a contract that is not running, an assignee who is not a party, and a stranger", async () => {
    const pending = await setup({ status: "PENDING" });
    const notRunning = await rejected(
      addReplacement({
        actorId: pending.business.id,
        contractId: pending.contract.id,
        input: pending.input(),
      }),
    );
    expect(notRunning.code).toBe("CONFLICT");
    const { contract, business, stand, input } = await setup();
    await addReplacement({ actorId: business.id, contractId: contract.id, input: input() });
    const assignee = await rejected(
      addReplacement({
        actorId: stand.id,
        contractId: contract.id,
        input: input({ startsOn: day(30), endsOn: day(31) }),
      }),
    );
    expect(assignee.code).toBe("FORBIDDEN");
    const stranger = await createBusiness();
    const hidden = await rejected(
      addReplacement({ actorId: stranger.id, contractId: contract.id, input: input() }),
    );
    expect(hidden.code).toBe("NOT_FOUND");
  });
});

describe("cancelReplacement", () => {
  it("cancels a period before it starts, which frees its days", async () => {
    const { contract, business, input } = await setup();
    const added = await addReplacement({ actorId: business.id, contractId: contract.id, input: input() });
    if (!added.ok) throw new Error("setup");
    await cancelReplacement({
      actorId: business.id,
      contractId: contract.id,
      replacementId: added.replacementId,
    });
    const row = await db.contractAssignee.findUniqueOrThrow({ where: { id: added.replacementId } });
    expect(row.cancelledAt).toBeInstanceOf(Date);
    const again = await rejected(
      cancelReplacement({
        actorId: business.id,
        contractId: contract.id,
        replacementId: added.replacementId,
      }),
    );
    expect(again.code).toBe("CONFLICT");
    expect((await addReplacement({ actorId: business.id, contractId: contract.id, input: input() })).ok).toBe(
      true,
    );
  });

  it("refuses once the period has started", async () => {
    const { contract, business, input, secretary } = await setup();
    const added = await addReplacement({
      actorId: business.id,
      contractId: contract.id,
      input: input({ startsOn: day(0) }),
    });
    if (!added.ok) throw new Error("setup");
    const error = await rejected(
      cancelReplacement({
        actorId: secretary.id,
        contractId: contract.id,
        replacementId: added.replacementId,
      }),
    );
    expect(error.message).toMatch(/déjà commencé/);
  });
});
