// Why a user flags something for staff. Client-safe.
import { z } from "zod";

export const reportReasons = [
  "SPAM",
  "HARASSMENT",
  "CONTACT_DETAILS",
  "PATIENT_DATA",
  "FRAUD",
  "OTHER",
] as const;
export type ReportReason = (typeof reportReasons)[number];

export const reportReasonLabels: Record<ReportReason, string> = {
  SPAM: "Publicité ou message indésirable",
  HARASSMENT: "Propos insultants ou harcèlement",
  CONTACT_DETAILS: "Échange de coordonnées pour contourner la plateforme",
  PATIENT_DATA: "Données de patient partagées",
  FRAUD: "Tentative d’arnaque ou de fraude",
  OTHER: "Autre motif",
};

export const reportMessages = {
  reason: "Choisissez un motif de signalement.",
  detailsTooLong: "Les précisions tiennent en 1 000 caractères au plus.",
  ownMessage: "Vous ne pouvez pas signaler votre propre message.",
  duplicate: "Vous avez déjà signalé ce message : l’équipe de modération va l’examiner.",
  notFound: "Ce message est introuvable.",
} as const;

export const reportMessageSchema = z.object({
  messageId: z.string().trim().min(1, reportMessages.notFound).max(64, reportMessages.notFound),
  reason: z.enum(reportReasons, { errorMap: () => ({ message: reportMessages.reason }) }),
  details: z
    .string()
    .trim()
    .max(1000, reportMessages.detailsTooLong)
    .optional()
    .transform((details) => details || null),
});
export type ReportMessageInput = z.input<typeof reportMessageSchema>;

/** What staff see in the queue. */
export type OpenReportDTO = {
  id: string;
  createdAt: string;
  reason: ReportReason;
  reasonLabel: string;
  details: string | null;
  reporterName: string;
  targetType: string;
  targetId: string;
  /** The conversation the message was in. */
  context: { conversationKind: "MISSION" | "CONTRACT"; missionTitle: string } | null;
  reportedUser: { id: string; name: string; openReports: number; suspended: boolean } | null;
  messageHidden: boolean;
  /** A reported profile, mission, review or person, as it was reported. */
  listing: { kind: ListingKind; name: string; title: string; link: string } | null;
  /** A reported review as it was, and whether it is hidden since. */
  review: (ReviewSnapshot & { hidden: boolean }) | null;
  /** The reported person's kind (BUSINESS, SECRETARY…), for USER reports. */
  reportedUserKind: string | null;
  snapshot: {
    body: string;
    senderId: string;
    senderName: string;
    conversationId: string;
    seq: number;
    sentAt: string;
    attachments: string[];
  } | null;
};

export const messageSnapshotSchema = z.object({
  body: z.string(),
  senderId: z.string(),
  senderName: z.string(),
  conversationId: z.string(),
  seq: z.number(),
  sentAt: z.string(),
  attachments: z.array(z.string()).default([]),
});

const REASON_MAX = 1000;
const staffReason = (missing: string) =>
  z
    .string({ required_error: missing })
    .trim()
    .min(1, missing)
    .max(REASON_MAX, "Le motif ne doit pas dépasser 1\u00a0000 caractères.");

/** The three ways staff close a report from the queue, told apart by the submit button. */
export const reportActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("dismiss"),
      reportId: z.string().min(1).max(64),
      reason: staffReason("Indiquez pourquoi le signalement est classé."),
    }),
    z.object({
      intent: z.literal("hide-message"),
      reportId: z.string().min(1).max(64),
      reason: staffReason("Indiquez pourquoi le message est masqué."),
    }),
    z.object({
      intent: z.literal("hide-review"),
      reportId: z.string().min(1).max(64),
      reason: staffReason("Indiquez pourquoi l’avis est masqué."),
    }),
    z.object({
      intent: z.literal("suspend-sender"),
      reportId: z.string().min(1).max(64),
      reason: staffReason("Indiquez le motif de la suspension."),
    }),
  ],
  { errorMap: () => ({ message: "Choisissez une action." }) },
);
export type ReportAction = z.infer<typeof reportActionSchema>;
export type ReportIntent = ReportAction["intent"];

export const reportActionNotices: Record<ReportIntent, string> = {
  dismiss: "Le signalement est classé sans suite ; son auteur en est informé.",
  "hide-message": "Le message est masqué dans la conversation ; l’auteur du signalement en est informé.",
  "hide-review": "L’avis est masqué et la note recalculée ; l’auteur du signalement en est informé.",
  "suspend-sender":
    "Le compte est suspendu (sessions fermées, profil retiré de la recherche, propositions retirées, contrats signalés).",
};
export const reportNoticeSchema = z
  .enum(["dismiss", "hide-message", "hide-review", "suspend-sender"])
  .optional()
  .catch(undefined);

/**
 * A user reports from a public page: a profile (by slug), a mission (by id), a published review
 * (by id), or the person behind a profile (USER, by the profile's slug: resolved server-side).
 */
export const listingKinds = ["PROFILE", "MISSION", "REVIEW", "USER"] as const;
export type ListingKind = (typeof listingKinds)[number];
export const reportListingSchema = z.object({
  targetType: z.enum(listingKinds),
  targetId: z.string().trim().min(1).max(80),
  reason: z.enum(reportReasons, { errorMap: () => ({ message: reportMessages.reason }) }),
  details: z
    .string()
    .trim()
    .max(1000, reportMessages.detailsTooLong)
    .optional()
    .transform((details) => details || null),
});
export type ReportListingInput = z.input<typeof reportListingSchema>;

export const reviewSnapshotSchema = z.object({
  rating: z.number(),
  comment: z.string(),
  authorSide: z.enum(["BUSINESS", "PROVIDER"]),
  authorLabel: z.string(),
});
export type ReviewSnapshot = z.infer<typeof reviewSnapshotSchema>;

export const listingSnapshotSchema = z.object({
  kind: z.enum(listingKinds),
  userId: z.string(),
  name: z.string(),
  title: z.string(),
  link: z.string(),
  review: reviewSnapshotSchema.optional(),
});
export type ListingSnapshot = z.infer<typeof listingSnapshotSchema>;

/** What the page says after a report from the "Signaler" form (?signale=…). */
export const listingReportNotices = {
  ok: "Merci : votre signalement est transmis à l’équipe de modération.",
  doublon: "Vous avez déjà signalé ce contenu : l’équipe de modération va l’examiner.",
  refus: "Vous ne pouvez pas signaler votre propre profil, votre propre mission ou votre propre avis.",
} as const;
export type ListingReportNotice = keyof typeof listingReportNotices;
