// The staff's dispute resolution form (/moderation/litiges/:contractId) and its labels. Client-safe.
// One action per post: release the disputed work to the provider, or refund a payment of the
// contract (all that remains refundable, or an amount in euros typed the French way).
import { z } from "zod";
import { eurosField } from "#app/lib/money";
import { REASON_MAX, REASON_MAX_TEXT } from "./moderation.schema";

const missingReason = "Indiquez le motif de la décision.";
const reason = z
  .string({ required_error: missingReason })
  .trim()
  .min(1, missingReason)
  .max(REASON_MAX, `Le motif ne doit pas dépasser ${REASON_MAX_TEXT} caractères.`);

/** What a DISPUTED contract becomes once settled (the machine's RESOLVE_* events, STAFF only). */
export const disputeOutcomes = ["ACTIVE", "COMPLETED", "CANCELLED"] as const;
export type DisputeOutcome = (typeof disputeOutcomes)[number];
export const disputeOutcomeLabels: Record<DisputeOutcome, string> = {
  ACTIVE: "Le contrat reprend",
  COMPLETED: "Le contrat est terminé",
  CANCELLED: "Le contrat est annulé",
};
const outcome = z
  .enum(disputeOutcomes, { errorMap: () => ({ message: "Choisissez la suite du contrat." }) })
  .default("ACTIVE");
const paymentId = z
  .string({ required_error: "Choisissez le paiement à rembourser." })
  .min(1, "Choisissez le paiement à rembourser.");

export const disputeResolutionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("release"), reason, outcome }),
    z.object({ intent: z.literal("refund_full"), reason, outcome, paymentId }),
    z.object({
      intent: z.literal("refund_partial"),
      reason,
      outcome,
      paymentId,
      amount: eurosField({ min: 1, max: 100_000_000 }),
    }),
  ],
  { errorMap: () => ({ message: "Action inconnue." }) },
);
export type DisputeResolution = z.infer<typeof disputeResolutionSchema>;

export const disputeNotices = {
  release: "Le travail contesté a été validé : la prestataire sera payée.",
  refund_full: "Le paiement a été remboursé en totalité.",
  refund_partial: "Le remboursement partiel a été demandé à Stripe.",
} as const;
export const disputeNoticeSchema = z
  .enum(["release", "refund_full", "refund_partial"])
  .optional()
  .catch(undefined);

export const contractIdParamSchema = z.object({ contractId: z.string().min(1) });
