import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { AuthenticityTokenProvider } from "remix-utils/csrf/react";
import type { ComponentType } from "react";
import { describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import * as accountPage from "#app/routes/compte+/_index";
import * as billing from "#app/routes/compte+/facturation._index";
import * as returnPage from "#app/routes/compte+/paiements.retour";
import * as payouts from "#app/routes/compte+/paiements._index";
import { createPayoutAccount } from "#tests/factories/payees";
import { createAgencyOwner, createBusiness, createSecretary } from "#tests/factories/users";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Page = { loader: Parameters<typeof runRoute>[0]; default: ComponentType };

/** The page as the server renders it (loader data, no JavaScript), as plain text. */
async function render(page: Page, path: string, userId: string): Promise<string> {
  const result = await runRoute(page.loader, await getRequest(path, { userId }));
  expect(result.status).toBe(200);
  const routes = [{ id: "r", path: "*", loader: () => result.data, Component: page.default }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const html = renderToString(
    <AuthenticityTokenProvider token="t">
      <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} />
    </AuthenticityTokenProvider>,
  ).replace(/<script>.*<\/script>/s, "");
  expect(html).not.toMatch(/undefined|NaN/);
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("payment pages, rendered without JavaScript", () => {
  it("shows a new secretary how to set up payouts, with the identity form prefilled with « EI »", async () => {
    const secretary = await createSecretary({ displayName: "Claire Morel" });
    const text = await render(payouts, "/compte/paiements", secretary.id);
    expect(text).toContain("Versements non configurés");
    expect(text).toContain("Configurer mes versements sur Stripe");
    expect(text).toContain("Identité de facturation");
    expect(text).toContain("TVA non applicable, art. 293 B du CGI");
    expect(text).not.toContain("Mode de versement");
  });

  it("shows a ready agency its status and the payout mode choice, and the return page says ready", async () => {
    const owner = await createAgencyOwner();
    await createPayoutAccount({ organizationId: owner.organization.id, stripeAccountId: "acct_render_1" });
    const text = await render(payouts, "/compte/paiements", owner.id);
    expect(text).toContain("Versements activés");
    expect(text).not.toContain("Configurer mes versements");
    expect(text).toContain("Mode de versement");
    expect(text).toContain("Raison sociale");
    expect(await render(returnPage, "/compte/paiements/retour", owner.id)).toContain(
      "Vos versements sont activés",
    );
  });

  it("shows a business its saved method and the replace button", async () => {
    const business = await createBusiness({ organizationName: "Cabinet Dubois" });
    await db.billingAccount.create({
      data: {
        organizationId: business.organization.id,
        stripeCustomerId: "cus_render_1",
        paymentMethodId: "pm_render_1",
        paymentMethodType: "sepa_debit",
        paymentMethodLabel: "Prélèvement SEPA •••• 2606",
        paymentFailedAt: new Date(),
      },
    });
    const text = await render(billing, "/compte/facturation", business.id);
    expect(text).toContain("Prélèvement SEPA •••• 2606");
    expect(text).toContain("Remplacer le moyen de paiement");
    expect(text).toContain("Le dernier prélèvement a échoué");
  });

  it("links /compte to the payments pages by account kind", async () => {
    const secretary = await createSecretary();
    const business = await createBusiness();
    expect(await render(accountPage, "/compte", secretary.id)).toContain("Paiements");
    const businessText = await render(accountPage, "/compte", business.id);
    expect(businessText).toContain("Facturation");
    expect(businessText).not.toContain("Paiements");
  });
});
