// A secretary's (or an agency's) bid: send, edit, withdraw. The mission must be OPEN, visible to
// her, before its deadline, and — under medical secrecy — she must have signed the pledge.
import { announceConversation, openMissionConversation } from "#app/domain/chat/chat-open.server";
import { usersWithoutPledge } from "#app/domain/confidentiality/pledges.server";
import { notifyProposalReceived } from "#app/domain/notifications/notification-events.server";
import { publishNotifications } from "#app/domain/notifications/notifications.server";
import { db, isUniqueConstraintError } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { loadBidContext, pricingOf, type BidContext } from "./bid-context.server";
import { proposalNotFound, transitionProposal } from "./proposal-transition.server";
import { termsColumns, termsIssues, withDefaultMilestone } from "./proposal-terms";
import { proposalMessages, type ProposalInput } from "./proposals.schema";
import * as repo from "./proposals.repo.server";

export const ALREADY_LIVE_MESSAGE =
  "Vous avez déjà une proposition en cours pour cette mission : modifiez-la ou retirez-la.";
export const NOT_EDITABLE_MESSAGE = "Cette proposition n’est plus modifiable : elle a déjà reçu une réponse.";

export type SaveProposalResult =
  { ok: true; proposalId: string } | { ok: false; fieldErrors: Record<string, string[]> };

type Args = { actorId: string; missionId: string; now?: Date };

/** The form page: the mission, the bidder, her live proposal if any, and what blocks a new one. */
export async function getProposalForm({ actorId, missionId, now = new Date() }: Args) {
  const { mission, bidder, blocker, live: proposal } = await loadBidContext(actorId, missionId, now);
  const { organizationId: _business, ...shown } = mission;
  return {
    mission: shown,
    bidder: { agencyName: bidder.agencyName, members: bidder.members },
    proposal,
    blocker,
  };
}

/** Field errors of the input against the mission as stored; the default milestone is added. */
function checkInput({ mission, bidder }: BidContext, input: ProposalInput) {
  const terms = withDefaultMilestone(mission.billingMode, termsColumns(mission.billingMode, input.terms));
  const fieldErrors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (fieldErrors[key] ??= []).push(message);
  for (const issue of termsIssues(pricingOf(mission), terms, input.startDate))
    add(
      issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${p}` : p)).join(""),
      issue.message,
    );
  const memberIds = bidder.agencyId ? input.memberIds : [];
  if (bidder.agencyId && memberIds.length === 0) add("memberIds", proposalMessages.membersMin);
  if (memberIds.some((id) => !bidder.members.some((m) => m.id === id)))
    add("memberIds", proposalMessages.memberUnknown);
  const write: repo.ProposalWrite = {
    coverLetter: input.coverLetter,
    startDate: new Date(`${input.startDate}T00:00:00Z`),
    availabilityConfirmed: true,
    memberIds,
    ...terms,
  };
  return { fieldErrors, write };
}

/** Under medical secrecy, the agency's named members must have signed the pledge too: they do the work. */
async function checkMembersPledge(
  { mission, bidder }: BidContext,
  memberIds: string[],
  fieldErrors: Record<string, string[]>,
) {
  if (!mission.medicalSecrecy) return;
  for (const id of await usersWithoutPledge(memberIds)) {
    const name = bidder.members.find((m) => m.id === id)?.displayName ?? "Une secrétaire";
    (fieldErrors.memberIds ??= []).push(`${name} n’a pas encore signé l’engagement de confidentialité.`);
  }
}

async function validated(context: BidContext, input: ProposalInput) {
  const checked = checkInput(context, input);
  await checkMembersPledge(context, checked.write.memberIds, checked.fieldErrors);
  return checked;
}

export async function submitProposal(args: Args & { input: ProposalInput }): Promise<SaveProposalResult> {
  const context = await loadBidContext(args.actorId, args.missionId, args.now ?? new Date());
  if (context.blocker) throw new DomainError("CONFLICT", context.blocker.message);
  const { fieldErrors, write } = await validated(context, args.input);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const { mission, bidder } = context;
  try {
    const { id, notified, conversation } = await db.$transaction(async (tx) => {
      const created = await repo.createProposal(tx, {
        ...write,
        missionId: mission.id,
        origin: "BID",
        bidderKey: bidder.key,
        bidderUserId: bidder.userId,
        agencyId: bidder.agencyId,
        createdById: args.actorId,
      });
      // The bid opens (or reuses) the conversation between the business and this bidder.
      const conversation = await openMissionConversation(tx, {
        missionId: mission.id,
        bidderKey: bidder.key,
      });
      return { id: created.id, notified: await notifyProposalReceived(tx, created.id), conversation };
    });
    await publishNotifications(notified);
    await announceConversation(conversation);
    return { ok: true, proposalId: id };
  } catch (error) {
    // The unique index (missionId, bidderKey, live) refuses a second live proposal, even in a race.
    if (isUniqueConstraintError(error)) throw new DomainError("CONFLICT", ALREADY_LIVE_MESSAGE);
    throw error;
  }
}

/** The bidder's own proposal on this mission, or 404: nobody else's is ever revealed. */
async function requireOwnBid(actorId: string, proposalId: string) {
  const proposal = await repo.findProposal(proposalId);
  const keys = await repo.findBidderKeys(actorId);
  if (!proposal || !keys.includes(proposal.bidderKey)) throw proposalNotFound();
  return proposal;
}

export async function editProposal(args: {
  actorId: string;
  proposalId: string;
  input: ProposalInput;
  now?: Date;
}): Promise<SaveProposalResult> {
  const own = await requireOwnBid(args.actorId, args.proposalId);
  if (own.origin !== "BID") throw proposalNotFound();
  const context = await loadBidContext(args.actorId, own.missionId, args.now ?? new Date());
  if (context.blocker) throw new DomainError("CONFLICT", context.blocker.message);
  const { fieldErrors, write } = await validated(context, args.input);
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  if (!(await repo.updateLiveProposal(own.id, write)))
    throw new DomainError("CONFLICT", NOT_EDITABLE_MESSAGE);
  return { ok: true, proposalId: own.id };
}

export async function withdrawProposal({ actorId, proposalId }: { actorId: string; proposalId: string }) {
  const own = await requireOwnBid(actorId, proposalId);
  if (own.origin !== "BID") throw proposalNotFound();
  return db.$transaction((tx) =>
    transitionProposal(tx, { proposalId: own.id, event: "WITHDRAW", actor: { id: actorId, as: "BIDDER" } }),
  );
}
