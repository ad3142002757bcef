// Reviews left by the two sides of a completed contract (issue 7). Client-safe: the form, the DTOs
// the pages show and the French labels of the criteria.
import { z } from "zod";

/** Days after the end of a contract during which each side may write, and after which reviews publish. */
export const REVIEW_WINDOW_DAYS = 14;

export const reviewSides = ["BUSINESS", "PROVIDER"] as const;
export type ReviewSide = (typeof reviewSides)[number];

export const reviewCriteria = [
  { name: "reliability", label: "Fiabilité" },
  { name: "quality", label: "Qualité du travail" },
  { name: "communication", label: "Communication" },
] as const;
export type ReviewCriterion = (typeof reviewCriteria)[number]["name"];

export const OVERALL_LABEL = "Note globale";

// A missing radio (undefined) or an empty value would coerce to NaN or 0: both read as "no note chosen".
const score = (label: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? Number.NaN : value),
    z.coerce
      .number({ invalid_type_error: `Choisissez une note pour « ${label} ».` })
      .int(`Choisissez une note entière pour « ${label} ».`)
      .min(1, `Choisissez une note de 1 à 5 pour « ${label} ».`)
      .max(5, `Choisissez une note de 1 à 5 pour « ${label} ».`),
  );

export const reviewFormSchema = z.object({
  rating: score(OVERALL_LABEL),
  reliability: score("Fiabilité"),
  quality: score("Qualité du travail"),
  communication: score("Communication"),
  comment: z
    .string({ required_error: "Écrivez un commentaire (10 caractères au moins)." })
    .trim()
    .min(10, "Écrivez un commentaire de 10 caractères au moins.")
    .max(2000, "Le commentaire ne peut pas dépasser 2 000 caractères."),
});
export type ReviewInput = z.infer<typeof reviewFormSchema>;

export const hideReviewFormSchema = z.object({
  reviewId: z.string().min(1, "Avis inconnu.").max(100),
  reason: z
    .string({ required_error: "Indiquez pourquoi vous masquez cet avis." })
    .trim()
    .min(3, "Indiquez pourquoi vous masquez cet avis.")
    .max(500, "Le motif ne peut pas dépasser 500 caractères."),
});

export const contractIdParamSchema = z.object({ contractId: z.string().min(1).max(100) });

export type ReviewScores = { rating: number; reliability: number; quality: number; communication: number };

export type ReviewDTO = ReviewScores & {
  id: string;
  authorSide: ReviewSide;
  authorLabel: string; // the business's name, or the secretary's / agency's name
  comment: string;
  createdAt: string;
  publishedAt: string | null;
};

export type ReviewSummary = {
  count: number;
  /** Averages per criterion (one decimal), null when there is no published review. */
  averages: Record<keyof ReviewScores, number | null>;
};

export type PublishedReviews = { summary: ReviewSummary; reviews: ReviewDTO[] };

/** What the contract's review page shows to one viewer. */
export type ReviewPanel = {
  contractId: string;
  missionTitle: string;
  counterpartName: string;
  contractCompleted: boolean;
  /** The viewer's side, or null for staff and assignees (they read, they do not write). */
  side: ReviewSide | null;
  canWrite: boolean;
  /** Why she may not write (French), when she is a party and canWrite is false. */
  cannotWrite: string | null;
  /** Last day to write, and the date both reviews publish at the latest (ISO), once the contract ended. */
  deadline: string | null;
  mine: ReviewDTO | null;
  theirs: ReviewDTO | null;
  /** For staff and assignees (no side): the published reviews of both sides. */
  others: ReviewDTO[];
};
