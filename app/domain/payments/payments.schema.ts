// Staff forms on /moderation/paiements and the labels the page shows. Client-safe.
import { z } from "zod";
import { eurosField } from "#app/lib/money";

export const refundFormSchema = z.object({
  paymentId: z.string({ required_error: "Paiement inconnu." }).min(1, "Paiement inconnu."),
  amount: eurosField({ min: 1, max: 100_000_000 }),
});

export const paymentStatusLabels: Record<string, string> = {
  PENDING: "En attente",
  PROCESSING: "Prélèvement en cours",
  SUCCEEDED: "Encaissé",
  FAILED: "Échoué",
  CANCELLED: "Annulé",
};

export const payoutStatusLabels: Record<string, string> = {
  PENDING: "Virement en attente",
  SENT: "Virement envoyé",
  REVERSED: "Virement repris",
};
