// Who hears about what: the hooks the use cases call inside their transaction. Each returns the
// notified user ids; the use case calls publishNotifications(ids) once its transaction committed.
import { parisToday } from "#app/domain/missions/schedule";
import type { Tx } from "#app/lib/db.server";
import { formatEuros } from "#app/lib/money";
import { notify } from "./notifications.server";
import * as find from "./notification-recipients.repo.server";

/** Users not to notify: the actor of the event, or those already told by another notice. */
type Except = { except?: readonly string[] };
const without = (userIds: readonly string[], except: readonly string[]) =>
  userIds.filter((id) => !except.includes(id));

const quoted = (title: string) => `« ${title} »`;

/** A bid arrived: every member of the mission's business. */
export async function notifyProposalReceived(tx: Tx, proposalId: string): Promise<string[]> {
  const p = await find.findProposalForNotice(tx, proposalId);
  if (!p) return [];
  const who = p.agency?.name ?? p.bidder.displayName;
  return notify(tx, {
    userIds: await find.organizationMemberIds(tx, p.mission.organizationId),
    type: "PROPOSAL_RECEIVED",
    title: `Nouvelle proposition pour ${quoted(p.mission.title)}`,
    body: `${who} a répondu à votre mission.`,
    link: `/missions/${p.missionId}/propositions`,
  });
}

/** The bidder, and for an agency's bid every member of the agency. */
async function bidderSide(tx: Tx, p: { bidderUserId: string; agencyId: string | null }) {
  return [p.bidderUserId, ...(p.agencyId ? await find.organizationMemberIds(tx, p.agencyId) : [])];
}

/** The business accepted or declined a bid. */
export async function notifyProposalDecided(
  tx: Tx,
  proposalId: string,
  outcome: "ACCEPTED" | "DECLINED",
  { except = [] }: Except = {},
): Promise<string[]> {
  const p = await find.findProposalForNotice(tx, proposalId);
  if (!p) return [];
  const business = p.mission.organization.name;
  const accepted = outcome === "ACCEPTED";
  return notify(tx, {
    userIds: without(await bidderSide(tx, p), except),
    type: accepted ? "PROPOSAL_ACCEPTED" : "PROPOSAL_DECLINED",
    title: `${accepted ? "Proposition acceptée" : "Proposition déclinée"} : ${quoted(p.mission.title)}`,
    body: accepted
      ? `${business} a accepté votre proposition. Relisez et acceptez le contrat pour démarrer.`
      : `${business} n’a pas retenu votre proposition.${p.decisionMessage ? ` Message : ${p.decisionMessage}` : ""}`,
    link: accepted && p.contract ? `/contrats/${p.contract.id}` : "/compte/propositions",
  });
}

/** A direct offer: the secretary it is addressed to. */
export async function notifyOfferReceived(tx: Tx, proposalId: string): Promise<string[]> {
  const p = await find.findProposalForNotice(tx, proposalId);
  if (!p) return [];
  return notify(tx, {
    userIds: [p.bidderUserId],
    type: "OFFER_RECEIVED",
    title: `Offre directe : ${quoted(p.mission.title)}`,
    body: `${p.mission.organization.name} vous propose cette mission.`,
    link: "/compte/propositions",
  });
}

/**
 * A new contract waits for both sides: the business's members and the provider who signs — except
 * whoever created it (no notice of one's own action) and whoever was already told (`except`).
 */
export async function notifyContractToAccept(
  tx: Tx,
  contractId: string,
  { except = [] }: Except = {},
): Promise<string[]> {
  const c = await find.findContractForNotice(tx, contractId);
  if (!c) return [];
  const parties = [...(await find.organizationMemberIds(tx, c.organizationId)), c.providerUserId];
  return notify(tx, {
    userIds: without(parties, except),
    type: "CONTRACT_TO_ACCEPT",
    title: `Contrat à accepter : ${quoted(c.mission.title)}`,
    body: "Relisez les conditions et acceptez le contrat : il démarre quand les deux parties l’ont accepté.",
    link: `/contrats/${contractId}`,
  });
}

