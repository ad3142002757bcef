// A proposal's life cycle (DESIGN.md §3). Who acts depends on where the proposal came from: a BID
// is accepted or declined by the business and withdrawn by the bidder; a direct OFFER is made by the
// business, so the secretary accepts or declines it and the business withdraws it.
import { checkTransition, isOneOf, type TransitionCheck, type TransitionRule } from "#app/lib/state-machine";

export const proposalStatuses = [
  "SUBMITTED",
  "SHORTLISTED",
  "ACCEPTED",
  "DECLINED",
  "WITHDRAWN",
  "EXPIRED",
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
export const liveProposalStatuses = ["SUBMITTED", "SHORTLISTED"] as const satisfies readonly ProposalStatus[];

export const proposalOrigins = ["BID", "OFFER"] as const;
export type ProposalOrigin = (typeof proposalOrigins)[number];

export type ProposalEvent = "SHORTLIST" | "ACCEPT" | "DECLINE" | "WITHDRAW" | "EXPIRE";
/** BUSINESS: a member of the mission's business. BIDDER: the secretary or agency it is addressed from/to. */
export type ProposalActor = "BUSINESS" | "BIDDER" | "SYSTEM";

const live = liveProposalStatuses;
export const proposalTransitions: Record<
  ProposalOrigin,
  Record<ProposalEvent, TransitionRule<ProposalStatus, ProposalActor>>
> = {
  BID: {
    SHORTLIST: { from: ["SUBMITTED"], to: "SHORTLISTED", actors: ["BUSINESS"] },
    ACCEPT: { from: live, to: "ACCEPTED", actors: ["BUSINESS"] },
    DECLINE: { from: live, to: "DECLINED", actors: ["BUSINESS"] },
    WITHDRAW: { from: live, to: "WITHDRAWN", actors: ["BIDDER"] },
    // The mission stopped taking proposals (filled, closed, cancelled, expired): the worker or that use case.
    EXPIRE: { from: live, to: "EXPIRED", actors: ["SYSTEM"] },
  },
  OFFER: {
    // Nobody shortlists an offer: it is already addressed to one secretary.
    SHORTLIST: { from: [], to: "SHORTLISTED", actors: ["BUSINESS"] },
    ACCEPT: { from: ["SUBMITTED"], to: "ACCEPTED", actors: ["BIDDER"] },
    DECLINE: { from: ["SUBMITTED"], to: "DECLINED", actors: ["BIDDER"] },
    WITHDRAW: { from: ["SUBMITTED"], to: "WITHDRAWN", actors: ["BUSINESS"] },
    EXPIRE: { from: ["SUBMITTED"], to: "EXPIRED", actors: ["SYSTEM"] },
  },
};

export function checkProposalTransition(
  origin: ProposalOrigin,
  from: ProposalStatus,
  event: ProposalEvent,
  actor: ProposalActor,
): TransitionCheck<ProposalStatus> {
  return checkTransition(proposalTransitions[origin][event], from, actor);
}

export function isLiveProposal(status: string): boolean {
  return isOneOf(liveProposalStatuses, status);
}

export const isProposalStatus = (value: string): value is ProposalStatus => isOneOf(proposalStatuses, value);
export const isProposalOrigin = (value: string): value is ProposalOrigin => isOneOf(proposalOrigins, value);

export const proposalStatusLabels: Record<ProposalStatus, string> = {
  SUBMITTED: "Envoyée",
  SHORTLISTED: "Présélectionnée",
  ACCEPTED: "Acceptée",
  DECLINED: "Déclinée",
  WITHDRAWN: "Retirée",
  EXPIRED: "Expirée",
};
