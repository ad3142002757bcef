// Authorization of the review routes for each role, and what the public pages show.
import { describe, expect, it } from "vitest";
import { ALREADY_REVIEWED_MESSAGE } from "#app/domain/reviews/reviews.policy";
import { submitReview } from "#app/domain/reviews/reviews.server";
import { db } from "#app/lib/db.server";
import * as agencyPage from "#app/routes/agences+/$slug";
import * as reviewPage from "#app/routes/contrats+/$contractId.avis";
import * as moderationReviews from "#app/routes/moderation+/avis";
import * as profilePage from "#app/routes/secretaires+/$slug";
import { createCompletedContract, reviewInput } from "#tests/factories/reviews";
import { createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const form = (over: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(reviewInput(over)).map(([k, v]) => [k, String(v)]));

async function world() {
  const made = await createCompletedContract();
  return {
    ...made,
    path: `/contrats/${made.contract.id}/avis`,
    params: { contractId: made.contract.id },
    outsider: await createBusiness({ organizationName: "Garage Bernard" }),
    otherSecretary: await createSecretary({ status: "PUBLISHED" }),
    moderator: await createStaff("MODERATOR"),
    admin: await createStaff("ADMIN"),
  };
}

describe("/contrats/:contractId/avis", () => {
  it("sends anonymous visitors to the login page", async () => {
    const w = await world();
    const get = await runRoute(reviewPage.loader, await getRequest(w.path), w.params);
    expect(get.status).toBe(302);
    expect(get.location).toBe(`/connexion?redirectTo=${encodeURIComponent(w.path)}`);
    const post = await runRoute(reviewPage.action, await formRequest(w.path, form()), w.params);
    expect(post.location).toMatch(/^\/connexion/);
  });

  it("answers 404 to outsiders, on reading and on writing", async () => {
    const w = await world();
    for (const outsider of [w.outsider, w.otherSecretary]) {
      const get = await runRoute(
        reviewPage.loader,
        await getRequest(w.path, { userId: outsider.id }),
        w.params,
      );
      expect(get.status).toBe(404);
      const post = await runRoute(
        reviewPage.action,
        await formRequest(w.path, form(), { userId: outsider.id }),
        w.params,
      );
      expect(post.status).toBe(404);
    }
    expect(await db.review.count({ where: { contractId: w.contract.id } })).toBe(0);
  });

  it("lets staff read but not write, and shows them only published reviews", async () => {
    const w = await world();
    await submitReview({ actorId: w.business.id, contractId: w.contract.id, input: reviewInput() });
    for (const staff of [w.moderator, w.admin]) {
      const get = await runRoute(reviewPage.loader, await getRequest(w.path, { userId: staff.id }), w.params);
      expect(get.status).toBe(200);
      expect(get.data).toMatchObject({ side: null, canWrite: false, mine: null, theirs: null, others: [] });
      const post = await runRoute(
        reviewPage.action,
        await formRequest(w.path, form(), { userId: staff.id }),
        w.params,
      );
      expect(post.status).toBe(403);
    }
  });

  it("lets each party write once, with French errors and a CSRF check", async () => {
    const w = await world();
    const asBusiness = { userId: w.business.id };
    const get = await runRoute(reviewPage.loader, await getRequest(w.path, asBusiness), w.params);
    expect(get.data).toMatchObject({ side: "BUSINESS", canWrite: true, counterpartName: "Claire Morel" });
    const forged = await runRoute(
      reviewPage.action,
      await formRequest(w.path, form(), { ...asBusiness, csrf: false }),
      w.params,
    );
    expect(forged.status).toBe(403);
    const invalid = await runRoute(
      reviewPage.action,
      await formRequest(w.path, { ...form({ comment: "bof" }), quality: "" }, asBusiness),
      w.params,
    );
    expect(invalid.status).toBe(400);
    expect(invalid.data.errors).toEqual({
      quality: "Choisissez une note pour « Qualité du travail ».",
      comment: "Écrivez un commentaire de 10 caractères au moins.",
    });
    const ok = await runRoute(reviewPage.action, await formRequest(w.path, form(), asBusiness), w.params);
    expect(ok.location).toBe(`${w.path}?envoye=1`);
    const again = await runRoute(reviewPage.action, await formRequest(w.path, form(), asBusiness), w.params);
    expect(again.status).toBe(409);
    expect(again.data.errors.form).toBe(ALREADY_REVIEWED_MESSAGE);
    const provider = await runRoute(
      reviewPage.action,
      await formRequest(w.path, form(), { userId: w.secretary.id }),
      w.params,
    );
    expect(provider.status).toBe(302);
    expect(await db.review.count({ where: { contractId: w.contract.id, publishedAt: { not: null } } })).toBe(
      2,
    );
  });
});

describe("/moderation/avis", () => {
  async function published() {
    const w = await world();
    await submitReview({
      actorId: w.business.id,
      contractId: w.contract.id,
      input: reviewInput({ rating: 1 }),
    });
    await submitReview({ actorId: w.secretary.id, contractId: w.contract.id, input: reviewInput() });
    const review = await db.review.findFirstOrThrow({
      where: { contractId: w.contract.id, authorSide: "BUSINESS" },
    });
    return { ...w, review };
  }
  const hide = (reviewId: string, userId?: string, reason = "Propos injurieux.") =>
    formRequest("/moderation/avis", { reviewId, reason }, { userId });

  it("is for staff only: anonymous to login, business and secretary 403", async () => {
    const w = await published();
    const anon = await runRoute(moderationReviews.loader, await getRequest("/moderation/avis"));
    expect(anon.status).toBe(302);
    expect((await runRoute(moderationReviews.action, await hide(w.review.id))).status).toBe(302);
    for (const user of [w.business, w.secretary, w.outsider]) {
      const get = await runRoute(
        moderationReviews.loader,
        await getRequest("/moderation/avis", { userId: user.id }),
      );
      expect(get.status).toBe(403);
      expect((await runRoute(moderationReviews.action, await hide(w.review.id, user.id))).status).toBe(403);
    }
    expect((await db.review.findUniqueOrThrow({ where: { id: w.review.id } })).hiddenAt).toBeNull();
  });

  it("lets a moderator or an admin list and hide a review, with a reason", async () => {
    const w = await published();
    for (const staff of [w.moderator, w.admin]) {
      const get = await runRoute(
        moderationReviews.loader,
        await getRequest("/moderation/avis", { userId: staff.id }),
      );
      expect(get.status).toBe(200);
      expect(get.data.reviews.map((r: { id: string }) => r.id)).toContain(w.review.id);
    }
    const noReason = await runRoute(moderationReviews.action, await hide(w.review.id, w.moderator.id, ""));
    expect(noReason.status).toBe(400);
    const ok = await runRoute(moderationReviews.action, await hide(w.review.id, w.admin.id));
    expect(ok.location).toBe("/moderation/avis?masque=1");
    expect((await db.review.findUniqueOrThrow({ where: { id: w.review.id } })).hiddenReason).toBe(
      "Propos injurieux.",
    );
    const twice = await runRoute(moderationReviews.action, await hide(w.review.id, w.moderator.id));
    expect(twice.status).toBe(409);
  });
});

describe("public pages", () => {
  it("show published reviews with averages on the profile and the agency page, never hidden ones", async () => {
    const w = await createCompletedContract();
    const profile = await db.secretaryProfile.findUniqueOrThrow({ where: { userId: w.secretary.id } });
    const path = `/secretaires/${profile.slug}`;
    await submitReview({
      actorId: w.business.id,
      contractId: w.contract.id,
      input: reviewInput({ rating: 4 }),
    });
    const before = await runRoute(profilePage.loader, await getRequest(path), { slug: profile.slug });
    expect(before.data.reviews.summary.count).toBe(0);
    await submitReview({ actorId: w.secretary.id, contractId: w.contract.id, input: reviewInput() });
    const after = await runRoute(profilePage.loader, await getRequest(path), { slug: profile.slug });
    expect(after.data.reviews.summary).toMatchObject({ count: 1, averages: { rating: 4, quality: 4 } });
    expect(after.data.reviews.reviews[0]).toMatchObject({ authorLabel: w.business.organization.name });
    await db.review.updateMany({ where: { contractId: w.contract.id }, data: { hiddenAt: new Date() } });
    const hidden = await runRoute(profilePage.loader, await getRequest(path), { slug: profile.slug });
    expect(hidden.data.reviews.reviews).toEqual([]);

    const a = await createCompletedContract({ agency: true });
    await submitReview({
      actorId: a.business.id,
      contractId: a.contract.id,
      input: reviewInput({ rating: 3 }),
    });
    await submitReview({ actorId: a.agencyOwner!.id, contractId: a.contract.id, input: reviewInput() });
    const { slug } = await db.organization.findUniqueOrThrow({
      where: { id: a.agencyOwner!.organization.id },
    });
    const agency = await runRoute(agencyPage.loader, await getRequest(`/agences/${slug}`), { slug });
    expect(agency.data.reviews.summary).toMatchObject({ count: 1, averages: { rating: 3 } });
  });
});
