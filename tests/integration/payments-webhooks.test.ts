// The webhook endpoints with events signed like Stripe signs them: signature on the raw body,
// the event recorded with its effect, duplicates, reordering and late events, and the ledger
// balanced after each.
import { beforeAll, describe, expect, it } from "vitest";
import { listCapturedMail } from "#app/lib/mail.server";
import { db } from "#app/lib/db.server";
import { createContract } from "#tests/factories/contracts";
import {
  createPayment,
  deliver,
  expectLedgerBalanced,
  intentObject,
  ledgerOf,
  paymentRow,
  postWebhook,
  signedEvent,
  signWithTestSecrets,
} from "#tests/factories/payments";
import { createStaff } from "#tests/factories/users";

signWithTestSecrets();

let c: Awaited<ReturnType<typeof createContract>>;
const share = () => ({
  payeeKey: `user:${c.secretary.id}`,
  payeeUserId: c.secretary.id,
  workAmountCents: 12000,
  feeCents: 1200,
});

async function period(month: string) {
  const p = await createPayment({
    contractId: c.contract.id,
    periodMonth: month,
    amountCents: 12000,
    feeCents: 1200,
    shares: [share()],
  });
  return { ...p, pi: `pi_${p.id}` };
}
const intent = (
  p: { id: string; pi: string },
  status: string,
  extra: { charge?: string; error?: string } = {},
) => intentObject({ id: p.pi, paymentId: p.id, amount: 12000, status, ...extra });

beforeAll(async () => {
  c = await createContract({ billingMode: "HOURLY" });
  await db.billingAccount.create({
    data: {
      organizationId: c.business.organization.id,
      stripeCustomerId: `cus_${c.business.organization.id}`,
    },
  });
});

describe("signature", () => {
  it("refuses a missing, forged or wrong-endpoint signature and records nothing", async () => {
    const p = await period("2026-01");
    const e = signedEvent("payment_intent.succeeded", intent(p, "succeeded", { charge: "ch_x" }));
    expect((await postWebhook("platform", e.rawBody, null)).status).toBe(400);
    expect((await postWebhook("platform", e.rawBody.replace("12000", "1"), e.signature)).status).toBe(400);
    expect((await postWebhook("connect", e.rawBody, e.signature)).status).toBe(400);
    expect(await db.stripeEvent.count({ where: { id: e.id } })).toBe(0);
    expect((await paymentRow(p.id)).status).toBe("PENDING");
  });
});

