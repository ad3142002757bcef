// The vocabulary of secretarial work used by profiles, missions and search (DESIGN.md §3).
// Values are stable codes stored in the database; labels are what people read.

const entries = <T extends string>(labels: Record<T, string>) =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

export const skillLabels = {
  PHONE_ANSWERING: "Accueil téléphonique",
  APPOINTMENT_BOOKING: "Prise de rendez-vous",
  AGENDA_MANAGEMENT: "Gestion d’agenda",
  MINUTES: "Comptes rendus et procès-verbaux",
  PROOFREADING: "Relecture et correction",
  TYPING: "Frappe et mise en forme",
  FILING: "Classement et archivage",
  MAIL: "Gestion du courrier",
  CLIENT_REMINDERS: "Relances clients",
  BOOKKEEPING_ENTRY: "Saisie comptable",
  FILE_UPDATES: "Mise à jour de dossiers clients / patients",
} as const;
export type Skill = keyof typeof skillLabels;
export const skills = entries(skillLabels);

export const sectorLabels = {
  MEDICAL: "Médical et paramédical",
  LEGAL: "Juridique",
  CONSTRUCTION: "BTP et artisanat",
  REAL_ESTATE: "Immobilier",
  ACCOUNTING: "Expertise comptable",
  SERVICES: "Services aux entreprises",
  RETAIL: "Commerce",
  NONPROFIT: "Associations",
} as const;
export type Sector = keyof typeof sectorLabels;
export const sectors = entries(sectorLabels);

export const softwareLabels = {
  DOCTOLIB: "Doctolib",
  GOOGLE_CALENDAR: "Google Agenda",
  OUTLOOK: "Outlook",
  MICROSOFT_365: "Microsoft 365",
  GOOGLE_WORKSPACE: "Google Workspace",
  SAGE: "Sage",
  EBP: "EBP",
  PENNYLANE: "Pennylane",
  QUICKBOOKS: "QuickBooks",
  CEGID: "Cegid",
  SECIB: "Secib",
  AXONAUT: "Axonaut",
} as const;
export type Software = keyof typeof softwareLabels;
export const softwareList = entries(softwareLabels);

export const languageLabels = {
  fr: "Français",
  en: "Anglais",
  es: "Espagnol",
  de: "Allemand",
  it: "Italien",
  pt: "Portugais",
  ar: "Arabe",
  zh: "Chinois",
} as const;
export type Language = keyof typeof languageLabels;
export const languages = entries(languageLabels);

export const billingModeLabels = {
  PER_TASK: "À la tâche",
  HOURLY: "À l’heure",
  FIXED: "Au forfait",
} as const;
export type BillingMode = keyof typeof billingModeLabels;
export const billingModes = entries(billingModeLabels);

/** Per-task price list items a secretary can quote (unit in the label). */
export const taskTypeLabels = {
  CALL_ANSWERED: "Appel traité",
  APPOINTMENT_BOOKED: "Rendez-vous pris",
  PAGE_TYPED: "Page dactylographiée",
  MINUTES_HOUR: "Heure de réunion rédigée",
  DOCUMENT_PROOFREAD: "Document relu (10 pages)",
  MAIL_PROCESSED: "Courrier traité",
  REMINDER_SENT: "Relance effectuée",
  ENTRY_BOOKED: "Écriture comptable saisie",
} as const;
export type TaskType = keyof typeof taskTypeLabels;
export const taskTypes = entries(taskTypeLabels);

export const weekdayLabels = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;