/** Work logged or a milestone delivered: the business, one line per contract and Paris day. */
export async function notifyWorkSubmitted(tx: Tx, contractId: string, now: Date): Promise<string[]> {
  const c = await find.findContractForNotice(tx, contractId);
  if (!c) return [];
  return notify(tx, {
    userIds: await find.organizationMemberIds(tx, c.organizationId),
    type: "WORK_SUBMITTED",
    title: `Travail à valider : ${quoted(c.mission.title)}`,
    body: "Du travail a été déclaré sur ce contrat. Validez-le ou contestez-le avant la fin du délai de validation.",
    link: `/contrats/${contractId}/travail`,
    groupKey: `work-submitted:${contractId}:${parisToday(now)}`,
    now,
  });
}

export type ReviewedWork = { kind: "ENTRY" | "MILESTONE"; id: string };

/** Approved (by the business or automatically, grouped per contract and day) or disputed: the worker. */
export async function notifyWorkReviewed(
  tx: Tx,
  work: ReviewedWork,
  outcome: "APPROVED" | "DISPUTED",
  now: Date,
): Promise<string[]> {
  const w =
    work.kind === "ENTRY"
      ? await find.findEntryWorker(tx, work.id)
      : await find.findMilestoneWorker(tx, work.id);
  const c = w?.workerId ? await find.findContractForNotice(tx, w.contractId) : null;
  if (!w?.workerId || !c) return [];
  const approved = outcome === "APPROVED";
  return notify(tx, {
    userIds: [w.workerId],
    type: approved ? "WORK_APPROVED" : "WORK_DISPUTED",
    title: `${approved ? "Travail validé" : "Travail contesté"} : ${quoted(c.mission.title)}`,
    body: approved
      ? "Votre travail a été validé : il sera payé avec le prochain paiement du contrat."
      : "L’entreprise conteste une partie de votre travail. Consultez le motif et corrigez si besoin.",
    link: `/contrats/${c.id}/travail`,
    groupKey: approved ? `work-approved:${c.id}:${parisToday(now)}` : undefined,
    now,
  });
}

/** A transfer left for a payee: the secretary, or the owners of the agency paid. */
export async function notifyPaymentReceived(tx: Tx, payoutId: string): Promise<string[]> {
  const p = await find.findPayoutForNotice(tx, payoutId);
  if (!p) return [];
  const userIds = p.payeeOrganizationId
    ? await find.organizationMemberIds(tx, p.payeeOrganizationId, "OWNER")
    : p.payeeUserId
      ? [p.payeeUserId]
      : [];
  return notify(tx, {
    userIds,
    type: "PAYMENT_RECEIVED",
    title: `Paiement de ${formatEuros(p.amountCents)} envoyé`,
    body: `Pour ${quoted(p.payment.contract.mission.title)} : le virement arrive sur votre compte sous quelques jours.`,
    link: "/compte/paiements",
  });
}

const profileOutcomes = {
  approve: "Votre profil est publié",
  reject: "Votre profil doit être complété avant publication",
  suspend: "Votre profil est suspendu",
  reinstate: "Votre profil est de nouveau visible",
} as const;

const missionOutcomes = {
  approve: "Votre mission est publiée",
  "request-changes": "Votre mission doit être modifiée avant publication",
} as const;

const reasonBody = (reason: string | null) => (reason ? `Motif : ${reason}` : "");

/**
 * A staff decision on a profile or a mission: its owner. In-app only — moderation already sends
 * its own detailed e-mail (review-emails.ts, mission-review-emails.ts), one e-mail is enough.
 */
export async function notifyModerationOutcome(
  tx: Tx,
  target:
    | { kind: "PROFILE"; profileId: string; intent: keyof typeof profileOutcomes; reason: string | null }
    | { kind: "MISSION"; missionId: string; intent: keyof typeof missionOutcomes; reason: string | null },
): Promise<string[]> {
  if (target.kind === "PROFILE") {
    const owner = await find.findProfileOwner(tx, target.profileId);
    if (!owner) return [];
    const { intent } = target;
    return notify(tx, {
      userIds: [owner.userId],
      type: "MODERATION_OUTCOME",
      title: profileOutcomes[intent],
      body: reasonBody(target.reason),
      link: "/compte/profil",
      email: false,
    });
  }
  const mission = await find.findMissionAuthor(tx, target.missionId);
  if (!mission) return [];
  return notify(tx, {
    userIds: [mission.createdById],
    type: "MODERATION_OUTCOME",
    title: `${missionOutcomes[target.intent]} : ${quoted(mission.title)}`,
    body: reasonBody(target.reason),
    link: `/missions/${target.missionId}`,
    email: false,
  });
}
