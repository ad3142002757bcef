// The "Messages" link of each proposal, as the server renders the pages (no JavaScript): on the
// business's comparison and on the bidder's list of her proposals.
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { AuthenticityTokenProvider } from "remix-utils/csrf/react";
import { describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import * as myProposals from "#app/routes/compte+/propositions";
import * as comparison from "#app/routes/missions+/$missionId_.propositions";
import { missionConversation } from "#tests/factories/chat";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Page = { loader: Parameters<typeof runRoute>[0]; default: React.ComponentType };

async function render(page: Page, path: string, userId: string, params: Record<string, string> = {}) {
  const result = await runRoute(page.loader, await getRequest(path, { userId }), params);
  expect(result.status).toBe(200);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, kind: true } });
  const routes = [
    {
      id: "root",
      loader: () => ({ user }),
      children: [{ id: "r", path: "*", loader: () => result.data, Component: page.default }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToString(
    <AuthenticityTokenProvider token="t">
      <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} />
    </AuthenticityTokenProvider>,
  );
}

describe("Messages links on the proposal pages", () => {
  it("the business's comparison and the bidder's list link each proposal to its thread", async () => {
    const { business, secretary, mission, proposal } = await missionConversation();
    const href = `href="/messages/proposition/${proposal.id}"`;
    const path = `/missions/${mission.id}/propositions`;
    const compared = await render(comparison, path, business.id, { missionId: mission.id });
    expect(compared).toContain(href);
    expect(compared).toMatch(/Messages<span class="visually-hidden"> avec (<!-- -->)?Claire Morel/);
    expect(await render(myProposals, "/compte/propositions", secretary.id)).toContain(href);
  });
});
