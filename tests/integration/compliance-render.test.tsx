// The compliance pages and the DAC7 fields as the server renders them (no JavaScript).
import type { ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { AuthenticityTokenProvider } from "remix-utils/csrf/react";
import { describe, expect, it } from "vitest";
import { uploadVigilanceCertificate } from "#app/domain/compliance/vigilance.server";
import * as account from "#app/routes/compte+/_index";
import * as attestation from "#app/routes/compte+/attestation";
import * as payouts from "#app/routes/compte+/paiements._index";
import * as statement from "#app/routes/compte+/releve-annuel";
import * as contractPage from "#app/routes/contrats+/$contractId._index";
import { createContract } from "#tests/factories/contracts";
import { createAgencyOwner, createBusiness, createSecretary } from "#tests/factories/users";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Page = { loader: Parameters<typeof runRoute>[0]; default: ComponentType };

async function render(
  page: Page,
  path: string,
  userId: string,
  params: Record<string, string> = {},
): Promise<string> {
  const result = await runRoute(page.loader, await getRequest(path, { userId }), params);
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
  return html;
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

describe("compliance pages, rendered without JavaScript", () => {
  it("shows the upload form (multipart, PDF, date) and then the current certificate", async () => {
    const secretary = await createSecretary();
    const empty = await render(attestation, "/compte/attestation", secretary.id);
    expect(empty).toMatch(/enctype="multipart\/form-data"/i);
    expect(empty).toContain('name="certificate"');
    expect(empty).toContain('name="issuedOn"');
    expect(text(empty)).toContain("Aucune attestation valable.");
    const issuedOn = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
    await uploadVigilanceCertificate({
      actorId: secretary.id,
      input: { issuedOn, fileName: "urssaf.pdf", bytes: pdf },
    });
    const filled = text(await render(attestation, "/compte/attestation", secretary.id));
    expect(filled).toContain("urssaf.pdf");
    expect(filled).toContain("valable jusqu’au");
    expect(filled).toContain("(en cours)");
  });

  it("renders the annual statement table and the DAC7 fields of the identity form", async () => {
    const secretary = await createSecretary();
    const page = text(await render(statement, "/compte/releve-annuel?annee=2026", secretary.id));
    expect(page).toContain("Relevé annuel 2026 des sommes perçues");
    expect(page).toContain("T4");
    const form = await render(payouts, "/compte/paiements", secretary.id);
    expect(form).toContain('name="taxIdentificationNumber"');
    expect(form).toContain('name="birthDate"');
    expect(form).toMatch(
      /name="payoutAccountCountry"[^>]*value="FR"|value="FR"[^>]*name="payoutAccountCountry"/,
    );
    const owner = await createAgencyOwner();
    const agencyForm = await render(payouts, "/compte/paiements", owner.id);
    expect(agencyForm).toContain('name="taxIdentificationNumber"');
    expect(agencyForm).not.toContain('name="birthDate"');
  });
});

/** A fixed-price contract whose milestones total `cents`. */
const fixedContract = (cents: number) =>
  createContract({
    billingMode: "FIXED",
    milestones: [{ title: "Saisie annuelle", amountCents: cents, dueDate: null }],
  });

const contractText = async (contractId: string, userId: string) =>
  text(await render(contractPage, `/contrats/${contractId}`, userId, { contractId }));

describe("the provider's attestation de vigilance on the contract page", () => {
  it("tells the business of a €5,000 contract to ask for it, then offers it until it lapses", async () => {
    const { contract, business, secretary } = await fixedContract(500_000);
    const before = await contractText(contract.id, business.id);
    expect(before).toContain("Attestation de vigilance URSSAF");
    expect(before).toContain("Aucune attestation valide : demandez-la");
    const issuedOn = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
    await uploadVigilanceCertificate({
      actorId: secretary.id,
      input: { issuedOn, fileName: "urssaf.pdf", bytes: pdf },
    });
    const html = await render(contractPage, `/contrats/${contract.id}`, business.id, {
      contractId: contract.id,
    });
    expect(html).toContain(`href="/contrats/${contract.id}/attestation"`);
    expect(text(html)).toContain("Attestation valable jusqu’au");
    expect(text(html)).not.toContain("Aucune attestation valide");
  });

  it("shows nothing below the threshold, nor to the provider herself", async () => {
    const small = await fixedContract(499_999);
    expect(await contractText(small.contract.id, small.business.id)).not.toContain("Attestation de vigilance");
    const large = await fixedContract(500_000);
    expect(await contractText(large.contract.id, large.secretary.id)).not.toContain(
      "Attestation de vigilance",
    );
  });
});

describe("the account home", () => {
  it("links providers to their attestation and annual statement, not businesses", async () => {
    for (const provider of [await createSecretary(), await createAgencyOwner()]) {
      const html = await render(account, "/compte", provider.id);
      expect(html).toContain('href="/compte/attestation"');
      expect(text(html)).toContain("Attestation de vigilance URSSAF");
      expect(html).toContain('href="/compte/releve-annuel"');
      expect(text(html)).toContain("Relevé annuel des sommes perçues");
    }
    const business = await createBusiness();
    const html = await render(account, "/compte", business.id);
    expect(html).not.toContain("/compte/attestation");
    expect(html).not.toContain("/compte/releve-annuel");
  });
});
