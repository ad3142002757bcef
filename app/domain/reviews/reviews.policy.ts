// Who may review a contract, and when. Pure: the caller reads the viewer (contracts.policy's
// ContractViewer), the contract and the sides that already wrote.
//
// Choices where the issue is silent:
// - Sides: the business side is any member of the hiring organisation; the provider side is the
//   secretary who signed (providerUserId) or, for an agency contract, an owner of the agency. One
//   review per side (the first member to write speaks for the side), never by assignees or staff.
// - Window: a side may write from the moment the contract is COMPLETED until REVIEW_WINDOW_DAYS after
//   it ended (Contract.endedAt; for older rows, the date of the change to COMPLETED). The window
//   closes exactly when unpublished reviews publish anyway (review-visibility.ts), so no review is
//   ever written after the other side's has become public: the double blind always holds.
import { isBusinessSide, isProviderSide, type ContractViewer } from "#app/domain/contracts/contracts.policy";
import { REVIEW_WINDOW_DAYS, type ReviewSide } from "./reviews.schema";

const DAY_MS = 86_400_000;

export type ReviewableContract = {
  status: string;
  organizationId: string;
  agencyId: string | null;
  providerUserId: string;
  /** When it ended: endedAt, else the date of its change to COMPLETED; null while not completed. */
  endedAt: Date | null;
};

export const ALREADY_REVIEWED_MESSAGE = "Vous avez déjà laissé un avis pour ce contrat.";
export const NOT_COMPLETED_MESSAGE = "Vous pourrez laisser un avis quand le contrat sera terminé.";
export const WINDOW_CLOSED_MESSAGE = `Le délai pour laisser un avis (${REVIEW_WINDOW_DAYS} jours après la fin du contrat) est écoulé.`;
export const NOT_A_PARTY_MESSAGE = "Seules les parties du contrat peuvent laisser un avis.";

/** The viewer's side on the contract; null for anyone else (assignees, staff, strangers). */
export function reviewSideOf(
  viewer: ContractViewer,
  contract: Pick<ReviewableContract, "organizationId" | "agencyId" | "providerUserId">,
): ReviewSide | null {
  if (isBusinessSide(viewer, contract)) return "BUSINESS";
  if (isProviderSide(viewer, contract)) return "PROVIDER";
  return null;
}

export const otherSide = (side: ReviewSide): ReviewSide => (side === "BUSINESS" ? "PROVIDER" : "BUSINESS");

/** Last moment to write, which is also when unpublished reviews publish; null before completion. */
export function reviewDeadline(endedAt: Date | null): Date | null {
  return endedAt ? new Date(endedAt.getTime() + REVIEW_WINDOW_DAYS * DAY_MS) : null;
}

export type WriteCheck =
  | { ok: true; side: ReviewSide }
  | { ok: false; code: "FORBIDDEN" | "CONFLICT" | "INVALID_TRANSITION"; message: string };

/** May this viewer write her side's review now? The order of the checks decides which refusal she reads. */
export function checkCanWriteReview(input: {
  viewer: ContractViewer;
  contract: ReviewableContract;
  writtenSides: readonly ReviewSide[];
  now: Date;
}): WriteCheck {
  const side = reviewSideOf(input.viewer, input.contract);
  if (!side) return { ok: false, code: "FORBIDDEN", message: NOT_A_PARTY_MESSAGE };
  const deadline = reviewDeadline(input.contract.endedAt);
  if (input.contract.status !== "COMPLETED" || !deadline) {
    return { ok: false, code: "INVALID_TRANSITION", message: NOT_COMPLETED_MESSAGE };
  }
  if (input.writtenSides.includes(side))
    return { ok: false, code: "CONFLICT", message: ALREADY_REVIEWED_MESSAGE };
  if (input.now.getTime() >= deadline.getTime()) {
    return { ok: false, code: "INVALID_TRANSITION", message: WINDOW_CLOSED_MESSAGE };
  }
  return { ok: true, side };
}
