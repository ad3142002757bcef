// /moderation/paiements: who may see it and refund, and what a bad form gets (no Stripe call is
// reached: every refusal here happens before one).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import * as page from "#app/routes/moderation+/paiements";
import { createContract } from "#tests/factories/contracts";
import { createPayment } from "#tests/factories/payments";
import { createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const PATH = "/moderation/paiements";
let paymentId: string;
let staffId: string;

beforeAll(async () => {
  const c = await createContract({ billingMode: "HOURLY" });
  paymentId = (
    await createPayment({ contractId: c.contract.id, amountCents: 12000, feeCents: 1200, status: "PENDING" })
  ).id;
  staffId = (await createStaff("MODERATOR")).id;
});

const view = async (userId?: string) => runRoute(page.loader, await getRequest(PATH, { userId }));
const refund = async (userId: string, fields: Record<string, string>, csrf = true) =>
  runRoute(page.action, await formRequest(PATH, fields, { userId, csrf }));

describe("access", () => {
  it("staff see the payments; a business or a secretary gets 403; anonymous is sent to log in", async () => {
    const seen = await view(staffId);
    expect(seen.status).toBe(200);
    expect(seen.data.payments.map((p: { id: string }) => p.id)).toContain(paymentId);
    expect((await view((await createBusiness()).id)).status).toBe(403);
    expect((await view((await createSecretary()).id)).status).toBe(403);
    expect([302, 401]).toContain((await view()).status);
  });

  it("a business cannot refund (403), whatever it posts", async () => {
    const business = await createBusiness();
    expect((await refund(business.id, { paymentId, amount: "10" })).status).toBe(403);
  });
});

describe("refund form", () => {
  it("needs the CSRF token", async () => {
    expect((await refund(staffId, { paymentId, amount: "10" }, false)).status).toBe(403);
  });

  it("a malformed amount is a French 400; a payment not charged yet is a 409; nothing changes", async () => {
    const bad = await refund(staffId, { paymentId, amount: "dix euros" });
    expect(bad.status).toBe(400);
    expect(bad.data.error).toBe("Montant invalide");
    const notCharged = await refund(staffId, { paymentId, amount: "10" });
    expect(notCharged.status).toBe(409);
    expect(notCharged.data.error).toBe("Seul un paiement encaissé peut être remboursé.");
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).refundedCents).toBe(0);
  });
});
