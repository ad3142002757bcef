// /compte/donnees rendered as the server renders it: the download link, and a deletion form that works
// without JavaScript (CSRF token, password, confirmation box), in French.
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { AuthenticityTokenProvider } from "remix-utils/csrf/react";
import { describe, expect, it } from "vitest";
import * as page from "#app/routes/compte+/donnees";

async function render(method: "GET" | "POST", actionData?: { message: string }) {
  const routes = [
    { id: "r", path: "*", loader: () => null, action: () => actionData ?? null, Component: page.default },
  ];
  const handler = createStaticHandler(routes);
  const body = method === "POST" ? new URLSearchParams({ password: "x" }) : undefined;
  const context = await handler.query(new Request("http://localhost/compte/donnees", { method, body }));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    <AuthenticityTokenProvider token="jeton-csrf">
      <StaticRouterProvider router={router} context={context} />
    </AuthenticityTokenProvider>,
  );
  return html.replace(/<script>.*<\/script>/s, "");
}

describe("/compte/donnees page", () => {
  it("offers the zip and a deletion form with token, password and confirmation", async () => {
    const html = await render("GET");
    expect(html).toContain('href="/compte/donnees.zip"');
    expect(html).toContain("Télécharger mes données (ZIP)");
    expect(html).toMatch(/<form method="post"/);
    expect(html).toMatch(/name="csrf" value="jeton-csrf"/);
    expect(html).toMatch(/type="password" name="password" autoComplete="current-password" required/);
    expect(html).toContain('<input type="checkbox" name="confirm" required="" value="on"/>');
    expect(html).toContain("Supprimer mon compte");
    expect(html).not.toContain('role="alert"');
  });

  it("shows a refusal next to the form, announced to screen readers", async () => {
    const html = await render("POST", {
      message: "Mot de passe incorrect : votre compte n’a pas été supprimé.",
    });
    expect(html).toMatch(/<p id="erase-error" class="form-error" role="alert">Mot de passe incorrect/);
    expect(html).toContain('aria-describedby="erase-error"');
  });
});
