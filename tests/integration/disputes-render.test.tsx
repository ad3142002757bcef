// The dispute pages as the server renders them (no JavaScript): the queue with why each contract
// is there, the case page with the disputed work, the decision forms (reason required), and the
// banners on the contract page.
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { AuthenticityTokenProvider } from "remix-utils/csrf/react";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import * as contractPage from "#app/routes/contrats+/$contractId._index";
import * as consoleHome from "#app/routes/moderation+/_index";
import * as casePage from "#app/routes/moderation+/litiges.$contractId";
import * as queuePage from "#app/routes/moderation+/litiges._index";
import { createContract } from "#tests/factories/contracts";
import { createStaff } from "#tests/factories/users";
import { createEntry } from "#tests/factories/work";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Page = { loader: Parameters<typeof runRoute>[0]; default: React.ComponentType };

async function render(page: Page, path: string, userId: string, params: Record<string, string> = {}) {
  const result = await runRoute(page.loader, await getRequest(path, { userId }), params);
  expect(result.status).toBe(200);
  const routes = [
    {
      id: "root",
      loader: () => ({ user: null }),
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
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

let c: Awaited<ReturnType<typeof createContract>>;
let moderator: string;

beforeAll(async () => {
  moderator = (await createStaff("MODERATOR")).id;
  c = await createContract({ billingMode: "HOURLY" });
  await createEntry({
    contractId: c.contract.id,
    assigneeId: c.primaryAssigneeId,
    date: "2026-11-20",
    status: "DISPUTED",
    reviewedAt: new Date(),
    description: "Standard du mardi",
  });
  await db.contract.update({
    where: { id: c.contract.id },
    data: { status: "DISPUTED", flaggedAt: new Date(), flagReason: "Un participant a été suspendu." },
  });
});

describe("staff pages", () => {
  it("the queue says why the contract is there", async () => {
    const text = await render(queuePage, "/moderation/litiges", moderator);
    expect(text).toContain("Litiges et contrats signalés");
    expect(text).toMatch(/contrat en litige · 1 ligne\(s\) contestée\(s\)/);
    expect(text).toContain("Un participant a été suspendu.");
  });

  it("the case page shows the disputed work with the business's reason and the decision forms", async () => {
    const path = `/moderation/litiges/${c.contract.id}`;
    const text = await render(casePage, path, moderator, { contractId: c.contract.id });
    expect(text).toContain("Standard du mardi");
    expect(text).toContain("motif de l’entreprise : « Heures non prévues »");
    expect(text).toContain("Valider et payer la prestataire");
    expect(text).toContain("Aucun paiement encaissé à rembourser sur ce contrat.");
    expect(text).toContain("Suite du contrat");
  });

  it("the console's home page links to the queue with its count", async () => {
    const text = await render(consoleHome, "/moderation", moderator);
    expect(text).toMatch(/Litiges et contrats signalés : \d+ à examiner/);
  });
});

describe("the contract page", () => {
  it("tells the parties a dispute is under review and that the contract was flagged", async () => {
    const text = await render(contractPage, `/contrats/${c.contract.id}`, c.business.id, {
      contractId: c.contract.id,
    });
    expect(text).toContain("Un litige est en cours d’examen par l’équipe Permanence.");
    expect(text).toContain("Un participant a été suspendu.");
  });
});
