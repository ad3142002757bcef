import { describe, expect, it } from "vitest";
import {
  acceptContractTerms,
  MANDATE_REQUIRED_MESSAGE,
} from "#app/domain/contracts/contract-acceptance.server";
import { acceptProposal } from "#app/domain/contracts/contract-creation.server";
import { changeContractStatus } from "#app/domain/contracts/contracts.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { createContract } from "#tests/factories/contracts";
import { createLiveProposal, openMissionFor } from "#tests/factories/contract-proposals";
import { createBusiness, createSecretary, createStaff } from "#tests/factories/users";

async function rejected(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const contractRow = (id: string) =>
  db.contract.findUniqueOrThrow({
    where: { id },
    include: { statusChanges: { orderBy: { createdAt: "asc" } } },
  });

describe("acceptContractTerms", () => {
  it("activates the contract once both sides accepted, the provider with the mandate", async () => {
    const { contract, business, secretary } = await createContract({ status: "PENDING" });
    const first = await acceptContractTerms({ actorId: business.id, contractId: contract.id });
    expect(first).toEqual({ ok: true, side: "BUSINESS", alreadyAccepted: false, activated: false });
    expect((await contractRow(contract.id)).status).toBe("PENDING");

    const second = await acceptContractTerms({
      actorId: secretary.id,
      contractId: contract.id,
      mandateAccepted: true,
    });
    expect(second).toEqual({ ok: true, side: "PROVIDER", alreadyAccepted: false, activated: true });
    const row = await contractRow(contract.id);
    expect(row).toMatchObject({
      status: "ACTIVE",
      businessAcceptedById: business.id,
      providerAcceptedById: secretary.id,
    });
    expect(row.activatedAt).toBeInstanceOf(Date);
    expect(row.mandateAcceptedAt).toEqual(row.providerAcceptedAt);
    expect(row.statusChanges.map((c) => [c.from, c.to, c.actorId])).toEqual([
      ["PENDING", "ACTIVE", secretary.id],
    ]);
  });

  it("refuses the provider's acceptance without the mandate, writing nothing", async () => {
    const { contract, secretary } = await createContract({ status: "PENDING" });
    const result = await acceptContractTerms({ actorId: secretary.id, contractId: contract.id });
    expect(result).toEqual({ ok: false, formError: MANDATE_REQUIRED_MESSAGE });
    const row = await contractRow(contract.id);
    expect(row.providerAcceptedAt).toBeNull();
    expect(row.mandateAcceptedAt).toBeNull();
  });

  it("is idempotent: a second click, even concurrent, changes nothing", async () => {
    const { contract, business } = await createContract({ status: "PENDING" });
    const results = await Promise.allSettled([
      acceptContractTerms({ actorId: business.id, contractId: contract.id }),
      acceptContractTerms({ actorId: business.id, contractId: contract.id }),
    ]);
    const values = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(values.filter((v) => v.ok && !v.alreadyAccepted)).toHaveLength(1);
    const before = (await contractRow(contract.id)).businessAcceptedAt;
    const again = await acceptContractTerms({ actorId: business.id, contractId: contract.id });
    expect(again).toMatchObject({ ok: true, alreadyAccepted: true, activated: false });
    expect((await contractRow(contract.id)).businessAcceptedAt).toEqual(before);
  });

  it("both sides accepting at the same instant activate the contract exactly once", async () => {
    const { contract, business, secretary } = await createContract({ status: "PENDING" });
    await Promise.allSettled([
      acceptContractTerms({ actorId: business.id, contractId: contract.id }),
      acceptContractTerms({ actorId: secretary.id, contractId: contract.id, mandateAccepted: true }),
    ]);
    const row = await contractRow(contract.id);
    expect(row.status).toBe("ACTIVE");
    expect(row.statusChanges.filter((c) => c.to === "ACTIVE")).toHaveLength(1);
  });

  it("lets only the two signing sides accept", async () => {
    const { contract } = await createContract({ status: "PENDING" });
    const staff = await createStaff("ADMIN");
    expect((await rejected(acceptContractTerms({ actorId: staff.id, contractId: contract.id }))).code).toBe(
      "FORBIDDEN",
    );
    const stranger = await createBusiness();
    expect(
      (await rejected(acceptContractTerms({ actorId: stranger.id, contractId: contract.id }))).code,
    ).toBe("NOT_FOUND");
  });

  it("refuses to accept a contract no longer pending", async () => {
    const { contract, business } = await createContract({ status: "PENDING" });
    await changeContractStatus({ actorId: business.id, contractId: contract.id, event: "CANCEL" });
    expect(
      (await rejected(acceptContractTerms({ actorId: business.id, contractId: contract.id }))).code,
    ).toBe("CONFLICT");
  });
});

describe("changeContractStatus", () => {
  it("pauses with a reason, resumes, completes — each with its history row", async () => {
    const { contract, business, secretary } = await createContract({ status: "ACTIVE" });
    const noReason = await rejected(
      changeContractStatus({ actorId: business.id, contractId: contract.id, event: "PAUSE" }),
    );
    expect(noReason.code).toBe("VALIDATION");
    await changeContractStatus({
      actorId: business.id,
      contractId: contract.id,
      event: "PAUSE",
      reason: "Fermeture du cabinet en août",
    });
    await changeContractStatus({ actorId: secretary.id, contractId: contract.id, event: "RESUME" });
    await changeContractStatus({ actorId: secretary.id, contractId: contract.id, event: "COMPLETE" });
    const row = await contractRow(contract.id);
    expect(row.status).toBe("COMPLETED");
    expect(row.endedAt).toBeInstanceOf(Date);
    expect(row.statusChanges.map((c) => [c.from, c.to, c.actorId, c.reason])).toEqual([
      ["ACTIVE", "PAUSED", business.id, "Fermeture du cabinet en août"],
      ["PAUSED", "ACTIVE", secretary.id, null],
      ["ACTIVE", "COMPLETED", secretary.id, null],
    ]);
  });

  it("opens a dispute with a reason", async () => {
    const { contract, secretary } = await createContract({ status: "ACTIVE" });
    await changeContractStatus({
      actorId: secretary.id,
      contractId: contract.id,
      event: "DISPUTE",
      reason: "Heures contestées",
    });
    expect((await contractRow(contract.id)).status).toBe("DISPUTED");
  });

  it("cancelling a pending contract reopens the mission it filled", async () => {
    const business = await createBusiness();
    const mission = await openMissionFor(business);
    const proposal = await createLiveProposal({ missionId: mission.id, bidder: await createSecretary() });
    const { contractId } = await acceptProposal({ actorId: business.id, proposalId: proposal.id });
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).status).toBe("FILLED");
    await changeContractStatus({ actorId: business.id, contractId, event: "CANCEL" });
    const reopened = await db.mission.findUniqueOrThrow({
      where: { id: mission.id },
      include: { statusChanges: true },
    });
    expect(reopened.status).toBe("OPEN");
    expect(reopened.statusChanges.at(-1)).toMatchObject({ from: "FILLED", to: "OPEN", actorId: null });
    expect((await contractRow(contractId)).status).toBe("CANCELLED");
    // The opening is free again: another proposal can be accepted.
    const next = await createLiveProposal({ missionId: mission.id, bidder: await createSecretary() });
    await acceptProposal({ actorId: business.id, proposalId: next.id });
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).status).toBe("FILLED");
  });

  it("refuses to cancel a running contract (staff only) and an assignee's or stranger's actions", async () => {
    const { contract, business, secretary } = await createContract({ status: "ACTIVE" });
    const cancel = await rejected(
      changeContractStatus({ actorId: business.id, contractId: contract.id, event: "CANCEL" }),
    );
    expect(cancel.code).toBe("INVALID_TRANSITION");
    expect(cancel.message).toBe("Action impossible : le contrat est « En cours ».");
    const staffOnly = await rejected(
      changeContractStatus({
        actorId: secretary.id,
        contractId: contract.id,
        event: "CANCEL_BY_STAFF",
        reason: "x",
      }),
    );
    expect(staffOnly.code).toBe("FORBIDDEN");
    const stranger = await createSecretary();
    const hidden = await rejected(
      changeContractStatus({ actorId: stranger.id, contractId: contract.id, event: "PAUSE", reason: "x" }),
    );
    expect(hidden.code).toBe("NOT_FOUND");
    expect((await contractRow(contract.id)).statusChanges).toHaveLength(0);
  });

  it("accepts staff for the staff events only", async () => {
    const { contract } = await createContract({ status: "ACTIVE" });
    const staff = await createStaff("MODERATOR");
    const party = await rejected(
      changeContractStatus({ actorId: staff.id, contractId: contract.id, event: "COMPLETE" }),
    );
    expect(party.code).toBe("FORBIDDEN");
    await changeContractStatus({
      actorId: staff.id,
      contractId: contract.id,
      event: "CANCEL_BY_STAFF",
      reason: "Fraude",
    });
    const row = await contractRow(contract.id);
    expect(row.status).toBe("CANCELLED");
    expect(row.statusChanges).toMatchObject([
      { from: "ACTIVE", to: "CANCELLED", actorId: staff.id, reason: "Fraude" },
    ]);
  });

  it("a double-clicked pause pauses once; the second gets a French refusal", async () => {
    const { contract, business } = await createContract({ status: "ACTIVE" });
    const input = {
      actorId: business.id,
      contractId: contract.id,
      event: "PAUSE" as const,
      reason: "Congés",
    };
    const results = await Promise.allSettled([changeContractStatus(input), changeContractStatus(input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = (results.find((r) => r.status === "rejected") as PromiseRejectedResult)
      .reason as DomainError;
    expect(["CONFLICT", "INVALID_TRANSITION"]).toContain(loser.code);
    expect((await contractRow(contract.id)).statusChanges).toHaveLength(1);
  });
});
