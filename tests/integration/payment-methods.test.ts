import { describe, expect, it } from "vitest";
import {
  findChargeableMethod,
  markPaymentMethodFailed,
} from "#app/domain/payment-methods/chargeable-method.server";
import { db } from "#app/lib/db.server";
import * as billingReturn from "#app/routes/compte+/facturation.retour";
import * as billing from "#app/routes/compte+/facturation._index";
import { appPath, deliverToWebhookRoutes, visitHostedPage } from "#tests/factories/payees";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";
// Not a React hook: aliased so the hooks lint rule does not read it as one.
import { useStripeSimulator as startStripeSimulator } from "#tests/setup/stripe-simulator";

const stripe = await startStripeSimulator();
deliverToWebhookRoutes(stripe);

const PATH = "/compte/facturation";
const SEPA_OK = { choice: "iban", iban: "FR1420041010050500013M02606" };
const VISA = { choice: "card:4242424242424242" };

async function startSetup(userId: string) {
  const result = await runRoute(billing.action, await formRequest(PATH, { intent: "setup" }, { userId }));
  expect(result.status).toBe(302);
  expect(result.location).toMatch(new RegExp(`^${stripe.url}/simulateur/checkout/`));
  return result.location!;
}

/** Checkout's page, then the success URL as the browser follows it; the return route's answer. */
async function saveOnCheckout(userId: string, choice: Record<string, string>) {
  const hosted = await visitHostedPage(await startSetup(userId), choice);
  expect(hosted.status).toBe(303);
  const returnPath = appPath(hosted.location);
  expect(returnPath).toMatch(/^\/compte\/facturation\/retour\?session_id=cs_/);
  return {
    returnPath,
    result: await runRoute(billingReturn.loader, await getRequest(returnPath, { userId })),
  };
}

const billingOf = (organizationId: string) => db.billingAccount.findUnique({ where: { organizationId } });

async function pageOf(userId: string) {
  const result = await runRoute(billing.loader, await getRequest(PATH, { userId }));
  return result.status === 200 ? result.data.page : result;
}

describe("a business saves a payment method on Stripe's hosted page", () => {
  it("saves a SEPA mandate, then replaces it with a card; the default follows, the old one is detached", async () => {
    const business = await createBusiness({ organizationName: "Cabinet Dubois" });
    expect(await pageOf(business.id)).toEqual({
      organizationName: "Cabinet Dubois",
      method: null,
      paymentFailed: false,
    });

    const sepa = await saveOnCheckout(business.id, SEPA_OK);
    expect(sepa.result.location).toBe("/compte/facturation?enregistre=1");
    const afterSepa = (await billingOf(business.organization.id))!;
    expect(afterSepa).toMatchObject({
      paymentMethodType: "sepa_debit",
      paymentMethodLabel: "Prélèvement SEPA •••• 2606",
    });
    const customer = await stripe.stripe.customers.retrieve(afterSepa.stripeCustomerId);
    expect(customer).toMatchObject({
      metadata: { organizationId: business.organization.id },
      invoice_settings: { default_payment_method: afterSepa.paymentMethodId },
    });
    expect(await pageOf(business.id)).toMatchObject({
      method: { type: "sepa_debit", label: "Prélèvement SEPA •••• 2606" },
    });
    // The webhooks arrive after the browser came back: already recorded, nothing changes.
    const delivered = await stripe.flush();
    expect(delivered.map((d) => d.type)).toEqual(
      expect.arrayContaining(["checkout.session.completed", "setup_intent.succeeded"]),
    );
    expect(delivered.every((d) => d.status === "delivered")).toBe(true);
    expect((await billingOf(business.organization.id))!.paymentMethodId).toBe(afterSepa.paymentMethodId);

    const card = await saveOnCheckout(business.id, VISA);
    expect(card.result.location).toBe("/compte/facturation?enregistre=1");
    const afterCard = (await billingOf(business.organization.id))!;
    expect(afterCard).toMatchObject({
      stripeCustomerId: afterSepa.stripeCustomerId,
      paymentMethodType: "card",
      paymentMethodLabel: "Visa •••• 4242",
    });
    expect(afterCard.paymentMethodId).not.toBe(afterSepa.paymentMethodId);
    expect(await pageOf(business.id)).toMatchObject({ method: { type: "card", label: "Visa •••• 4242" } });
    const updated = await stripe.stripe.customers.retrieve(afterSepa.stripeCustomerId);
    expect(updated).toMatchObject({
      invoice_settings: { default_payment_method: afterCard.paymentMethodId },
    });
    expect((await stripe.stripe.paymentMethods.retrieve(afterSepa.paymentMethodId!)).customer).toBeNull();
    expect(await db.billingAccount.count({ where: { organizationId: business.organization.id } })).toBe(1);

    // Coming back twice on the same success URL changes nothing.
    const again = await runRoute(
      billingReturn.loader,
      await getRequest(card.returnPath, { userId: business.id }),
    );
    expect(again.location).toBe("/compte/facturation?enregistre=1");
  });

  it("records the method from the webhook when the browser never comes back", async () => {
    const business = await createBusiness();
    const hosted = await visitHostedPage(await startSetup(business.id), VISA);
    expect(hosted.status).toBe(303);
    expect((await billingOf(business.organization.id))!.paymentMethodId).toBeNull();
    await stripe.flush();
    expect(await billingOf(business.organization.id)).toMatchObject({
      paymentMethodType: "card",
      paymentMethodLabel: "Visa •••• 4242",
    });
  });

  it("keeps the newer card when the SEPA mandate's events arrive after it", async () => {
    const business = await createBusiness();
    // Nobody comes back from the first page and its webhooks wait: the card is saved first.
    expect((await visitHostedPage(await startSetup(business.id), SEPA_OK)).status).toBe(303);
    const card = await saveOnCheckout(business.id, VISA);
    expect(card.result.location).toBe("/compte/facturation?enregistre=1");
    const delivered = await stripe.flush();
    expect(delivered.filter((d) => d.type === "checkout.session.completed")).toHaveLength(2);
    expect(delivered.every((d) => d.status === "delivered")).toBe(true);
    const saved = (await billingOf(business.organization.id))!;
    expect(saved).toMatchObject({ paymentMethodLabel: "Visa •••• 4242" });
    const attached = await stripe.stripe.paymentMethods.list({ customer: saved.stripeCustomerId });
    expect(attached.data.map((pm) => pm.id)).toEqual([saved.paymentMethodId]);
  });

  it("clears a failed debit when a new method is saved, and only then is the business chargeable again", async () => {
    const business = await createBusiness();
    await saveOnCheckout(business.id, SEPA_OK);
    const orgId = business.organization.id;
    const saved = await db.$transaction((tx) => findChargeableMethod(tx, orgId));
    expect(saved).toMatchObject({ type: "sepa_debit" });
    await db.$transaction((tx) => markPaymentMethodFailed(tx, orgId, new Date()));
    expect(await db.$transaction((tx) => findChargeableMethod(tx, orgId))).toBeNull();
    expect(await pageOf(business.id)).toMatchObject({ paymentFailed: true });

    await saveOnCheckout(business.id, VISA);
    expect(await pageOf(business.id)).toMatchObject({
      paymentFailed: false,
      method: { label: "Visa •••• 4242" },
    });
    expect(await db.$transaction((tx) => findChargeableMethod(tx, orgId))).toMatchObject({ type: "card" });
  });

  it("changes nothing when the visitor cancels, or comes back with an unfinished session", async () => {
    const business = await createBusiness();
    const url = await startSetup(business.id);
    const sessionId = url.split("/").pop()!;
    const early = await runRoute(
      billingReturn.loader,
      await getRequest(`/compte/facturation/retour?session_id=${sessionId}`, { userId: business.id }),
    );
    expect(early.location).toBe("/compte/facturation?attente=1");
    expect((await billingOf(business.organization.id))!.paymentMethodId).toBeNull();
    const malformed = await runRoute(
      billingReturn.loader,
      await getRequest("/compte/facturation/retour?session_id=<script>", { userId: business.id }),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.data.message).toBe("Le retour du paiement est incomplet.");
  });
});

