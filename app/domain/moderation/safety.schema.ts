// What staff post for suspensions and hidden listings. Client-safe, French messages.
import { z } from "zod";
import { REASON_MAX, REASON_MAX_TEXT } from "./moderation.schema";

const tooLong = `Le motif ne doit pas dépasser ${REASON_MAX_TEXT} caractères.`;
export const requiredReason = (missing: string) =>
  z.string({ required_error: missing }).trim().min(1, missing).max(REASON_MAX, tooLong);

export const userIdParamSchema = z.object({ userId: z.string().min(1).max(64) });

export const suspensionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("suspend"), reason: requiredReason("Indiquez le motif de la suspension.") }),
    z.object({
      intent: z.literal("reinstate"),
      reason: requiredReason("Indiquez le motif de la réactivation."),
    }),
  ],
  { errorMap: () => ({ message: "Choisissez une action." }) },
);
export type SuspensionForm = z.infer<typeof suspensionSchema>;

export const missionVisibilitySchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("hide"),
      reason: requiredReason("Indiquez pourquoi la mission est masquée."),
    }),
    z.object({
      intent: z.literal("restore"),
      reason: requiredReason("Indiquez pourquoi la mission est rétablie."),
    }),
  ],
  { errorMap: () => ({ message: "Choisissez une action." }) },
);
export const missionVisibilityIntents = ["hide", "restore"] as const;

export const safetyNotices = {
  suspend:
    "Le compte est suspendu : sessions fermées, profil retiré de la recherche, propositions retirées, contrats signalés.",
  reinstate:
    "Le compte est réactivé. Les propositions retirées lors de la suspension restent retirées : l’utilisatrice devra en envoyer de nouvelles.",
  hide: "La mission est masquée : elle a quitté la recherche et sa page n’est plus visible du public.",
  restore: "La mission est de nouveau visible.",
} as const;
export type SafetyNotice = keyof typeof safetyNotices;
export const safetyNoticeSchema = z
  .enum(["suspend", "reinstate", "hide", "restore"])
  .optional()
  .catch(undefined);

/** The staff view of one account: what a suspension would touch. */
export type AccountForStaff = {
  id: string;
  email: string;
  displayName: string;
  kind: string;
  role: string;
  suspendedAt: string | null;
  suspensionReason: string | null;
  profile: { id: string; slug: string; status: string } | null;
  liveProposals: number;
  openContracts: number;
  openReports: number;
  canAct: boolean;
};
