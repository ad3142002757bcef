import { describe, expect, it } from "vitest";
import { applyAccountUpdated } from "#app/domain/payees/payee-events.server";
import { findPayoutDestination } from "#app/domain/payees/payout-destination.server";
import { db } from "#app/lib/db.server";
import * as refreshPage from "#app/routes/compte+/paiements.nouveau-lien";
import * as returnPage from "#app/routes/compte+/paiements.retour";
import * as payouts from "#app/routes/compte+/paiements._index";
import { appPath, deliverToWebhookRoutes, visitHostedPage } from "#tests/factories/payees";
import { createAgencyOwner, createSecretary } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";
// Not a React hook: aliased so the hooks lint rule does not read it as one.
import { useStripeSimulator as startStripeSimulator } from "#tests/setup/stripe-simulator";

const stripe = await startStripeSimulator({ accountLinkTtlSeconds: 300 });
deliverToWebhookRoutes(stripe);

const PATH = "/compte/paiements";

async function onboard(userId: string) {
  const result = await runRoute(payouts.action, await formRequest(PATH, { intent: "onboard" }, { userId }));
  expect(result.status).toBe(302);
  expect(result.location).toMatch(new RegExp(`^${stripe.url}/simulateur/onboarding/`));
  return result.location!;
}

const payoutModeOf = async (organizationId: string) =>
  (await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { payoutMode: true } }))
    .payoutMode;

const accountOf = (where: { userId: string } | { organizationId: string }) =>
  db.payoutAccount.findUniqueOrThrow({ where });

async function pageStatus(userId: string) {
  const page = await runRoute(payouts.loader, await getRequest(PATH, { userId }));
  return page.data.page.status as string;
}