describe("/compte/facturation — authorization", () => {
  it("sends anonymous visitors to the login page", async () => {
    const loaded = await runRoute(billing.loader, await getRequest(PATH));
    expect(loaded.location).toBe("/connexion?redirectTo=%2Fcompte%2Ffacturation");
    const posted = await runRoute(billing.action, await formRequest(PATH, { intent: "setup" }));
    expect(posted.location).toMatch(/^\/connexion\?/);
  });

  it("refuses secretaries, agency owners and staff, and creates no customer", async () => {
    const outsiders = [await createSecretary(), await createAgencyOwner(), await createStaff("ADMIN")];
    for (const outsider of outsiders) {
      const loaded = await runRoute(billing.loader, await getRequest(PATH, { userId: outsider.id }));
      expect(loaded.status).toBe(403);
      expect(loaded.data.message).toBe("La facturation est réservée aux membres d’une entreprise cliente.");
      const posted = await runRoute(
        billing.action,
        await formRequest(PATH, { intent: "setup" }, { userId: outsider.id }),
      );
      expect(posted.status).toBe(403);
    }
  });

  it("never shows another business's method, nor records its session", async () => {
    const business = await createBusiness();
    const other = await createBusiness({ organizationName: "Garage Bernard" });
    const { returnPath } = await saveOnCheckout(business.id, VISA);
    expect(await pageOf(other.id)).toEqual({
      organizationName: "Garage Bernard",
      method: null,
      paymentFailed: false,
    });
    // The other business replays the first one's success URL: not found, nothing recorded for it.
    await startSetup(other.id); // it has a customer of its own
    const replay = await runRoute(billingReturn.loader, await getRequest(returnPath, { userId: other.id }));
    expect(replay.status).toBe(404);
    expect((await billingOf(other.organization.id))!.paymentMethodId).toBeNull();
  });

  it("lets a colleague (member) of the business see and replace the method", async () => {
    const business = await createBusiness();
    const colleague = await createBusiness();
    await db.membership.deleteMany({ where: { userId: colleague.id } });
    await db.membership.create({
      data: { userId: colleague.id, organizationId: business.organization.id, role: "MEMBER" },
    });
    await saveOnCheckout(business.id, SEPA_OK);
    expect(await pageOf(colleague.id)).toMatchObject({ method: { label: "Prélèvement SEPA •••• 2606" } });
    await saveOnCheckout(colleague.id, VISA);
    expect(await pageOf(business.id)).toMatchObject({ method: { label: "Visa •••• 4242" } });
  });

  it("refuses a post without the CSRF token or with an unknown intent", async () => {
    const business = await createBusiness();
    const forged = await runRoute(
      billing.action,
      await formRequest(PATH, { intent: "setup" }, { userId: business.id, csrf: false }),
    );
    expect(forged.status).toBe(403);
    const unknown = await runRoute(
      billing.action,
      await formRequest(PATH, { intent: "pay-everything" }, { userId: business.id }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.data.message).toBe("Action inconnue.");
    expect(await billingOf(business.organization.id)).toBeNull();
  });
});