describe("payment_intent events", () => {
  it("processing then succeeded: the charge is recorded once, even delivered twice", async () => {
    const p = await period("2026-02");
    expect((await deliver(signedEvent("payment_intent.processing", intent(p, "processing")))).status).toBe(
      200,
    );
    expect((await paymentRow(p.id)).status).toBe("PROCESSING");
    const succeeded = signedEvent("payment_intent.succeeded", intent(p, "succeeded", { charge: "ch_feb" }));
    expect((await deliver(succeeded)).data).toEqual({ received: true });
    expect((await deliver(succeeded)).data).toEqual({ received: true, duplicate: true });
    const row = await paymentRow(p.id);
    expect(row).toMatchObject({ status: "SUCCEEDED", stripeChargeId: "ch_feb", stripePaymentIntentId: p.pi });
    const entries = (await ledgerOf(c.contract.id)).filter((e) => e.paymentId === p.id);
    expect(entries.map((e) => [e.account, e.amountCents])).toEqual([
      ["stripe", 12000],
      [`business:${c.business.organization.id}`, -12000],
    ]);
    // The payee has no connected account yet: her payout waits.
    expect(row.payouts[0]!.status).toBe("PENDING");
    await expectLedgerBalanced(c.contract.id);
  });

  it("a late 'processing' or 'payment_failed' after 'succeeded' changes nothing", async () => {
    const p = await period("2026-03");
    await deliver(signedEvent("payment_intent.succeeded", intent(p, "succeeded", { charge: "ch_mar" })));
    await deliver(signedEvent("payment_intent.processing", intent(p, "processing")));
    await deliver(
      signedEvent("payment_intent.payment_failed", intent(p, "requires_payment_method", { error: "late" })),
    );
    expect((await paymentRow(p.id)).status).toBe("SUCCEEDED");
    await expectLedgerBalanced(c.contract.id);
  });

  it("a failed debit: FAILED, the billing account flagged, the business told; no ledger movement", async () => {
    const p = await period("2026-04");
    const at = new Date("2026-05-03T08:00:00Z");
    await deliver(signedEvent("payment_intent.processing", intent(p, "processing")));
    await deliver(
      signedEvent(
        "payment_intent.payment_failed",
        intent(p, "requires_payment_method", { error: "Fonds insuffisants" }),
        { created: at },
      ),
    );
    expect(await paymentRow(p.id)).toMatchObject({ status: "FAILED", failureMessage: "Fonds insuffisants" });
    const billing = await db.billingAccount.findUniqueOrThrow({
      where: { organizationId: c.business.organization.id },
    });
    expect(billing.paymentFailedAt).toEqual(at);
    const { email } = await db.user.findUniqueOrThrow({
      where: { id: c.business.id },
      select: { email: true },
    });
    const mails = (await listCapturedMail()).filter((m) => m.to === email);
    expect(mails[0]?.subject).toBe("Votre paiement Permanence a échoué");
    expect(mails[0]?.text).toContain("120,00");
    expect((await ledgerOf(c.contract.id)).filter((e) => e.paymentId === p.id)).toHaveLength(0);
  });

  it("an event about an older PaymentIntent of a retried payment is ignored", async () => {
    const p = await period("2026-05");
    await db.payment.update({ where: { id: p.id }, data: { stripePaymentIntentId: "pi_newer_attempt" } });
    await deliver(signedEvent("payment_intent.succeeded", intent(p, "succeeded", { charge: "ch_old" })));
    expect((await paymentRow(p.id)).status).toBe("PENDING");
  });

  it("two deliveries of one event at the same instant apply it once", async () => {
    const p = await period("2026-06");
    const e = signedEvent("payment_intent.succeeded", intent(p, "succeeded", { charge: "ch_jun" }));
    const results = await Promise.all([deliver(e), deliver(e), deliver(e)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await db.ledgerEntry.count({ where: { paymentId: p.id } })).toBe(2);
    await expectLedgerBalanced(c.contract.id);
  });
});

describe("disputes and refunds", () => {
  it("charge.dispute.created: contract DISPUTED, staff told, money out; closed as won gives it back", async () => {
    const staff = await createStaff("MODERATOR");
    const p = await period("2026-07");
    await deliver(signedEvent("payment_intent.succeeded", intent(p, "succeeded", { charge: "ch_jul" })));
    const dispute = {
      id: "dp_1",
      object: "dispute",
      amount: 12000,
      charge: "ch_jul",
      status: "needs_response",
    };
    const created = signedEvent("charge.dispute.created", dispute);
    await deliver(created);
    await deliver(created);
    expect((await db.contract.findUniqueOrThrow({ where: { id: c.contract.id } })).status).toBe("DISPUTED");
    expect((await paymentRow(p.id)).disputedAt).not.toBeNull();
    expect((await listCapturedMail()).filter((m) => m.to === staff.email).map((m) => m.subject)).toEqual([
      "Litige bancaire ouvert sur un paiement",
    ]);
    await deliver(signedEvent("charge.dispute.closed", { ...dispute, status: "won" }));
    const disputeLines = (await ledgerOf(c.contract.id)).filter((e) => e.kind === "DISPUTE");
    expect(disputeLines.reduce((s, e) => s + (e.account === "stripe" ? e.amountCents : 0), 0)).toBe(0);
    await expectLedgerBalanced(c.contract.id);
  });

  it("charge.refunded only ever raises refundedCents (a late smaller total is ignored)", async () => {
    const p = await period("2026-08");
    await deliver(signedEvent("payment_intent.succeeded", intent(p, "succeeded", { charge: "ch_aug" })));
    const charge = (refunded: number) => ({
      id: "ch_aug",
      object: "charge",
      amount: 12000,
      amount_refunded: refunded,
      payment_intent: p.pi,
    });
    const later = signedEvent("charge.refunded", charge(5000));
    await deliver(later);
    await deliver(signedEvent("charge.refunded", charge(2000)));
    expect((await paymentRow(p.id)).refundedCents).toBe(5000);
  });
});

describe("connect endpoint", () => {
  it("account.updated makes a payee ready, through the payees' handler; a stale event does not undo it", async () => {
    const account = await db.payoutAccount.create({
      data: { userId: c.secretary.id, stripeAccountId: "acct_claire" },
    });
    const object = (transfers: string) => ({
      id: "acct_claire",
      object: "account",
      details_submitted: true,
      capabilities: { transfers },
      requirements: { currently_due: [] },
    });
    const t = new Date("2026-11-20T10:00:00Z");
    await deliver(signedEvent("account.updated", object("active"), { account: "acct_claire", created: t }));
    await deliver(
      signedEvent("account.updated", object("inactive"), {
        account: "acct_claire",
        created: new Date(t.getTime() - 60_000),
      }),
    );
    expect((await db.payoutAccount.findUniqueOrThrow({ where: { id: account.id } })).transfersActive).toBe(
      true,
    );
    expect(await db.stripeEvent.count({ where: { endpoint: "connect" } })).toBe(2);
  });
});
