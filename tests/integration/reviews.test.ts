// Reviews of a completed contract: who may write (once, in time), the double blind, publication by
// the job after 14 days, ratings on the profile / organisation and the search outbox, staff hiding,
// and the REVIEW_RECEIVED notification.
import { afterEach, describe, expect, it } from "vitest";
import { startReviewPublication, publishDueReviews } from "#app/domain/reviews/review-publication.server";
import { ALREADY_REVIEWED_MESSAGE, NOT_COMPLETED_MESSAGE } from "#app/domain/reviews/reviews.policy";
import {
  getReviewPanel,
  hideReview,
  listPublishedReviewsFor,
  listPublishedReviewsForAgency,
  submitReview,
} from "#app/domain/reviews/reviews.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { addMember, notificationsOf, recordingBus } from "#tests/factories/notifications";
import { createCompletedContract, reviewInput } from "#tests/factories/reviews";
import { createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { bayesianRating } from "#search/rating-score";
import { loadDocuments } from "#search/sync/load-documents";

const DAY = 86_400_000;
let reset: (() => void) | undefined;
afterEach(() => reset?.());

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const outboxFor = (profileId: string) =>
  db.searchOutbox.count({ where: { indexName: "secretaries", documentId: profileId } });

describe("who may review a contract", () => {
  it("lets each side of a completed contract write once, and nobody else", async () => {
    const w = await createCompletedContract();
    const contractId = w.contract.id;
    const outsider = await createBusiness({ organizationName: "Garage Bernard" });
    const staff = await createStaff("MODERATOR");
    expect(
      (await refusal(submitReview({ actorId: outsider.id, contractId, input: reviewInput() }))).code,
    ).toBe("NOT_FOUND");
    expect((await refusal(submitReview({ actorId: staff.id, contractId, input: reviewInput() }))).code).toBe(
      "FORBIDDEN",
    );
    await submitReview({ actorId: w.business.id, contractId, input: reviewInput() });
    const again = await refusal(submitReview({ actorId: w.business.id, contractId, input: reviewInput() }));
    expect(again).toMatchObject({ code: "CONFLICT", message: ALREADY_REVIEWED_MESSAGE });
    // A colleague speaks for the same side: the business already wrote.
    const colleague = await createBusiness();
    await addMember(w.business.organization.id, colleague);
    const byColleague = await refusal(
      submitReview({ actorId: colleague.id, contractId, input: reviewInput() }),
    );
    expect(byColleague.message).toBe(ALREADY_REVIEWED_MESSAGE);
    await submitReview({ actorId: w.secretary.id, contractId, input: reviewInput({ rating: 4 }) });
    expect(await db.review.count({ where: { contractId } })).toBe(2);
  });

  it("refuses before completion and after the 14-day window, and validates the input", async () => {
    const active = await createCompletedContract({ status: "ACTIVE" });
    const early = await refusal(
      submitReview({ actorId: active.business.id, contractId: active.contract.id, input: reviewInput() }),
    );
    expect(early).toMatchObject({ code: "INVALID_TRANSITION", message: NOT_COMPLETED_MESSAGE });
    const old = await createCompletedContract({ endedAt: new Date(Date.now() - 15 * DAY) });
    const late = await refusal(
      submitReview({ actorId: old.business.id, contractId: old.contract.id, input: reviewInput() }),
    );
    expect(late.code).toBe("INVALID_TRANSITION");
    const bad = await refusal(
      submitReview({
        actorId: old.secretary.id,
        contractId: old.contract.id,
        input: reviewInput({ comment: "court" }),
      }),
    );
    expect(bad).toMatchObject({
      code: "VALIDATION",
      message: "Écrivez un commentaire de 10 caractères au moins.",
    });
    expect(
      await db.review.count({ where: { contractId: { in: [active.contract.id, old.contract.id] } } }),
    ).toBe(0);
  });

  it("lets the owner of the hired agency write the provider's side", async () => {
    const w = await createCompletedContract({ agency: true });
    await submitReview({ actorId: w.agencyOwner!.id, contractId: w.contract.id, input: reviewInput() });
    const review = await db.review.findFirstOrThrow({ where: { contractId: w.contract.id } });
    expect(review).toMatchObject({
      authorSide: "PROVIDER",
      subjectOrganizationId: w.business.organization.id,
    });
  });
});

describe("double blind", () => {
  it("hides a lone review from the other side, then publishes both when the second arrives", async () => {
    const bus = recordingBus();
    reset = bus.reset;
    const w = await createCompletedContract();
    const contractId = w.contract.id;
    const first = await submitReview({
      actorId: w.business.id,
      contractId,
      input: reviewInput({ rating: 3 }),
    });
    expect(first.published).toBe(false);
    const mine = await getReviewPanel({ actorId: w.business.id, contractId });
    expect(mine).toMatchObject({ side: "BUSINESS", canWrite: false, theirs: null });
    expect(mine.mine).toMatchObject({
      rating: 3,
      publishedAt: null,
      authorLabel: w.business.organization.name,
    });
    const theirs = await getReviewPanel({ actorId: w.secretary.id, contractId });
    expect(theirs).toMatchObject({ side: "PROVIDER", canWrite: true, mine: null, theirs: null });
    expect((await listPublishedReviewsFor({ subjectUserId: w.secretary.id })).reviews).toEqual([]);
    expect(await notificationsOf(w.secretary.id)).toEqual([]);

    const second = await submitReview({
      actorId: w.secretary.id,
      contractId,
      input: reviewInput({ rating: 5 }),
    });
    expect(second.published).toBe(true);
    const after = await getReviewPanel({ actorId: w.secretary.id, contractId });
    expect(after.theirs).toMatchObject({ rating: 3 });
    expect(after.mine?.publishedAt).not.toBeNull();
    expect(await db.review.count({ where: { contractId, publishedAt: null } })).toBe(0);

    const [notice] = await notificationsOf(w.secretary.id);
    expect(notice).toMatchObject({ type: "REVIEW_RECEIVED", link: `/contrats/${contractId}/avis` });
    expect((await notificationsOf(w.business.id)).map((n) => n.type)).toEqual(["REVIEW_RECEIVED"]);
    expect(
      bus.published.some((p) => p.rooms === `user:${w.secretary.id}` && p.event === "notification:count"),
    ).toBe(true);
  });
});

describe("ratings", () => {
  it("updates the secretary's profile and queues her search document on publication", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED", displayName: "Inès Roy" });
    const profile = await db.secretaryProfile.findUniqueOrThrow({ where: { userId: secretary.id } });
    for (const rating of [5, 4]) {
      const other = await createCompletedContract();
      // Re-point the contract to the same secretary: two businesses review her.
      await db.contract.update({ where: { id: other.contract.id }, data: { providerUserId: secretary.id } });
      await submitReview({
        actorId: other.business.id,
        contractId: other.contract.id,
        input: reviewInput({ rating }),
      });
      await submitReview({ actorId: secretary.id, contractId: other.contract.id, input: reviewInput() });
    }
    const rated = await db.secretaryProfile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(rated).toMatchObject({ ratingAverage: 4.5, ratingCount: 2 });
    expect(await outboxFor(profile.id)).toBe(2);
    // What the search worker will index for the queued id: the Bayesian score of 4.5 from 2 reviews.
    const { upserts } = await loadDocuments("secretaries", [profile.id]);
    expect(upserts[0]).toMatchObject({
      ratingAverage: 4.5,
      ratingCount: 2,
      ratingScore: bayesianRating(4.5, 2),
    });
    expect(bayesianRating(4.5, 2)).toBeLessThan(4.5);
    const listed = await listPublishedReviewsFor({ subjectUserId: secretary.id });
    expect(listed.summary).toMatchObject({ count: 2, averages: { rating: 4.5, quality: 4 } });
  });

  it("rates the agency for an agency contract and the business for the provider's review", async () => {
    const w = await createCompletedContract({ agency: true });
    const contractId = w.contract.id;
    await submitReview({ actorId: w.business.id, contractId, input: reviewInput({ rating: 2 }) });
    await submitReview({ actorId: w.secretary.id, contractId, input: reviewInput({ rating: 4 }) });
    const agency = await db.organization.findUniqueOrThrow({ where: { id: w.agencyOwner!.organization.id } });
    expect(agency).toMatchObject({ ratingAverage: 2, ratingCount: 1 });
    const business = await db.organization.findUniqueOrThrow({ where: { id: w.business.organization.id } });
    expect(business).toMatchObject({ ratingAverage: 4, ratingCount: 1 });
    const profile = await db.secretaryProfile.findUniqueOrThrow({ where: { userId: w.secretary.id } });
    expect(profile.ratingCount).toBe(0);
    const page = await listPublishedReviewsForAgency(
      (await db.organization.findUniqueOrThrow({ where: { id: agency.id } })).slug,
    );
    expect(page.reviews.map((r) => r.rating)).toEqual([2]);
    // The agency's owner hears about it, not the member who signed.
    expect((await notificationsOf(w.agencyOwner!.id)).map((n) => n.type)).toEqual(["REVIEW_RECEIVED"]);
  });
});

