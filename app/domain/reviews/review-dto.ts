// From a review row to what pages show. Who wrote it reads as the business's name, or for the
// provider side as the agency's name or the secretary's display name.
import type { ReviewRow } from "./reviews.repo.server";
import type { ReviewDTO } from "./reviews.schema";

export function toReviewDTO(row: ReviewRow): ReviewDTO {
  const provider = row.authorSide === "PROVIDER";
  return {
    id: row.id,
    authorSide: provider ? "PROVIDER" : "BUSINESS",
    authorLabel: provider
      ? (row.contract.agency?.name ?? row.author.displayName)
      : row.contract.organization.name,
    rating: row.rating,
    reliability: row.reliability,
    quality: row.quality,
    communication: row.communication,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}
