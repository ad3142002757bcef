// Bulk data for bench:payments: N ACTIVE HOURLY / PER_TASK contracts (every other one), 5 contracts
// per business and 2 per secretary, with approved work in `month`; each business has legal details
// and a card saved on a Stripe customer in the simulator, each secretary an InvoicingIdentity and a
// connected account (onboarded in the simulator, so account.updated events are queued; the row is
// written as accounts.create leaves it, not ready). Rows go in through createMany in chunks.
import crypto from "node:crypto";
import { db } from "#app/lib/db.server";
import { getStripe } from "#app/lib/stripe.server";
import type { StripeSimulator } from "#app/stripe-simulator";

const id = () => crypto.randomUUID();
const TASK_PRICES = [
  { task: "CALL_ANSWERED", unitPriceCents: 150 },
  { task: "APPOINTMENT_BOOKED", unitPriceCents: 250 },
];

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Runs `fn` over items with at most `width` calls in flight (Stripe calls over loopback). */
async function pool<T>(items: T[], width: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

function terms(c: { missionId: string; orgId: string; orgName: string; userId: string; name: string; hourly: boolean; start: string }) {
  return {
    version: 1,
    mission: {
      id: c.missionId,
      title: "Accueil téléphonique du cabinet",
      description: "Prendre les appels des patients et les rendez-vous.",
      skills: ["PHONE_ANSWERING"],
      scheduleType: "ONE_OFF",
      startDate: c.start,
      endDate: null,
      rrule: null,
      timeWindows: [],
      workMode: "REMOTE",
      commune: null,
      medicalSecrecy: false,
    },
    business: { organizationId: c.orgId, name: c.orgName, legalName: null, siret: null },
    provider: { userId: c.userId, displayName: c.name, agencyId: null, agencyName: null },
    billingMode: c.hourly ? "HOURLY" : "PER_TASK",
    hourlyRateCents: c.hourly ? 3000 : null,
    taskPrices: c.hourly ? [] : TASK_PRICES,
    fixedAmountCents: null,
    milestones: [],
    startDate: c.start,
    platformFeeBps: 1000,
    reviewWindowDays: 7,
  };
}

export type BenchData = { businesses: number; secretaries: number; contracts: number; entries: number };

export async function generate(
  sim: StripeSimulator,
  opts: { contracts: number; entriesPerContract: number; month: string },
): Promise<BenchData> {
  const now = new Date();
  const businesses = Array.from({ length: Math.ceil(opts.contracts / 5) }, (_, i) => ({
    userId: id(),
    orgId: id(),
    name: `Cabinet Bench ${i + 1}`,
  }));
  const secretaries = Array.from({ length: Math.ceil(opts.contracts / 2) }, (_, i) => ({
    userId: id(),
    name: `Secrétaire Bench ${i + 1}`,
  }));
  const user = (u: { userId: string; name: string }, kind: string) => ({
    id: u.userId,
    email: `${kind.toLowerCase()}-${u.userId.slice(0, 13)}@bench.exemple.fr`,
    displayName: u.name,
    passwordHash: "bench-no-login",
    kind,
    role: "USER",
    emailVerifiedAt: now,
  });
  await insertChunked([...businesses.map((b) => user(b, "BUSINESS")), ...secretaries.map((s) => user(s, "SECRETARY"))], (c) =>
    db.user.createMany({ data: c }),
  );
  await insertChunked(businesses, (c) =>
    db.organization.createMany({
      data: c.map((b) => ({
        id: b.orgId,
        kind: "BUSINESS",
        name: b.name,
        slug: `bench-${b.orgId}`,
        legalName: `${b.name} SELARL`,
        siret: "84123456000024",
        vatNumber: "FR81841234560",
        addressLine: "3 place Bellecour",
        postcode: "69002",
        commune: "Lyon",
      })),
    }),
  );
  await insertChunked(businesses, (c) =>
    db.membership.createMany({ data: c.map((b) => ({ userId: b.userId, organizationId: b.orgId, role: "OWNER" })) }),
  );
  await insertChunked(secretaries, (c) =>
    db.invoicingIdentity.createMany({
      data: c.map((s, i) => ({
        userId: s.userId,
        legalName: `${s.name} EI`,
        siret: "81234567600017",
        vatNumber: i % 4 === 0 ? "FR75512345679" : null,
        vatExempt: i % 4 !== 0, // one in four charges VAT
        addressLine: "12 rue des Lilas",
        postcode: "69003",
        commune: "Lyon",
      })),
    }),
  );
  const entries = await contracts(businesses, secretaries, opts);
  await stripeSide(sim, businesses, secretaries);
  return { businesses: businesses.length, secretaries: secretaries.length, contracts: opts.contracts, entries };
}

async function contracts(
  businesses: { userId: string; orgId: string; name: string }[],
  secretaries: { userId: string; name: string }[],
  opts: { contracts: number; entriesPerContract: number; month: string },
) {
  const start = `${opts.month}-01`;
  const startDate = new Date(`${start}T00:00:00Z`);
  const rows = Array.from({ length: opts.contracts }, (_, i) => {
    const b = businesses[Math.floor(i / 5)]!;
    const s = secretaries[i % secretaries.length]!;
    return { i, b, s, missionId: id(), proposalId: id(), contractId: id(), assigneeId: id(), hourly: i % 2 === 0 };
  });
  await insertChunked(rows, (c) =>
    db.mission.createMany({
      data: c.map((r) => ({
        id: r.missionId,
        organizationId: r.b.orgId,
        createdById: r.b.userId,
        status: "FILLED",
        title: "Accueil téléphonique du cabinet",
        description: "Prendre les appels des patients, fixer les rendez-vous dans Doctolib.",
        skills: ["PHONE_ANSWERING"],
        billingMode: r.hourly ? "HOURLY" : "PER_TASK",
        scheduleType: "ONE_OFF",
        startDate,
        workMode: "REMOTE",
      })),
    }),
  );
  await insertChunked(rows, (c) =>
    db.proposal.createMany({
      data: c.map((r) => ({
        id: r.proposalId,
        missionId: r.missionId,
        bidderKey: `user:${r.s.userId}`,
        bidderUserId: r.s.userId,
        createdById: r.s.userId,
        status: "ACCEPTED",
        live: null,
        coverLetter: "Disponible dès lundi.",
        hourlyRateCents: r.hourly ? 3000 : null,
        taskPrices: r.hourly ? [] : TASK_PRICES,
        startDate,
        availabilityConfirmed: true,
        decidedAt: startDate,
      })),
    }),
  );
  await insertChunked(rows, (c) =>
    db.contract.createMany({
      data: c.map((r) => ({
        id: r.contractId,
        missionId: r.missionId,
        proposalId: r.proposalId,
        organizationId: r.b.orgId,
        providerUserId: r.s.userId,
        status: "ACTIVE",
        billingMode: r.hourly ? "HOURLY" : "PER_TASK",
        terms: terms({ missionId: r.missionId, orgId: r.b.orgId, orgName: r.b.name, userId: r.s.userId, name: r.s.name, hourly: r.hourly, start }),
        hourlyRateCents: r.hourly ? 3000 : null,
        taskPrices: r.hourly ? [] : TASK_PRICES,
        platformFeeBps: 1000,
        reviewWindowDays: 7,
        startDate,
        businessAcceptedAt: startDate,
        businessAcceptedById: r.b.userId,
        providerAcceptedAt: startDate,
        providerAcceptedById: r.s.userId,
        mandateAcceptedAt: startDate,
        activatedAt: startDate,
      })),
    }),
  );
  await insertChunked(rows, (c) =>
    db.contractAssignee.createMany({
      data: c.map((r) => ({ id: r.assigneeId, contractId: r.contractId, userId: r.s.userId, role: "PRIMARY", createdById: r.b.userId })),
    }),
  );
  const entries = rows.flatMap((r) =>
    Array.from({ length: opts.entriesPerContract }, (_, k) => {
      const day = `${opts.month}-${String(2 + k * 3 > 27 ? 27 : 2 + k * 3).padStart(2, "0")}`;
      const workDate = new Date(`${day}T00:00:00Z`);
      const minutes = 60 + ((r.i + k) % 4) * 45;
      const quantity = 5 + ((r.i + k) % 7);
      const price = TASK_PRICES[k % 2]!;
      return {
        contractId: r.contractId,
        assigneeId: r.assigneeId,
        kind: r.hourly ? "TIME" : "TASK",
        workDate,
        minutes: r.hourly ? minutes : null,
        taskType: r.hourly ? null : price.task,
        quantity: r.hourly ? null : quantity,
        unitPriceCents: r.hourly ? 3000 : price.unitPriceCents,
        amountCents: r.hourly ? Math.round((minutes * 3000) / 60) : quantity * price.unitPriceCents,
        description: "Permanence téléphonique",
        status: "APPROVED",
        submittedAt: new Date(`${day}T18:00:00Z`),
        reviewedAt: new Date(`${day}T20:00:00Z`),
      };
    }),
  );
  await insertChunked(entries, (c) => db.workEntry.createMany({ data: c }), 1000);
  return entries.length;
}

/** Through the real SDK: one connected account per secretary, one customer + card per business. */
async function stripeSide(
  sim: StripeSimulator,
  businesses: { orgId: string; name: string }[],
  secretaries: { userId: string }[],
) {
  const stripe = getStripe();
  const accounts: { userId: string; stripeAccountId: string }[] = [];
  await pool(secretaries, 8, async (s) => {
    const account = await stripe.accounts.create({
      country: "FR",
      controller: { fees: { payer: "application" }, losses: { payments: "application" }, stripe_dashboard: { type: "express" } },
      capabilities: { transfers: { requested: true } },
      metadata: { payeeKey: `user:${s.userId}` },
    });
    sim.completeOnboarding(account.id); // queues account.updated (transfers active) for the Connect endpoint
    accounts.push({ userId: s.userId, stripeAccountId: account.id });
  });
  await insertChunked(accounts, (c) => db.payoutAccount.createMany({ data: c }));
  const billing: { organizationId: string; stripeCustomerId: string; paymentMethodId: string }[] = [];
  await pool(businesses, 8, async (b) => {
    const customer = await stripe.customers.create({ email: "compta@bench.exemple.fr", metadata: { organizationId: b.orgId } });
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    billing.push({ organizationId: b.orgId, stripeCustomerId: customer.id, paymentMethodId: pm.id });
  });
  await insertChunked(billing, (c) =>
    db.billingAccount.createMany({
      data: c.map((b) => ({ ...b, paymentMethodType: "card", paymentMethodLabel: "Visa •••• 4242" })),
    }),
  );
}
