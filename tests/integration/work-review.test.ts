// Approving, disputing, resubmitting and the worker's automatic approval, with a controllable clock.
import { beforeAll, describe, expect, it } from "vitest";
import { autoApproveDueWork, startWorkAutoApproval } from "#app/domain/work/work-auto-approval.server";
import { editTimeEntry } from "#app/domain/work/work-entry-edits.server";
import { approveAll, approveWork, disputeWork, submitMilestone } from "#app/domain/work/work-review.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { createContract } from "#tests/factories/contracts";
import { createBusiness, createStaff } from "#tests/factories/users";
import { addReplacement, createEntry, entryRow } from "#tests/factories/work";

const NOW = new Date("2026-11-29T12:00:00Z");
const DAY = 86_400_000;

async function refused(promise: Promise<unknown>, code: string, message?: string | RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (message) expect((error as DomainError).message).toMatch(message);
}

let c: Awaited<ReturnType<typeof createContract>>;
const entry = (over: Partial<Parameters<typeof createEntry>[0]> = {}) =>
  createEntry({ contractId: c.contract.id, assigneeId: c.primaryAssigneeId, date: "2026-11-20", ...over });

beforeAll(async () => {
  c = await createContract({ billingMode: "HOURLY" });
});

describe("approve and dispute", () => {
  it("any member of the business approves; a second click changes nothing (CONFLICT)", async () => {
    const e = await entry();
    await approveWork({ actorId: c.business.id, entryId: e.id, now: NOW });
    expect(await entryRow(e.id)).toMatchObject({
      status: "APPROVED",
      reviewedById: c.business.id,
      reviewedAt: NOW,
      autoApproved: false,
    });
    await refused(
      approveWork({ actorId: c.business.id, entryId: e.id, now: NOW }),
      "INVALID_TRANSITION",
      /« Validé »/,
    );
  });

  it("two approvals racing: one wins, the other gets CONFLICT or INVALID_TRANSITION", async () => {
    const e = await entry();
    const results = await Promise.allSettled([
      approveWork({ actorId: c.business.id, entryId: e.id, now: NOW }),
      approveWork({ actorId: c.business.id, entryId: e.id, now: NOW }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("a dispute needs a reason and keeps it; the business may still approve afterwards", async () => {
    const e = await entry();
    await refused(
      disputeWork({ actorId: c.business.id, entryId: e.id, reason: "  ", now: NOW }),
      "VALIDATION",
      /motif/,
    );
    expect((await entryRow(e.id)).status).toBe("SUBMITTED");
    await disputeWork({
      actorId: c.business.id,
      entryId: e.id,
      reason: "Le cabinet était fermé ce jour-là",
      now: NOW,
    });
    expect(await entryRow(e.id)).toMatchObject({
      status: "DISPUTED",
      disputeReason: "Le cabinet était fermé ce jour-là",
    });
    await refused(
      disputeWork({ actorId: c.business.id, entryId: e.id, reason: "encore", now: NOW }),
      "INVALID_TRANSITION",
    );
    await approveWork({ actorId: c.business.id, entryId: e.id, now: NOW });
    expect((await entryRow(e.id)).status).toBe("APPROVED");
  });

  it("a disputed entry corrected by the secretary is SUBMITTED again with a new window", async () => {
    const e = await entry({ status: "DISPUTED" });
    const later = new Date(NOW.getTime() + 3600_000);
    await editTimeEntry({
      actorId: c.secretary.id,
      entryId: e.id,
      input: { date: "2026-11-20", minutes: 30, description: "Corrigé" },
      now: later,
    });
    expect(await entryRow(e.id)).toMatchObject({ status: "SUBMITTED", submittedAt: later });
  });

  it("only the business reviews: the secretary, another business, staff are refused", async () => {
    const e = await entry();
    await refused(approveWork({ actorId: c.secretary.id, entryId: e.id, now: NOW }), "FORBIDDEN");
    const other = await createBusiness({ organizationName: "Autre cabinet" });
    await refused(approveWork({ actorId: other.id, entryId: e.id, now: NOW }), "NOT_FOUND");
    const staff = await createStaff();
    await refused(disputeWork({ actorId: staff.id, entryId: e.id, reason: "non", now: NOW }), "FORBIDDEN");
    await refused(approveWork({ actorId: c.business.id, entryId: "nope", now: NOW }), "NOT_FOUND");
    expect((await entryRow(e.id)).status).toBe("SUBMITTED");
  });

  it("a colleague of the same business may approve", async () => {
    const colleague = await createBusiness();
    await db.membership.create({
      data: { userId: colleague.id, organizationId: c.business.organization.id, role: "MEMBER" },
    });
    const e = await entry();
    await approveWork({ actorId: colleague.id, entryId: e.id, now: NOW });
    expect((await entryRow(e.id)).reviewedById).toBe(colleague.id);
  });

  it.each(["ACTIVE", "PAUSED", "COMPLETED"] as const)(
    "approving is allowed while the contract is %s",
    async (status) => {
      const k = await createContract({ status });
      const e = await createEntry({
        contractId: k.contract.id,
        assigneeId: k.primaryAssigneeId,
        date: "2026-11-10",
      });
      await approveWork({ actorId: k.business.id, entryId: e.id, now: NOW });
      expect((await entryRow(e.id)).status).toBe("APPROVED");
    },
  );

  it.each(["DISPUTED", "CANCELLED"] as const)(
    "approving is refused while the contract is %s",
    async (status) => {
      const k = await createContract({ status });
      const e = await createEntry({
        contractId: k.contract.id,
        assigneeId: k.primaryAssigneeId,
        date: "2026-11-10",
      });
      await refused(
        approveWork({ actorId: k.business.id, entryId: e.id, now: NOW }),
        "INVALID_TRANSITION",
        /ne peut pas être validé/,
      );
      expect((await entryRow(e.id)).status).toBe("SUBMITTED");
    },
  );
});

describe("approve a selection", () => {
  it("approves the checked lines of the primary and the replacement in one go; again changes nothing", async () => {
    const lea = await addReplacement(c.contract.id, {
      replacesId: c.primaryAssigneeId,
      startsOn: "2026-11-16",
      endsOn: "2026-11-18",
      createdById: c.business.id,
    });
    const a = await entry({ date: "2026-11-10" });
    const b = await createEntry({
      contractId: c.contract.id,
      assigneeId: lea.assigneeId,
      date: "2026-11-17",
    });
    const untouched = await entry({ date: "2026-11-11" });
    expect(
      await approveAll({
        actorId: c.business.id,
        contractId: c.contract.id,
        entryIds: [a.id, b.id],
        now: NOW,
      }),
    ).toEqual({ approved: 2 });
    expect((await entryRow(b.id)).status).toBe("APPROVED");
    expect((await entryRow(untouched.id)).status).toBe("SUBMITTED");
    await refused(
      approveAll({ actorId: c.business.id, contractId: c.contract.id, entryIds: [a.id, b.id], now: NOW }),
      "CONFLICT",
    );
  });

  it("refuses an empty selection and lines of another contract (nothing approved)", async () => {
    await refused(
      approveAll({ actorId: c.business.id, contractId: c.contract.id, entryIds: [], now: NOW }),
      "VALIDATION",
    );
    const k = await createContract({ business: c.business });
    const foreign = await createEntry({
      contractId: k.contract.id,
      assigneeId: k.primaryAssigneeId,
      date: "2026-11-10",
    });
    const mine = await entry();
    await refused(
      approveAll({
        actorId: c.business.id,
        contractId: c.contract.id,
        entryIds: [mine.id, foreign.id],
        now: NOW,
      }),
      "NOT_FOUND",
    );
    expect((await entryRow(mine.id)).status).toBe("SUBMITTED");
  });
});

describe("milestones (FIXED)", () => {
  it("an assignee marks it delivered; the business approves it", async () => {
    const k = await createContract({ billingMode: "FIXED" });
    const m = await db.milestone.findFirstOrThrow({
      where: { contractId: k.contract.id },
      select: { id: true },
    });
    await refused(submitMilestone({ actorId: k.business.id, milestoneId: m.id, now: NOW }), "FORBIDDEN");
    await submitMilestone({
      actorId: k.secretary.id,
      milestoneId: m.id,
      deliveryNote: "Fichier envoyé",
      now: NOW,
    });
    await refused(
      submitMilestone({ actorId: k.secretary.id, milestoneId: m.id, now: NOW }),
      "INVALID_TRANSITION",
    );
    expect(await db.milestone.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      status: "SUBMITTED",
      submittedById: k.secretary.id,
      submittedAt: NOW,
      deliveryNote: "Fichier envoyé",
    });
    await disputeWork({ actorId: k.business.id, milestoneId: m.id, reason: "Il manque octobre", now: NOW });
    await submitMilestone({
      actorId: k.secretary.id,
      milestoneId: m.id,
      deliveryNote: "Octobre ajouté",
      now: NOW,
    });
    await approveWork({ actorId: k.business.id, milestoneId: m.id, now: NOW });
    expect((await db.milestone.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("APPROVED");
  });

  it("cannot be delivered on a paused contract", async () => {
    const k = await createContract({ billingMode: "FIXED", status: "PAUSED" });
    const m = await db.milestone.findFirstOrThrow({
      where: { contractId: k.contract.id },
      select: { id: true },
    });
    await refused(
      submitMilestone({ actorId: k.secretary.id, milestoneId: m.id, now: NOW }),
      "INVALID_TRANSITION",
    );
  });
});

describe("automatic approval", () => {
  it("approves only after the window, as SYSTEM, not disputed work, and only once", async () => {
    const k = await createContract({ reviewWindowDays: 7 });
    const at = (iso: string) => new Date(iso);
    const submitted = at("2026-11-20T10:00:00Z");
    const due = await createEntry({
      contractId: k.contract.id,
      assigneeId: k.primaryAssigneeId,
      date: "2026-11-20",
      submittedAt: submitted,
    });
    const disputed = await createEntry({
      contractId: k.contract.id,
      assigneeId: k.primaryAssigneeId,
      date: "2026-11-20",
      submittedAt: submitted,
      status: "DISPUTED",
    });
    const young = await createEntry({
      contractId: k.contract.id,
      assigneeId: k.primaryAssigneeId,
      date: "2026-11-21",
      submittedAt: at("2026-11-22T10:00:00Z"),
    });
    // Other tests' lines are parked out of reach: this one counts only its own.
    await db.workEntry.updateMany({
      where: { contractId: { not: k.contract.id }, status: "SUBMITTED" },
      data: { status: "DISPUTED" },
    });

    expect(await autoApproveDueWork(new Date(submitted.getTime() + 7 * DAY - 1))).toBe(0);
    const when = new Date(submitted.getTime() + 7 * DAY);
    expect(await autoApproveDueWork(when)).toBe(1);
    expect(await entryRow(due.id)).toMatchObject({
      status: "APPROVED",
      autoApproved: true,
      reviewedById: null,
      reviewedAt: when,
    });
    expect((await entryRow(disputed.id)).status).toBe("DISPUTED");
    expect((await entryRow(young.id)).status).toBe("SUBMITTED");
    expect(await autoApproveDueWork(when)).toBe(0); // idempotent
    expect(await autoApproveDueWork(new Date("2026-11-29T10:00:00Z"))).toBe(1);
  });

  it("follows each contract's window and skips disputed contracts; milestones too; in batches", async () => {
    await db.workEntry.updateMany({ where: { status: "SUBMITTED" }, data: { status: "DISPUTED" } });
    const short = await createContract({ reviewWindowDays: 2 });
    const held = await createContract({ reviewWindowDays: 2, status: "DISPUTED" });
    const fixed = await createContract({ billingMode: "FIXED", reviewWindowDays: 2 });
    const submitted = new Date("2026-11-20T10:00:00Z");
    for (let i = 0; i < 105; i += 1)
      await createEntry({
        contractId: short.contract.id,
        assigneeId: short.primaryAssigneeId,
        date: "2026-11-20",
        submittedAt: submitted,
      });
    await createEntry({
      contractId: held.contract.id,
      assigneeId: held.primaryAssigneeId,
      date: "2026-11-20",
      submittedAt: submitted,
    });
    await db.milestone.updateMany({
      where: { contractId: fixed.contract.id },
      data: { status: "SUBMITTED", submittedAt: submitted, submittedById: fixed.secretary.id },
    });

    const job = startWorkAutoApproval({ poll: false, now: () => new Date(submitted.getTime() + 2 * DAY) });
    expect(await job.runOnce()).toBe(106);
    expect(await job.runOnce()).toBe(0);
    await job.stop();
    expect(await db.workEntry.count({ where: { contractId: held.contract.id, status: "SUBMITTED" } })).toBe(
      1,
    );
    expect(await db.milestone.findFirstOrThrow({ where: { contractId: fixed.contract.id } })).toMatchObject({
      status: "APPROVED",
      autoApproved: true,
      reviewedById: null,
    });
  });
});
