// What a notification is about. Client-safe: the list page and the preferences page show the labels.
export const notificationTypes = [
  "PROPOSAL_RECEIVED",
  "PROPOSAL_ACCEPTED",
  "PROPOSAL_DECLINED",
  "OFFER_RECEIVED",
  "CONTRACT_TO_ACCEPT",
  "WORK_SUBMITTED",
  "WORK_APPROVED",
  "WORK_DISPUTED",
  "PAYMENT_RECEIVED",
  "MESSAGE_RECEIVED",
  // No source yet: reviews arrive with issue 7, which calls notify() with this type.
  "REVIEW_RECEIVED",
  "MODERATION_OUTCOME",
  // Attestation de vigilance (URSSAF): check it, renew it, upload it (app/domain/compliance).
  "COMPLIANCE_REMINDER",
] as const;

export type NotificationType = (typeof notificationTypes)[number];

export const notificationTypeLabels: Record<NotificationType, string> = {
  PROPOSAL_RECEIVED: "Nouvelle proposition",
  PROPOSAL_ACCEPTED: "Proposition acceptée",
  PROPOSAL_DECLINED: "Proposition déclinée",
  OFFER_RECEIVED: "Offre reçue",
  CONTRACT_TO_ACCEPT: "Contrat à accepter",
  WORK_SUBMITTED: "Travail à valider",
  WORK_APPROVED: "Travail validé",
  WORK_DISPUTED: "Travail contesté",
  PAYMENT_RECEIVED: "Paiement reçu",
  MESSAGE_RECEIVED: "Nouveau message",
  REVIEW_RECEIVED: "Nouvel avis",
  MODERATION_OUTCOME: "Décision de modération",
  COMPLIANCE_REMINDER: "Rappel de conformité",
};

export const isNotificationType = (value: string): value is NotificationType =>
  (notificationTypes as readonly string[]).includes(value);

export const emailModes = ["IMMEDIATE", "DAILY", "NEVER"] as const;
export type EmailMode = (typeof emailModes)[number];

export const emailModeLabels: Record<EmailMode, { label: string; hint: string }> = {
  IMMEDIATE: { label: "Immédiatement", hint: "Un e-mail à chaque notification." },
  DAILY: { label: "Résumé quotidien", hint: "Un seul e-mail par jour, le matin, s’il y a du nouveau." },
  NEVER: { label: "Jamais", hint: "Aucun e-mail : les notifications restent visibles sur le site." },
};

export const isEmailMode = (value: string): value is EmailMode =>
  (emailModes as readonly string[]).includes(value);
