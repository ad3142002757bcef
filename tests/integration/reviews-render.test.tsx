// The review pages as the server renders them (no JavaScript): accessible radio groups, the
// double-blind notice, the staff list, and the averages on the public profile.
import { describe, expect, it } from "vitest";
import { submitReview } from "#app/domain/reviews/reviews.server";
import { db } from "#app/lib/db.server";
import { formatDate } from "#app/lib/dates";
import * as reviewPage from "#app/routes/contrats+/$contractId.avis";
import * as moderationReviews from "#app/routes/moderation+/avis";
import * as profilePage from "#app/routes/secretaires+/$slug";
import { createCompletedContract, reviewInput } from "#tests/factories/reviews";
import { createStaff } from "#tests/factories/users";
import { renderPage } from "#tests/setup/render-page";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Page = { loader: Parameters<typeof runRoute>[0]; default: React.ComponentType };

async function render(
  page: Page,
  path: string,
  userId: string | null,
  params: Record<string, string> = {},
  actionData?: unknown,
) {
  const result = await runRoute(page.loader, await getRequest(path, userId ? { userId } : {}), params);
  expect(result.status).toBe(200);
  return renderPage({ Component: page.default, path, loaderData: result.data, rootData: { user: null }, actionData });
}

describe("the contract's review page", () => {
  it("offers four radio groups with a legend each and a comment, then the double-blind notice", async () => {
    const w = await createCompletedContract();
    const path = `/contrats/${w.contract.id}/avis`;
    const params = { contractId: w.contract.id };
    const form = await render(reviewPage, path, w.business.id, params);
    const legends = [...form.html.matchAll(/<legend>([^<]+)<\/legend>/g)].map((m) => m[1]);
    expect(legends).toEqual(["Note globale", "Fiabilité", "Qualité du travail", "Communication"]);
    expect(form.html.match(/type="radio"/g)).toHaveLength(20);
    expect(form.html).toContain('<label for="review-comment">Votre commentaire</label>');
    expect(form.text).toContain("Votre avis sur Claire Morel");

    const withErrors = await render(reviewPage, path, w.business.id, params, {
      errors: { quality: "Choisissez une note pour « Qualité du travail »." },
      values: { rating: "4", comment: "Un commentaire" },
    });
    expect(withErrors.html).toMatch(/aria-describedby="quality-error"/);
    expect(withErrors.text).toContain("Choisissez une note pour « Qualité du travail ».");
    expect(withErrors.html).toContain('name="rating" required="" checked="" value="4"');

    const { publishBy } = await submitReview({
      actorId: w.business.id,
      contractId: w.contract.id,
      input: reviewInput(),
    });
    const after = await render(reviewPage, `${path}?envoye=1`, w.business.id, params);
    expect(after.text).toContain(
      `Votre avis sera publié quand l’autre partie aura laissé le sien, ou au plus tard le ${formatDate(publishBy)}.`,
    );
    expect(after.html).not.toContain('type="radio"');
    const other = await render(reviewPage, path, w.secretary.id, params);
    expect(other.text).not.toContain(reviewInput().comment);
    expect(other.text).toContain("Rien à lire pour l’instant");
  });
});

describe("pages showing published reviews", () => {
  it("shows averages on the public profile and the hide form to staff", async () => {
    const w = await createCompletedContract();
    await submitReview({
      actorId: w.business.id,
      contractId: w.contract.id,
      input: reviewInput({ rating: 4 }),
    });
    await submitReview({ actorId: w.secretary.id, contractId: w.contract.id, input: reviewInput() });
    const { slug } = await db.secretaryProfile.findUniqueOrThrow({ where: { userId: w.secretary.id } });
    const profile = await render(profilePage, `/secretaires/${slug}`, null, { slug });
    expect(profile.text).toContain("1 avis publié");
    expect(profile.text).toContain("Note globale 4,0 / 5");
    expect(profile.text).toContain(w.business.organization.name);
    const staff = await createStaff("MODERATOR");
    const moderation = await render(moderationReviews, "/moderation/avis", staff.id);
    expect(moderation.text).toContain("Masquer cet avis");
    expect(moderation.html).toContain('name="reason"');
  });
});
