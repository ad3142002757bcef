import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { AuthenticityTokenProvider } from "remix-utils/csrf/react";
import { beforeAll, describe, expect, it } from "vitest";
import { demoAccounts } from "#app/cli/seed/demo-accounts";
import { seedDemoData } from "#app/cli/seed/seed-demo-data";
import { db } from "#app/lib/db.server";
import * as dashboard from "#app/routes/tableau-de-bord+/_index";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

// The demo data seeded at the real current time, as `npm start` does, rendered the way the server
// renders the page: every demo login sees real figures, in French, with nothing left undefined.
beforeAll(async () => {
  await seedDemoData({ secretaries: 30, businesses: 8 });
}, 60_000);

async function renderFor(email: string): Promise<string> {
  const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const result = await runRoute(dashboard.loader, await getRequest("/tableau-de-bord", { userId: id }));
  expect(result.status).toBe(200);
  const routes = [{ id: "r", path: "*", loader: () => result.data, Component: dashboard.default }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://localhost/tableau-de-bord"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  const rendered = renderToString(
    <AuthenticityTokenProvider token="t">
      <StaticRouterProvider router={router} context={context} />
    </AuthenticityTokenProvider>,
  );
  // The page itself, without the hydration data the static router appends.
  const html = rendered.replace(/<script>.*<\/script>/s, "");
  expect(html).not.toMatch(/undefined|NaN|null/);
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("/tableau-de-bord on the demo data", () => {
  it("shows the cabinet its bids to review, a contract to accept and work to approve", async () => {
    const text = await renderFor(demoAccounts.cabinet.email);
    expect(text).toContain("Propositions à examiner");
    expect(text).toMatch(/Accueil téléphonique et prise de rendez-vous Doctolib — \d+ nouvelles?/);
    expect(text).toContain("Permanence téléphonique du samedi matin");
    expect(text).toMatch(/validation automatique le \d+/);
    expect(text).toContain("Publier une mission");
  });

  it("shows Claire this week’s sessions, her offer and what she is owed", async () => {
    const text = await renderFor(demoAccounts.secretaire.email);
    expect(text).toMatch(/(mardi|vendredi) \d+ \S+, 14 h – 17 h/);
    expect(text).toContain("Renfort du secrétariat pendant les vacances de Noël");
    expect(text).toMatch(/Ce qui vous est dû [\d\s]+,\d\d\s€ de travail validé/);
  });

  it("shows the agency its members’ work", async () => {
    const text = await renderFor(demoAccounts.agence.email);
    expect(text).toContain("Travail des membres");
    expect(text).toContain("Laura Fabre");
    expect(text).toContain("Sandrine Giraud");
  });
});
