// Kinds of secretaries one meets on the market. Each one ties a title to the sectors, skills and
// software that go together, so a medical secretary knows Doctolib and a legal assistant Secib.
import type { Sector, Skill, Software } from "#app/domain/profiles/taxonomy";
import type { Weighted } from "./random";

export type Gendered = { f: string; m: string };

export type Archetype = {
  key: string;
  weight: number;
  title: Gendered;
  sectors: Weighted<Sector>;
  skills: Weighted<Skill>;
  software: Weighted<Software>;
  /** Whom she works for, each with its article: "les artisans". */
  clients: readonly string[];
  /** Where she learnt the job, after "Après 12 ans …". */
  backgrounds: readonly string[];
  formerJobs: readonly Gendered[];
};

const officeSoftware: Weighted<Software> = [
  ["GOOGLE_CALENDAR", 4],
  ["OUTLOOK", 4],
  ["MICROSOFT_365", 4],
  ["GOOGLE_WORKSPACE", 3],
];

export const archetypes: readonly Archetype[] = [
  {
    key: "medical",
    weight: 34,
    title: { f: "Secrétaire médicale", m: "Secrétaire médical" },
    sectors: [
      ["MEDICAL", 10],
      ["SERVICES", 1],
      ["NONPROFIT", 1],
    ],
    skills: [
      ["APPOINTMENT_BOOKING", 10],
      ["PHONE_ANSWERING", 10],
      ["FILE_UPDATES", 6],
      ["AGENDA_MANAGEMENT", 5],
      ["TYPING", 3],
      ["MAIL", 2],
      ["CLIENT_REMINDERS", 1],
    ],
    software: [["DOCTOLIB", 14], ...officeSoftware],
    clients: ["les cabinets médicaux et paramédicaux"],
    backgrounds: [
      "en cabinet de radiologie",
      "au secrétariat d’une clinique",
      "dans un centre de santé",
      "auprès de médecins généralistes",
      "en cabinet dentaire",
    ],
    formerJobs: [
      { f: "secrétaire hospitalière", m: "secrétaire hospitalier" },
      { f: "assistante dentaire", m: "assistant dentaire" },
    ],
  },
  {
    key: "legal",
    weight: 14,
    title: { f: "Assistante juridique", m: "Assistant juridique" },
    sectors: [
      ["LEGAL", 10],
      ["REAL_ESTATE", 2],
      ["SERVICES", 1],
    ],
    skills: [
      ["TYPING", 8],
      ["PROOFREADING", 8],
      ["AGENDA_MANAGEMENT", 5],
      ["MINUTES", 5],
      ["FILING", 4],
      ["PHONE_ANSWERING", 4],
      ["MAIL", 3],
    ],
    software: [
      ["SECIB", 8],
      ["MICROSOFT_365", 6],
      ["OUTLOOK", 5],
      ["GOOGLE_WORKSPACE", 2],
    ],
    clients: ["les avocats", "les notaires", "les commissaires de justice"],
    backgrounds: [
      "en cabinet d’avocats",
      "dans une étude notariale",
      "au service juridique d’un groupe",
      "auprès d’un commissaire de justice",
    ],
    formerJobs: [
      { f: "clerc de notaire", m: "clerc de notaire" },
      { f: "secrétaire juridique en cabinet", m: "secrétaire juridique en cabinet" },
    ],
  },
  {
    key: "construction",
    weight: 14,
    title: { f: "Assistante administrative BTP", m: "Assistant administratif BTP" },
    sectors: [
      ["CONSTRUCTION", 10],
      ["RETAIL", 2],
      ["SERVICES", 2],
    ],
    skills: [
      ["PHONE_ANSWERING", 8],
      ["CLIENT_REMINDERS", 7],
      ["MAIL", 5],
      ["BOOKKEEPING_ENTRY", 5],
      ["AGENDA_MANAGEMENT", 4],
      ["TYPING", 3],
      ["FILING", 3],
    ],
    software: [
      ["AXONAUT", 5],
      ["EBP", 5],
      ["GOOGLE_CALENDAR", 4],
      ["PENNYLANE", 3],
      ["MICROSOFT_365", 2],
    ],
    clients: ["les artisans", "les entreprises du bâtiment"],
    backgrounds: [
      "dans une entreprise de plomberie",
      "chez un constructeur de maisons",
      "dans une PME du bâtiment",
      "auprès d’électriciens et de chauffagistes",
    ],
    formerJobs: [
      { f: "assistante de gestion en PME", m: "assistant de gestion en PME" },
      { f: "secrétaire de chantier", m: "secrétaire de chantier" },
    ],
  },
  {
    key: "accounting",
    weight: 12,
    title: { f: "Secrétaire comptable", m: "Secrétaire comptable" },
    sectors: [
      ["ACCOUNTING", 10],
      ["SERVICES", 3],
      ["RETAIL", 2],
      ["CONSTRUCTION", 2],
    ],
    skills: [
      ["BOOKKEEPING_ENTRY", 10],
      ["CLIENT_REMINDERS", 6],
      ["FILING", 5],
      ["MAIL", 4],
      ["TYPING", 2],
    ],
    software: [
      ["SAGE", 7],
      ["EBP", 6],
      ["PENNYLANE", 6],
      ["CEGID", 4],
      ["QUICKBOOKS", 3],
      ["MICROSOFT_365", 2],
    ],
    clients: ["les TPE", "les indépendants", "les cabinets d’expertise comptable"],
    backgrounds: [
      "en cabinet d’expertise comptable",
      "au service comptable d’une PME",
      "dans un centre de gestion agréé",
    ],
    formerJobs: [
      { f: "aide-comptable", m: "aide-comptable" },
      { f: "assistante comptable", m: "assistant comptable" },
    ],
  },
  {
    key: "real-estate",
    weight: 6,
    title: { f: "Assistante administrative immobilier", m: "Assistant administratif immobilier" },
    sectors: [
      ["REAL_ESTATE", 10],
      ["SERVICES", 2],
      ["LEGAL", 1],
    ],
    skills: [
      ["PHONE_ANSWERING", 7],
      ["APPOINTMENT_BOOKING", 6],
      ["FILE_UPDATES", 5],
      ["MAIL", 4],
      ["CLIENT_REMINDERS", 4],
      ["TYPING", 3],
    ],
    software: officeSoftware,
    clients: ["les agences immobilières", "les syndics"],
    backgrounds: [
      "en agence immobilière",
      "chez un syndic de copropriété",
      "dans un cabinet d’administration de biens",
    ],
    formerJobs: [{ f: "assistante de gestion locative", m: "assistant de gestion locative" }],
  },
  {
    key: "general",
    weight: 14,
    title: { f: "Télésecrétaire", m: "Télésecrétaire" },
    sectors: [
      ["SERVICES", 8],
      ["RETAIL", 4],
      ["NONPROFIT", 3],
      ["CONSTRUCTION", 2],
      ["MEDICAL", 2],
    ],
    skills: [
      ["PHONE_ANSWERING", 7],
      ["MAIL", 6],
      ["TYPING", 6],
      ["FILING", 5],
      ["AGENDA_MANAGEMENT", 5],
      ["CLIENT_REMINDERS", 4],
      ["PROOFREADING", 3],
      ["MINUTES", 2],
    ],
    software: [...officeSoftware, ["AXONAUT", 1]],
    clients: ["les TPE", "les associations", "les indépendants"],
    backgrounds: [
      "comme assistante polyvalente en PME",
      "dans le secteur associatif",
      "à l’accueil d’une entreprise de services",
    ],
    formerJobs: [
      { f: "assistante polyvalente", m: "assistant polyvalent" },
      { f: "hôtesse d’accueil", m: "chargé d’accueil" },
    ],
  },
  {
    key: "executive",
    weight: 6,
    title: { f: "Assistante de direction", m: "Assistant de direction" },
    sectors: [
      ["SERVICES", 8],
      ["REAL_ESTATE", 2],
      ["LEGAL", 2],
      ["ACCOUNTING", 1],
    ],
    skills: [
      ["AGENDA_MANAGEMENT", 9],
      ["MINUTES", 7],
      ["PROOFREADING", 5],
      ["TYPING", 4],
      ["MAIL", 4],
      ["PHONE_ANSWERING", 3],
    ],
    software: [
      ["MICROSOFT_365", 6],
      ["GOOGLE_WORKSPACE", 5],
      ["OUTLOOK", 4],
      ["GOOGLE_CALENDAR", 3],
    ],
    clients: ["les dirigeants de PME", "les professions libérales"],
    backgrounds: ["auprès d’un directeur général", "dans un groupe industriel", "dans un cabinet de conseil"],
    formerJobs: [
      { f: "office manager", m: "office manager" },
      { f: "assistante de direction en groupe", m: "assistant de direction en groupe" },
    ],
  },
];

export const archetypeWeights: Weighted<Archetype> = archetypes.map((archetype) => [
  archetype,
  archetype.weight,
]);
