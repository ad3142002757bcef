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
