import type http from "node:http";
import { type SimCore } from "./core";
import { StripeSimError } from "./errors";
import { type Form, optionalString } from "./form";
import { closeDispute, openDispute } from "./resources/disputes";

// `/simulateur`: what Stripe's dashboard would show in test mode, with the switches a demo needs —
// move the clock forward, open or settle a dispute. Loopback only, fake money: no login.
const STEPS: Record<string, number> = { "1h": 3600_000, "1j": 86_400_000, "7j": 7 * 86_400_000 };

export function consolePage(
  core: SimCore,
  req: { method: string; url: URL; form: Form },
  res: http.ServerResponse,
) {
  if (req.method === "POST") {
    let message = "";
    try {
      message = act(core, req.form);
    } catch (error) {
      if (!(error instanceof StripeSimError)) throw error;
      message = error.message;
    }
    res.writeHead(303, { location: `/simulateur?message=${encodeURIComponent(message)}` }).end();
    return;
  }
  res
    .writeHead(200, { "content-type": "text/html; charset=utf-8" })
    .end(render(core, req.url.searchParams.get("message")));
}

function act(core: SimCore, form: Form): string {
  const action = optionalString(form.action, "action");
  const target = optionalString(form.target, "target") ?? "";
  if (action === "advance") {
    core.clock.shift(STEPS[target] ?? 0);
    core.clock.runDue();
    return `Horloge avancée (${target}).`;
  }
  if (action === "dispute") return `Litige ${openDispute(core, target).id} ouvert.`;
  if (action === "won" || action === "lost")
    return `Litige ${closeDispute(core, target, action).id} clos (${action}).`;
  return "Action inconnue.";
}

function render(core: SimCore, message: string | null): string {
  const euros = (cents: number) =>
    (cents / 100).toLocaleString("fr-FR", { style: "currency", currency: "EUR" });
  const platform = core.state.balance(null);
  const charges = [...core.state.charges.values()].slice(-15).reverse();
  const disputes = [...core.state.disputes.values()].filter((d) => d.status === "needs_response");
  const events = core.bus.events.slice(-25).reverse();
  const delivery = (id: string) =>
    core.bus.deliveries
      .filter((d) => d.eventId === id)
      .map((d) => d.status)
      .join(", ") || "—";
  const button = (action: string, target: string, label: string) =>
    `<form method="post" style="display:inline"><input type="hidden" name="action" value="${action}"><input type="hidden" name="target" value="${esc(target)}"><button>${esc(label)}</button></form>`;
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Console du simulateur Stripe</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left}.demo{background:#fff4ce;padding:.5rem 1rem}</style></head>
<body><p class="demo">Mode démo — paiements simulés.</p><h1>Console du simulateur Stripe</h1>
${message ? `<p role="status">${esc(message)}</p>` : ""}
<p>Horloge : ${new Date(core.clock.now()).toISOString()} — ${Object.keys(STEPS)
    .map((s) => button("advance", s, `Avancer de ${s}`))
    .join(" ")}</p>
<p>Solde de la plateforme : disponible ${euros(platform.available)}, en attente ${euros(platform.pending)}.</p>
<h2>Paiements récents</h2><table><tr><th>Charge</th><th>Montant</th><th>État</th><th>Remboursé</th><th></th></tr>
${charges.map((c) => `<tr><td><code>${c.id}</code></td><td>${euros(c.amount)}</td><td>${c.status}</td><td>${euros(c.amount_refunded)}</td><td>${c.status === "succeeded" && !c.disputed ? button("dispute", c.id, "Ouvrir un litige") : c.disputed ? "contesté" : ""}</td></tr>`).join("")}</table>
<h2>Litiges ouverts</h2>${disputes.length ? disputes.map((d) => `<p><code>${d.id}</code> sur <code>${String(d.charge)}</code> (${euros(d.amount)}) ${button("won", d.id, "Gagné")} ${button("lost", d.id, "Perdu")}</p>`).join("") : "<p>Aucun.</p>"}
<h2>Derniers évènements</h2><table><tr><th>Évènement</th><th>Type</th><th>Compte</th><th>Livraison</th></tr>
${events.map((e) => `<tr><td><code>${e.id}</code></td><td>${e.type}</td><td>${e.account ?? ""}</td><td>${delivery(e.id)}</td></tr>`).join("")}</table></body></html>`;
}

function esc(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}
