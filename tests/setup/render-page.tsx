import type React from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { AuthenticityTokenProvider } from "remix-utils/csrf/react";

/**
 * A page as the server renders it without JavaScript: a root route with `rootData` (who is signed
 * in, which some components read) around the page's component with its loader data and, for a
 * POST, its action data. Returns the HTML (scripts removed) and its visible text.
 */
export async function renderPage(args: {
  Component: React.ComponentType;
  path: string;
  loaderData: Record<string, unknown> | null;
  rootData?: Record<string, unknown>;
  actionData?: unknown;
}) {
  const routes = [
    {
      id: "root",
      loader: () => args.rootData ?? { user: null },
      children: [
        {
          id: "r",
          path: "*",
          loader: () => args.loaderData,
          action: () => (args.actionData ?? null) as Record<string, unknown> | null,
          Component: args.Component,
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes);
  const method = args.actionData === undefined ? "GET" : "POST";
  const context = await handler.query(
    new Request(`http://localhost${args.path}`, { method, body: method === "POST" ? "" : undefined }),
  );
  if (context instanceof Response) throw new Error("unexpected redirect");
  const html = renderToString(
    <AuthenticityTokenProvider token="t">
      <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} />
    </AuthenticityTokenProvider>,
  ).replace(/<script>.*<\/script>/s, "");
  return { html, text: html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ") };
}
