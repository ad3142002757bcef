// "Supprimer mon compte" (RGPD art. 17). Refused while she is party to a live contract, money is in
// flight or she alone owns an organization others belong to; otherwise, in ONE transaction, the
// legal records are copied to the archive (RetainedRecord, 10 years) and everything personal is
// erased or anonymised. Stored files are removed after the commit. Rules: README.md.
import { verifyPassword } from "#app/auth/password.server";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/lib/db.server";
import { DomainError, notFound } from "#app/lib/domain-error";
import { getFileStorage } from "#app/lib/file-storage.server";
import { transitionMission } from "#app/domain/missions/mission-transition.server";
import { transitionProposal } from "#app/domain/proposals/proposal-transition.server";
import { consume, reward } from "#app/lib/rate-limit.server";
import * as anonymise from "./account-anonymise.repo.server";
import * as repo from "./account-erasure.repo.server";
import { eraseAccountSchema, privacyMessages } from "./privacy.schema";
import { retainRecords, type RetainedInput } from "./retention.repo.server";
import { retentionEnd } from "./retention-purge.server";

async function checkPassword(user: { email: string; passwordHash: string }, password: string) {
  // The login limiter: this form must not become a way around it to guess a password.
  await consume("loginByEmail", user.email);
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new DomainError("VALIDATION", privacyMessages.wrongPassword, { field: "password" });
  }
  await reward("loginByEmail", user.email);
}

/**
 * Refusals; returns the organizations she alone belongs to (their contracts are hers to finish,
 * their open missions are cancelled with her account).
 */
async function checkBlockers(userId: string): Promise<string[]> {
  const memberships = await repo.findMembershipsWithCounts(userId);
  for (const { role, organization } of memberships) {
    const others = organization.memberships.filter((m) => m.userId !== userId);
    const otherOwners = others.filter((m) => m.role === "OWNER");
    if (role === "OWNER" && others.length > 0 && otherOwners.length === 0) {
      throw new DomainError("CONFLICT", privacyMessages.soleOwner(organization.name));
    }
  }
  const sole = memberships
    .filter(({ organization }) => organization.memberships.length === 1)
    .map(({ organization }) => organization.id);
  if ((await repo.countLiveContracts(userId, sole)) > 0) {
    throw new DomainError("CONFLICT", privacyMessages.liveContract);
  }
  if ((await repo.countMoneyInFlight(userId, sole)) > 0) {
    throw new DomainError("CONFLICT", privacyMessages.moneyInFlight);
  }
  return sole;
}

/** Her live bids are withdrawn (offers to her declined); her lone organizations' missions cancelled. */
async function endOpenBusiness(tx: Tx, userId: string, soleOrganizationIds: string[]) {
  const actor = { id: userId, as: "BIDDER" as const };
  for (const proposal of await anonymise.findLiveOwnProposals(tx, userId)) {
    const event = proposal.origin === "OFFER" ? ("DECLINE" as const) : ("WITHDRAW" as const);
    await transitionProposal(tx, { proposalId: proposal.id, event, actor, reason: anonymise.ERASED_NAME });
  }
  for (const mission of await anonymise.findOrphanedMissions(tx, soleOrganizationIds)) {
    await transitionMission(tx, {
      missionId: mission.id,
      event: "CANCEL",
      actor: { id: userId, as: "OWNER" },
      reason: anonymise.ERASED_NAME,
    });
  }
}

const quarterOf = (date: Date) => `${date.getUTCFullYear()}-T${Math.floor(date.getUTCMonth() / 3) + 1}`;

/** DAC7-relevant totals: amounts, fees and contracts paid to her, per quarter. */
function taxTotals(payouts: Awaited<ReturnType<typeof repo.findLegalRecords>>["payouts"]) {
  const quarters = new Map<string, { work: number; fees: number; paid: number; contracts: Set<string> }>();
  for (const payout of payouts) {
    const key = quarterOf(payout.sentAt ?? new Date(0));
    const q = quarters.get(key) ?? { work: 0, fees: 0, paid: 0, contracts: new Set<string>() };
    q.work += payout.workAmountCents;
    q.fees += payout.feeCents;
    q.paid += payout.amountCents;
    q.contracts.add(payout.payment.contractId);
    quarters.set(key, q);
  }
  return [...quarters].map(([quarter, q]) => ({
    quarter,
    workAmountCents: q.work,
    feeCents: q.fees,
    paidCents: q.paid,
    contractCount: q.contracts.size,
  }));
}

async function legalRecords(tx: Tx, userId: string): Promise<RetainedInput[]> {
  const { identity, payoutAccount, mandates, payouts } = await repo.findLegalRecords(tx, userId);
  const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
  const records: RetainedInput[] = [];
  if (identity) records.push({ kind: "INVOICING_IDENTITY", payload: json(identity) });
  for (const mandate of mandates) records.push({ kind: "BILLING_MANDATE", payload: json(mandate) });
  if (payoutAccount) records.push({ kind: "PAYOUT_ACCOUNT", payload: json(payoutAccount) });
  const totals = taxTotals(payouts);
  if (totals.length > 0) records.push({ kind: "TAX_RECORD", payload: json({ quarters: totals }) });
  return records;
}

type ErasedUser = { id: string; email: string; displayName: string };

async function eraseInTransaction(tx: Tx, user: ErasedUser, soleOrganizationIds: string[], now: Date) {
  await endOpenBusiness(tx, user.id, soleOrganizationIds);
  const retained = await retainRecords(tx, user.id, await legalRecords(tx, user.id), retentionEnd(now));
  const files = await repo.findStoredFiles(tx, user.id);
  const profile = await tx.secretaryProfile.findUnique({ where: { userId: user.id }, select: { id: true } });
  await anonymise.eraseReportSnapshots(tx, user.id, profile?.id ?? null);
  await anonymise.eraseMessages(tx, user.id);
  await anonymise.eraseProposalTexts(tx, user.id);
  await anonymise.eraseNameInContracts(tx, user.id);
  await anonymise.deleteProfile(tx, user.id);
  await anonymise.deleteOwnRows(tx, user.id, user.email);
  await anonymise.eraseMentions(tx, user.displayName);
  await anonymise.anonymiseUser(tx, user.id, now);
  return { retained, storageKeys: files.map((f) => f.storageKey) };
}

export async function eraseAccount(args: { actorId: string; input: unknown; now?: Date }) {
  const parsed = eraseAccountSchema.safeParse(args.input);
  if (!parsed.success) throw new DomainError("VALIDATION", parsed.error.issues[0]!.message);
  const user = await repo.findUserForErasure(args.actorId);
  if (!user || user.anonymizedAt) throw notFound("Ce compte");
  await checkPassword(user, parsed.data.password);
  const soleOrganizationIds = await checkBlockers(user.id);
  const now = args.now ?? new Date();
  const { retained, storageKeys } = await db.$transaction((tx) =>
    eraseInTransaction(tx, user, soleOrganizationIds, now),
  );
  // After the commit: a failed transaction must not lose files still referenced.
  await Promise.allSettled(storageKeys.map((key) => getFileStorage().remove(key)));
  return { retained, filesRemoved: storageKeys.length };
}