describe("the publication job", () => {
  it("publishes a lone review 14 days after the end, not before", async () => {
    const endedAt = new Date(Date.now() - 2 * DAY);
    const w = await createCompletedContract({ endedAt });
    await submitReview({
      actorId: w.business.id,
      contractId: w.contract.id,
      input: reviewInput({ rating: 4 }),
    });
    expect(await publishDueReviews(new Date(endedAt.getTime() + 14 * DAY - 1))).toBe(0);
    const due = new Date(endedAt.getTime() + 14 * DAY);
    const job = startReviewPublication({ poll: false, now: () => due });
    expect(await job.runOnce()).toBe(1);
    await job.stop();
    expect(await publishDueReviews(due)).toBe(0);
    const profile = await db.secretaryProfile.findUniqueOrThrow({ where: { userId: w.secretary.id } });
    expect(profile).toMatchObject({ ratingAverage: 4, ratingCount: 1 });
    expect(await outboxFor(profile.id)).toBe(1);
    expect((await notificationsOf(w.secretary.id)).map((n) => n.type)).toEqual(["REVIEW_RECEIVED"]);
    const panel = await getReviewPanel({ actorId: w.secretary.id, contractId: w.contract.id, now: due });
    expect(panel).toMatchObject({ canWrite: false, theirs: { rating: 4 } });
  });
});