describe("payout onboarding through Stripe's hosted page", () => {
  it("creates a transfers-only express account, and is ready only once account.updated says so", async () => {
    const secretary = await createSecretary();
    const link = await onboard(secretary.id);
    const row = await accountOf({ userId: secretary.id });
    expect(row).toMatchObject({ transfersActive: false, detailsSubmitted: false, stateAsOf: null });
    const account = await stripe.stripe.accounts.retrieve(row.stripeAccountId);
    expect(account).toMatchObject({
      country: "FR",
      business_type: "individual",
      metadata: { payeeKey: `user:${secretary.id}` },
      capabilities: { transfers: "inactive" },
      controller: {
        fees: { payer: "application" },
        losses: { payments: "application" },
        requirement_collection: "stripe",
        stripe_dashboard: { type: "express" },
      },
    });
    expect(await pageStatus(secretary.id)).toBe("INCOMPLETE");

    const hosted = await visitHostedPage(link, { action: "complete" });
    expect(hosted.status).toBe(303);
    expect(appPath(hosted.location)).toBe("/compte/paiements/retour");
    // Back from Stripe before the webhook: coming back alone does not make her ready.
    const early = await runRoute(
      returnPage.loader,
      await getRequest("/compte/paiements/retour", { userId: secretary.id }),
    );
    expect(early.data.status).toBe("INCOMPLETE");

    const delivered = await stripe.flush();
    expect(delivered.filter((d) => d.type === "account.updated").map((d) => d.status)).toEqual(["delivered"]);
    const after = await runRoute(
      returnPage.loader,
      await getRequest("/compte/paiements/retour", { userId: secretary.id }),
    );
    expect(after.data).toEqual({ status: "READY", label: "Versements activés" });
    expect(await accountOf({ userId: secretary.id })).toMatchObject({
      transfersActive: true,
      detailsSubmitted: true,
      requirementsDue: [],
    });
    const destination = await db.$transaction((tx) =>
      findPayoutDestination(tx, { userId: secretary.id, agencyId: null }),
    );
    expect(destination).toEqual({
      payeeKey: `user:${secretary.id}`,
      payeeUserId: secretary.id,
      payeeOrganizationId: null,
      stripeAccountId: row.stripeAccountId,
      ready: true,
    });
  });

  it("reuses the same connected account when she starts again, and never creates a second one", async () => {
    const secretary = await createSecretary();
    await onboard(secretary.id);
    await onboard(secretary.id);
    expect(await db.payoutAccount.count({ where: { userId: secretary.id } })).toBe(1);
    const accounts = await stripe.stripe.accounts.list({ limit: 100 });
    const hers = accounts.data.filter((a) => a.metadata?.payeeKey === `user:${secretary.id}`);
    expect(hers).toHaveLength(1);
  });

  it("ignores an old account.updated arriving late, and a duplicate changes nothing", async () => {
    const secretary = await createSecretary();
    const link = await onboard(secretary.id);
    const { stripeAccountId } = await accountOf({ userId: secretary.id });
    // Stripe restricts the account (event 1), that delivery is overtaken by the next one.
    stripe.reorderNext();
    stripe.sim.restrictAccount(stripeAccountId, ["individual.verification.document"]);
    await stripe.clock.advance(5_000);
    stripe.duplicateNext();
    await visitHostedPage(link, { action: "complete" }); // event 2: transfers active
    const delivered = await stripe.flush();
    const mine = delivered.filter((d) => d.type === "account.updated");
    expect(mine).toHaveLength(3); // event 2 twice, then the late event 1
    expect(mine.every((d) => d.status === "delivered")).toBe(true);
    const [second, , first] = mine;
    expect(stripe.events.find((e) => e.id === first!.eventId)!.created).toBeLessThan(
      stripe.events.find((e) => e.id === second!.eventId)!.created,
    );
    const row = await accountOf({ userId: secretary.id });
    expect(row.transfersActive).toBe(true);
    expect(row.stateAsOf!.getTime()).toBe(
      stripe.events.find((e) => e.id === second!.eventId)!.created * 1000,
    );
    expect(await pageStatus(secretary.id)).toBe("READY");
    expect(await db.stripeEvent.count({ where: { id: { in: [first!.eventId, second!.eventId] } } })).toBe(2);
  });

  it("a later restriction takes readiness away again", async () => {
    const secretary = await createSecretary();
    const link = await onboard(secretary.id);
    await visitHostedPage(link, { action: "complete" });
    await stripe.flush();
    expect(await pageStatus(secretary.id)).toBe("READY");
    await stripe.clock.advance(5_000);
    stripe.sim.restrictAccount((await accountOf({ userId: secretary.id })).stripeAccountId, [
      "external_account",
    ]);
    await stripe.flush();
    expect(await accountOf({ userId: secretary.id })).toMatchObject({
      transfersActive: false,
      requirementsDue: ["external_account"],
    });
    const page = await runRoute(payouts.loader, await getRequest(PATH, { userId: secretary.id }));
    expect(page.data.page).toMatchObject({ status: "PENDING", requirementsDue: ["external_account"] });
  });

  it("gives a fresh link when the link expired or was already used", async () => {
    const secretary = await createSecretary();
    const first = await onboard(secretary.id);
    await stripe.clock.advance(301_000);
    const expired = await visitHostedPage(first);
    expect(expired.status).toBe(303);
    expect(appPath(expired.location)).toBe("/compte/paiements/nouveau-lien");

    const refreshed = await runRoute(
      refreshPage.loader,
      await getRequest("/compte/paiements/nouveau-lien", { userId: secretary.id }),
    );
    expect(refreshed.status).toBe(302);
    const second = refreshed.location!;
    expect(second).toMatch(new RegExp(`^${stripe.url}/simulateur/onboarding/`));
    expect(second).not.toBe(first);
    expect((await visitHostedPage(second)).status).toBe(200);

    // "Revenir plus tard" uses the link up; the next visit goes to refresh_url again.
    expect(appPath((await visitHostedPage(second, { action: "later" })).location)).toBe(
      "/compte/paiements/retour",
    );
    expect(appPath((await visitHostedPage(second)).location)).toBe("/compte/paiements/nouveau-lien");
    const third = await runRoute(
      refreshPage.loader,
      await getRequest("/compte/paiements/nouveau-lien", { userId: secretary.id }),
    );
    expect(third.location).not.toBe(second);
    expect((await visitHostedPage(third.location!, { action: "complete" })).status).toBe(303);
    await stripe.flush();
    expect(await pageStatus(secretary.id)).toBe("READY");
  });

  it("sends someone without an account back to the payouts page from the refresh URL", async () => {
    const secretary = await createSecretary();
    const result = await runRoute(
      refreshPage.loader,
      await getRequest("/compte/paiements/nouveau-lien", { userId: secretary.id }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe("/compte/paiements");
    const anonymous = await runRoute(refreshPage.loader, await getRequest("/compte/paiements/nouveau-lien"));
    expect(anonymous.location).toMatch(/^\/connexion\?/);
  });

  it("records the account from account.updated when the process died before writing it", async () => {
    const secretary = await createSecretary();
    // The Stripe call succeeded, the row was never written: same key as the app uses.
    const account = await stripe.stripe.accounts.create(
      {
        country: "FR",
        email: secretary.email,
        business_type: "individual",
        controller: {
          fees: { payer: "application" },
          losses: { payments: "application" },
          requirement_collection: "stripe",
          stripe_dashboard: { type: "express" },
        },
        capabilities: { transfers: { requested: true } },
        metadata: { payeeKey: `user:${secretary.id}` },
      },
      { idempotencyKey: `payout-account:user:${secretary.id}` },
    );
    stripe.sim.completeOnboarding(account.id);
    await stripe.flush();
    expect(await accountOf({ userId: secretary.id })).toMatchObject({
      stripeAccountId: account.id,
      transfersActive: true,
    });
    // Her retry gets the same account back and keeps the state.
    await onboard(secretary.id);
    expect(await accountOf({ userId: secretary.id })).toMatchObject({
      stripeAccountId: account.id,
      transfersActive: true,
    });
  });

  it("ignores an account.updated for an account nobody here knows", async () => {
    const outcome = await db.$transaction((tx) =>
      applyAccountUpdated(tx, {
        id: "evt_unknown",
        object: "event",
        type: "account.updated",
        created: Math.floor(Date.now() / 1000),
        data: { object: { id: "acct_nobody", capabilities: { transfers: "active" }, metadata: {} } },
      } as never),
    );
    expect(outcome).toEqual({ applied: false, reason: "UNKNOWN_ACCOUNT" });
  });
});

describe("agencies", () => {
  it("onboards the agency as a company and lets its owner choose MEMBERS payouts", async () => {
    const owner = await createAgencyOwner({ organizationName: "Agence Azur" });
    const member = await createSecretary({ agencyId: owner.organization.id });
    await onboard(owner.id);
    const agencyRow = await accountOf({ organizationId: owner.organization.id });
    expect((await stripe.stripe.accounts.retrieve(agencyRow.stripeAccountId)).business_type).toBe("company");
    expect(await db.payoutAccount.count({ where: { userId: owner.id } })).toBe(0);

    const byAgency = await db.$transaction((tx) =>
      findPayoutDestination(tx, { userId: member.id, agencyId: owner.organization.id }),
    );
    expect(byAgency).toMatchObject({
      payeeKey: `agency:${owner.organization.id}`,
      payeeUserId: member.id,
      ready: false,
    });

    const chosen = await runRoute(
      payouts.action,
      await formRequest(PATH, { intent: "payout-mode", mode: "MEMBERS" }, { userId: owner.id }),
    );
    expect(chosen.location).toBe("/compte/paiements?mode=1");
    expect(await payoutModeOf(owner.organization.id)).toBe("MEMBERS");
    const ownerPage = await runRoute(payouts.loader, await getRequest(PATH, { userId: owner.id }));
    expect(ownerPage.data.page.agencyPayoutMode).toBe("MEMBERS");
    const memberPage = await runRoute(payouts.loader, await getRequest(PATH, { userId: member.id }));
    expect(memberPage.data.page).toMatchObject({
      payeeKind: "SECRETARY",
      status: "NONE",
      agency: { name: "Agence Azur", paysMembers: true },
    });

    const toMember = await db.$transaction((tx) =>
      findPayoutDestination(tx, { userId: member.id, agencyId: owner.organization.id }),
    );
    expect(toMember).toMatchObject({
      payeeKey: `user:${member.id}`,
      payeeOrganizationId: null,
      stripeAccountId: null,
      ready: false,
    });
  });

  it("records MEMBERS mode on the agency without creating any Stripe account for it", async () => {
    const owner = await createAgencyOwner();
    const member = await createSecretary({ agencyId: owner.organization.id });
    const accountsBefore = (await stripe.stripe.accounts.list({ limit: 100 })).data.length;
    const chosen = await runRoute(
      payouts.action,
      await formRequest(PATH, { intent: "payout-mode", mode: "MEMBERS" }, { userId: owner.id }),
    );
    expect(chosen.location).toBe("/compte/paiements?mode=1");
    expect(await payoutModeOf(owner.organization.id)).toBe("MEMBERS");
    expect(await db.payoutAccount.count({ where: { organizationId: owner.organization.id } })).toBe(0);
    expect((await stripe.stripe.accounts.list({ limit: 100 })).data.length).toBe(accountsBefore);
    const page = await runRoute(payouts.loader, await getRequest(PATH, { userId: owner.id }));
    expect(page.data.page).toMatchObject({ agencyPayoutMode: "MEMBERS", status: "NONE" });
    const destination = await db.$transaction((tx) =>
      findPayoutDestination(tx, { userId: member.id, agencyId: owner.organization.id }),
    );
    expect(destination).toMatchObject({ payeeKey: `user:${member.id}`, payeeOrganizationId: null });
  });

  it("in AGENCY mode, pays the agency only once its own account is onboarded and ready", async () => {
    const owner = await createAgencyOwner();
    const member = await createSecretary({ agencyId: owner.organization.id });
    await runRoute(
      payouts.action,
      await formRequest(PATH, { intent: "payout-mode", mode: "AGENCY" }, { userId: owner.id }),
    );
    expect(await payoutModeOf(owner.organization.id)).toBe("AGENCY");
    expect(await db.payoutAccount.count({ where: { organizationId: owner.organization.id } })).toBe(0);
    const destination = () =>
      db.$transaction((tx) =>
        findPayoutDestination(tx, { userId: member.id, agencyId: owner.organization.id }),
      );
    expect(await destination()).toMatchObject({
      payeeKey: `agency:${owner.organization.id}`,
      stripeAccountId: null,
      ready: false,
    });
    await visitHostedPage(await onboard(owner.id), { action: "complete" });
    await stripe.flush();
    expect(await destination()).toMatchObject({ payeeKey: `agency:${owner.organization.id}`, ready: true });
  });

  it("never shows or changes another payee's account", async () => {
    const owner = await createAgencyOwner();
    const member = await createSecretary({ agencyId: owner.organization.id });
    const link = await onboard(owner.id);
    await visitHostedPage(link, { action: "complete" });
    await stripe.flush();
    expect(await pageStatus(owner.id)).toBe("READY");
    // The member sees her own (none), and her onboarding creates her own account, not the agency's.
    expect(await pageStatus(member.id)).toBe("NONE");
    await onboard(member.id);
    const rows = await db.payoutAccount.findMany({
      where: { OR: [{ userId: member.id }, { organizationId: owner.organization.id }] },
    });
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.stripeAccountId)).size).toBe(2);
    expect(await pageStatus(member.id)).toBe("INCOMPLETE");
    expect(await pageStatus(owner.id)).toBe("READY");
  });
});
