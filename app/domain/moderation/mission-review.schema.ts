// What staff post on /moderation/missions/:missionId and the DTOs the review pages show.
// Client-safe (no server imports), French messages. The reason rules are the profile review's.
import { z } from "zod";
import { REASON_MAX, REASON_MAX_TEXT } from "./moderation.schema";

const missing = "Indiquez ce que l’entreprise doit modifier.";

export const missionDecisionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("approve") }),
    z.object({
      intent: z.literal("request-changes"),
      reasonText: z
        .string({ required_error: missing })
        .trim()
        .min(1, missing)
        .max(REASON_MAX, `Le motif ne doit pas dépasser ${REASON_MAX_TEXT} caractères.`),
    }),
  ],
  { errorMap: () => ({ message: "Choisissez une décision." }) },
);
export type MissionDecision = z.infer<typeof missionDecisionSchema>;
export type MissionDecisionIntent = MissionDecision["intent"];

/** Shown after the redirect that follows a decision (?decision=…). */
export const missionDecisionNotices: Record<MissionDecisionIntent, string> = {
  approve: "La mission est publiée. L’entreprise a été prévenue par e-mail.",
  "request-changes": "La mission est renvoyée à l’entreprise avec vos demandes de modification, par e-mail.",
};
export const missionDecisionNoticeSchema = z.enum(["approve", "request-changes"]).optional().catch(undefined);

export const missionIdParamSchema = z.object({
  missionId: z.string().regex(/^[\w-]{1,64}$/, "Identifiant de mission invalide."),
});

export type MissionQueueItem = {
  id: string;
  title: string;
  businessName: string;
  billingMode: string;
  scheduleType: string;
  submittedAt: Date | null;
};