describe("staff hiding a review", () => {
  it("hides it everywhere, recomputes the rating and writes exactly one audit row", async () => {
    const w = await createCompletedContract();
    const contractId = w.contract.id;
    await submitReview({ actorId: w.business.id, contractId, input: reviewInput({ rating: 1 }) });
    await submitReview({ actorId: w.secretary.id, contractId, input: reviewInput() });
    const review = await db.review.findFirstOrThrow({ where: { contractId, authorSide: "BUSINESS" } });
    const staff = await createStaff("MODERATOR");
    const reason = "Propos injurieux envers la secrétaire.";
    expect(
      (await refusal(hideReview({ actorId: w.business.id, input: { reviewId: review.id, reason } }))).code,
    ).toBe("FORBIDDEN");
    await hideReview({ actorId: staff.id, input: { reviewId: review.id, reason } });
    const profile = await db.secretaryProfile.findUniqueOrThrow({ where: { userId: w.secretary.id } });
    expect(profile).toMatchObject({ ratingAverage: null, ratingCount: 0 });
    expect(await outboxFor(profile.id)).toBe(2);
    expect((await listPublishedReviewsFor({ subjectUserId: w.secretary.id })).reviews).toEqual([]);
    expect((await getReviewPanel({ actorId: w.secretary.id, contractId })).theirs).toBeNull();
    const audits = await db.auditLog.findMany({ where: { targetId: review.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: staff.id,
      action: "REVIEW_HIDE",
      targetType: "Review",
      reason,
    });
    const twice = await refusal(hideReview({ actorId: staff.id, input: { reviewId: review.id, reason } }));
    expect(twice.code).toBe("CONFLICT");
    expect(await db.auditLog.count({ where: { targetId: review.id } })).toBe(1);
  });
});
