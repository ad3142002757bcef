// The double-blind rule (issue 7), pure. A review is published when both sides have written, or when
// the window after the end of the contract has passed (reviews.policy.ts: the same deadline closes
// writing). Before that its author's side sees it — the colleague who could not write a second one
// must see the one her side left — and nobody else does, staff included (nothing to moderate until
// it is public). A review hidden by staff is shown to nobody but staff.
import { reviewDeadline } from "./reviews.policy";
import type { ReviewSide } from "./reviews.schema";

/** Should the contract's unpublished reviews be published now? */
export function isPublicationDue(input: {
  writtenSides: readonly ReviewSide[];
  endedAt: Date | null;
  now: Date;
}): boolean {
  const sides = new Set(input.writtenSides);
  if (sides.has("BUSINESS") && sides.has("PROVIDER")) return true;
  const deadline = reviewDeadline(input.endedAt);
  return deadline !== null && input.now.getTime() >= deadline.getTime();
}

/** How the viewer relates to a review: her side wrote it, the other side, staff, or the public. */
export type ReviewViewer = { side: ReviewSide | null; staff: boolean };

export type ReviewVisibilityFacts = {
  authorSide: ReviewSide;
  publishedAt: Date | null;
  hiddenAt: Date | null;
};

export function isReviewVisibleTo(review: ReviewVisibilityFacts, viewer: ReviewViewer): boolean {
  if (review.hiddenAt) return viewer.staff;
  if (review.publishedAt) return true;
  return viewer.side === review.authorSide;
}
