import type http from "node:http";
import { consolePage } from "./console-page";
import { type SimCore } from "./core";
import { StripeSimError } from "./errors";
import { type Form, optionalString } from "./form";
import { completeOnboarding } from "./resources/accounts";
import { completeSetupSession } from "./resources/checkout";
import { createCardMethod, createSepaMethod } from "./resources/payment-methods";
import { type SimCheckoutSession } from "./state";
import { TEST_CARDS, TEST_IBANS } from "./test-data";

// The pages Stripe would host (Connect onboarding, Checkout in setup mode), in French, without JS.
type PageRequest = { method: string; url: URL; form: Form };

export async function handlePage(
  core: SimCore,
  req: PageRequest,
  res: http.ServerResponse,
): Promise<boolean> {
  const onboarding = /^\/simulateur\/onboarding\/([\w-]+)$/.exec(req.url.pathname);
  const checkout = /^\/simulateur\/checkout\/([\w-]+)$/.exec(req.url.pathname);
  if (req.url.pathname === "/simulateur") {
    consolePage(core, req, res);
    return true;
  }
  if (onboarding) onboardingPage(core, onboarding[1] ?? "", req, res);
  else if (checkout) checkoutPage(core, checkout[1] ?? "", req, res);
  return Boolean(onboarding ?? checkout);
}

function onboardingPage(core: SimCore, token: string, req: PageRequest, res: http.ServerResponse) {
  const link = core.state.accountLinks.get(token);
  if (!link) return html(res, 404, page("Lien inconnu", "<p>Ce lien d’inscription n’existe pas.</p>"));
  // Like Stripe: an Account Link works once and for a few minutes; otherwise back to refresh_url.
  if (link.used || link.expires_at < core.now()) return redirect(res, link.refresh_url);
  if (req.method === "POST") {
    link.used = true;
    if (req.form.action === "complete") completeOnboarding(core, link.account);
    core.clock.runDue();
    return redirect(res, link.return_url);
  }
  const account = core.state.accounts.get(link.account);
  html(
    res,
    200,
    page(
      "Recevoir vos paiements",
      `
    <p>Compte connecté <code>${esc(link.account)}</code>${account?.email ? ` — ${esc(account.email)}` : ""}.</p>
    <p>Ici, Stripe vérifierait votre identité et votre compte bancaire. Dans le simulateur, un clic suffit.</p>
    <form method="post">
      <p><label>Nom du titulaire <input name="name" value="Camille Martin"></label></p>
      <p><label>IBAN de versement <input name="iban" value="FR1420041010050500013M02606" size="34"></label></p>
      <button name="action" value="complete">Valider mes informations</button>
      <button name="action" value="later">Revenir plus tard</button>
    </form>`,
    ),
  );
}

function checkoutPage(core: SimCore, id: string, req: PageRequest, res: http.ServerResponse) {
  const session = core.state.checkoutSessions.get(id);
  if (!session)
    return html(res, 404, page("Session inconnue", "<p>Cette session de paiement n’existe pas.</p>"));
  if (session.status === "open" && (session.expires_at ?? 0) < core.now()) session.status = "expired";
  if (session.status !== "open") {
    const back = session.cancel_url ? `<p><a href="${esc(session.cancel_url)}">Retour au site</a></p>` : "";
    return html(res, 410, page("Session terminée", `<p>Cette session n’est plus ouverte.</p>${back}`));
  }
  if (req.method !== "POST") return html(res, 200, checkoutForm(session));
  try {
    const pm = paymentMethodFrom(core, req.form);
    completeSetupSession(core, session, pm);
    core.clock.runDue();
    redirect(res, session.success_url!.replace("{CHECKOUT_SESSION_ID}", session.id));
  } catch (error) {
    if (!(error instanceof StripeSimError)) throw error;
    html(res, 400, checkoutForm(session, error.message));
  }
}

function paymentMethodFrom(core: SimCore, form: Form) {
  const choice = optionalString(form.choice, "choice") ?? "";
  const billing = {
    name: optionalString(form.name, "name") ?? null,
    email: optionalString(form.email, "email") ?? null,
  };
  if (choice.startsWith("card:")) return createCardMethod(core, choice.slice(5), billing);
  return createSepaMethod(core, optionalString(form.iban, "iban") ?? "", billing);
}

function checkoutForm(session: SimCheckoutSession, error?: string): string {
  const cards = session.payment_method_types.includes("card")
    ? `<fieldset><legend>Carte de test</legend>${TEST_CARDS.map((c, i) => radio(`card:${c.number}`, `${c.label} (${c.number})`, i === 0)).join("")}</fieldset>`
    : "";
  const sepa = session.payment_method_types.includes("sepa_debit")
    ? `<fieldset><legend>Prélèvement SEPA</legend>${radio("iban", "Mandat SEPA sur l’IBAN ci-dessous", !cards)}
        <p><label>IBAN <input name="iban" list="ibans" value="${TEST_IBANS[0]?.iban ?? ""}" size="34"></label></p>
        <datalist id="ibans">${TEST_IBANS.map((t) => `<option value="${t.iban}">${esc(t.label)}</option>`).join("")}</datalist>
        <ul>${TEST_IBANS.map((t) => `<li><code>${t.iban}</code> : ${esc(t.label)}</li>`).join("")}</ul>
        <p><small>En validant, vous autorisez la plateforme à prélever ce compte (mandat SEPA simulé).</small></p></fieldset>`
    : "";
  const cancel = session.cancel_url ? ` <a href="${esc(session.cancel_url)}">Annuler</a>` : "";
  return page(
    "Enregistrer un moyen de paiement",
    `
    ${error ? `<p role="alert" style="color:#b00020">${esc(error)}</p>` : ""}
    <form method="post">
      <p><label>Titulaire <input name="name" value="Entreprise de démonstration"></label></p>
      <p><label>E-mail <input name="email" type="email" value="compta@example.test"></label></p>
      ${cards}${sepa}
      <p><button>Enregistrer</button>${cancel}</p>
    </form>`,
  );
}

function radio(value: string, label: string, checked: boolean) {
  return `<p><label><input type="radio" name="choice" value="${esc(value)}"${checked ? " checked" : ""}> ${esc(label)}</label></p>`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${esc(title)} — Stripe simulé</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
.demo{background:#fff4ce;padding:.5rem 1rem;border-radius:.5rem}fieldset{margin:1rem 0}</style></head>
<body><p class="demo">Mode démo — paiements simulés : aucune somme réelle n’est débitée.</p><h1>${esc(title)}</h1>${body}</body></html>`;
}

function html(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(body);
}

function redirect(res: http.ServerResponse, location: string) {
  res.writeHead(303, { location }).end();
}

function esc(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}
