// What staff post and read on /moderation: decision forms, journal filters and the DTOs the pages
// show. Client-safe (no server imports), French messages.
import { z } from "zod";
import type { ProfileStatus } from "#app/domain/profiles/profile-machine";

export const rejectionReasonLabels = {
  PROFILE_INCOMPLETE: "Profil incomplet",
  CONTACT_DETAILS: "Coordonnées personnelles dans le texte",
  MISLEADING: "Informations trompeuses ou invérifiables",
  INAPPROPRIATE: "Contenu inapproprié",
  RATE_UNREALISTIC: "Tarif irréaliste",
  OTHER: "Autre",
} as const;
export type RejectionReason = keyof typeof rejectionReasonLabels;
const rejectionReasonCodes = Object.keys(rejectionReasonLabels) as [RejectionReason, ...RejectionReason[]];
export const rejectionReasons = rejectionReasonCodes.map((value) => ({
  value,
  label: rejectionReasonLabels[value],
}));

export const REASON_MAX = 1000;
// Written out (no-break space) rather than toLocaleString, whose space differs between ICU builds.
export const REASON_MAX_TEXT = "1\u00a0000";
const tooLong = `Le motif ne doit pas dépasser ${REASON_MAX_TEXT} caractères.`;

const requiredReason = (missing: string) =>
  z.string({ required_error: missing }).trim().min(1, missing).max(REASON_MAX, tooLong);

const approveSchema = z.object({ intent: z.literal("approve") });
const rejectSchema = z.object({
  intent: z.literal("reject"),
  reasonCode: z.enum(rejectionReasonCodes, {
    errorMap: () => ({ message: "Choisissez un motif de refus." }),
  }),
  reasonText: z.string().trim().max(REASON_MAX, tooLong).optional(),
});
const suspendSchema = z.object({
  intent: z.literal("suspend"),
  reasonText: requiredReason("Indiquez le motif de la suspension."),
});
const reinstateSchema = z.object({
  intent: z.literal("reinstate"),
  reasonText: requiredReason("Indiquez le motif de la réactivation."),
});

/** One schema for the four decision forms of the review page, told apart by the submit button's intent. */
export const decisionSchema = z
  .discriminatedUnion("intent", [approveSchema, rejectSchema, suspendSchema, reinstateSchema], {
    errorMap: () => ({ message: "Choisissez une décision." }),
  })
  .superRefine((value, ctx) => {
    // "Autre" says nothing to the secretary by itself: she must be told what to fix.
    if (value.intent === "reject" && value.reasonCode === "OTHER" && !value.reasonText) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["reasonText"],
        message: "Précisez le motif du refus.",
      });
    }
  });
export type Decision = z.infer<typeof decisionSchema>;
export type DecisionIntent = Decision["intent"];

/** The staff decision as the secretary and the audit log read it. */
export function decisionReason(decision: Decision): string | null {
  if (decision.intent === "approve") return null;
  if (decision.intent !== "reject") return decision.reasonText;
  const label = rejectionReasonLabels[decision.reasonCode];
  if (decision.reasonCode === "OTHER") return decision.reasonText ?? label;
  return decision.reasonText ? `${label} — ${decision.reasonText}` : label;
}

/** Shown after the redirect that follows a decision (?decision=…). */
export const decisionNotices: Record<DecisionIntent, string> = {
  approve: "Le profil est publié. La secrétaire a été prévenue par e-mail.",
  reject: "Le profil est refusé. La secrétaire a reçu le motif par e-mail pour le corriger.",
  suspend: "Le profil est suspendu : il n’apparaît plus dans les recherches. La secrétaire a été prévenue.",
  reinstate: "Le profil est de nouveau publié. La secrétaire a été prévenue.",
};
export const decisionNoticeSchema = z
  .enum(["approve", "reject", "suspend", "reinstate"])
  .optional()
  .catch(undefined);

export const profileIdParamSchema = z.object({
  profileId: z.string().regex(/^[\w-]{1,64}$/, "Identifiant de profil invalide."),
});

// Audit actions are written by every staff feature; labels for the known ones, the raw code otherwise.
export const auditActionLabels: Record<string, string> = {
  PROFILE_APPROVE: "Profil approuvé",
  PROFILE_REJECT: "Profil refusé",
  PROFILE_SUSPEND: "Profil suspendu",
  PROFILE_REINSTATE: "Profil réactivé",
  MISSION_APPROVE: "Mission approuvée",
  MISSION_REQUEST_CHANGES: "Mission renvoyée pour modification",
  STAFF_CREATE: "Compte d’équipe créé",
  STAFF_UPDATE: "Compte d’équipe mis à jour",
};

export const JOURNAL_PAGE_SIZE = 50;

export const journalQuerySchema = z.object({
  action: z
    .string()
    .regex(/^[A-Z][A-Z_]{0,59}$/, "Ce filtre d’action n’est pas valide.")
    .optional(),
  actor: z
    .string()
    .regex(/^[\w-]{1,64}$/, "Ce filtre de membre de l’équipe n’est pas valide.")
    .optional(),
  page: z.coerce
    .number({ invalid_type_error: "Le numéro de page n’est pas valide." })
    .int("Le numéro de page n’est pas valide.")
    .min(1, "Le numéro de page n’est pas valide.")
    .max(100_000, "Le numéro de page n’est pas valide.")
    .default(1),
});
export type JournalQuery = z.infer<typeof journalQuerySchema>;

/** Reads ?action=&actor=&page= where an empty value means "no filter" (an empty select posts ""). */
export function parseJournalQuery(params: URLSearchParams) {
  const raw = Object.fromEntries(
    ["action", "actor", "page"].flatMap((key) => {
      const value = params.get(key);
      return value ? [[key, value]] : [];
    }),
  );
  return journalQuerySchema.safeParse(raw);
}

export type StatusCounts = Record<Exclude<ProfileStatus, "DRAFT">, number>;

export type QueueItem = {
  id: string;
  displayName: string;
  headline: string;
  submittedAt: Date | null;
  agencyName: string | null;
};

export type StatusHistoryItem = {
  id: string;
  from: string;
  to: string;
  reason: string | null;
  createdAt: Date;
  actorName: string;
  actorIsStaff: boolean;
};

export type JournalEntry = {
  id: string;
  createdAt: Date;
  action: string;
  actorId: string;
  actorName: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
};
