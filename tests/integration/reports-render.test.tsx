// The "Signaler" forms on a public profile as the server renders them (no JavaScript): one per
// published review, and on the profile a choice between the profile and the person, which names
// the person by the page's slug only (her user id never reaches the HTML).
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { AuthenticityTokenProvider } from "remix-utils/csrf/react";
import { describe, expect, it } from "vitest";
import { submitReview } from "#app/domain/reviews/reviews.server";
import { db } from "#app/lib/db.server";
import { reportListing } from "#app/domain/reports/listing-reports.server";
import * as reportsPage from "#app/routes/moderation+/signalements";
import * as profilePage from "#app/routes/secretaires+/$slug";
import { createCompletedContract, reviewInput } from "#tests/factories/reviews";
import { createBusiness, createStaff } from "#tests/factories/users";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Page = { loader: Parameters<typeof runRoute>[0]; default: React.ComponentType };

async function renderPage(page: Page, path: string, viewerId: string, params: Record<string, string> = {}) {
  const result = await runRoute(page.loader, await getRequest(path, { userId: viewerId }), params);
  expect(result.status).toBe(200);
  const routes = [
    {
      id: "root",
      loader: () => ({ user: { id: viewerId } }),
      children: [{ id: "r", path: "*", loader: () => result.data, Component: page.default }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const html = renderToString(
    <AuthenticityTokenProvider token="t">
      <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} />
    </AuthenticityTokenProvider>,
  ).replace(/<script>.*<\/script>/s, "");
  return { html, text: html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ") };
}

const renderProfile = (path: string, slug: string, viewerId: string) =>
  renderPage(profilePage, path, viewerId, { slug });

describe("report forms on a public profile", () => {
  it("offers to report each published review and the person, by slug only", async () => {
    const w = await createCompletedContract();
    const { reviewId } = await submitReview({
      actorId: w.business.id,
      contractId: w.contract.id,
      input: reviewInput(),
    });
    await submitReview({ actorId: w.secretary.id, contractId: w.contract.id, input: reviewInput() });
    const { slug } = await db.secretaryProfile.findUniqueOrThrow({ where: { userId: w.secretary.id } });
    const viewer = await createBusiness();

    const page = await renderProfile(`/secretaires/${slug}`, slug, viewer.id);
    expect(page.text).toContain("Signaler cet avis");
    expect(page.html).toContain(`id="avis-${reviewId}"`);
    expect(page.html).toContain(`value="${reviewId}"`);
    expect(page.text).toContain("Signaler la personne (comportement)");
    expect(page.html).toContain('value="USER"');
    expect(page.html).not.toContain(w.secretary.id);

    const after = await renderProfile(`/secretaires/${slug}?signale=ok&avis=${reviewId}`, slug, viewer.id);
    expect(after.text.match(/votre signalement est transmis/g)).toHaveLength(1);
    expect(after.text).toContain("Signaler ce profil");
  });
});

describe("review and person reports in the staff queue", () => {
  it("shows the review with a hide form, and the person with a link to her account", async () => {
    const w = await createCompletedContract();
    const input = reviewInput({ comment: "Avis signalé pour le rendu." });
    const { reviewId } = await submitReview({ actorId: w.business.id, contractId: w.contract.id, input });
    await submitReview({ actorId: w.secretary.id, contractId: w.contract.id, input: reviewInput() });
    const { slug } = await db.secretaryProfile.findUniqueOrThrow({ where: { userId: w.secretary.id } });
    const reporter = await createBusiness();
    await reportListing({ actorId: reporter.id, targetType: "REVIEW", targetId: reviewId, reason: "OTHER" });
    await reportListing({ actorId: reporter.id, targetType: "USER", targetId: slug, reason: "HARASSMENT" });
    const staff = await createStaff("MODERATOR");

    const queue = await renderPage(reportsPage, "/moderation/signalements", staff.id);
    expect(queue.text).toContain("Avis signalé pour le rendu.");
    expect(queue.text).toContain("Masquer l’avis");
    expect(queue.text).toContain("Personne signalée : Claire Morel (secrétaire)");
    expect(queue.html).toContain(`href="/moderation/utilisateurs/${w.secretary.id}"`);
  });
});
