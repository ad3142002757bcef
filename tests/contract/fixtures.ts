// Hand-written documents for the search contract (tests/contract/search-contract.ts). Every
// expectation in the suite was worked out by hand from these texts, so change them with care:
// words are chosen so that each text query has one exact hit set (no stray "cr…", "and…",
// "ag…" or "cour…" words, one surname per person).
import { bayesianRating } from "#search/rating-score";
import {
  missionDocumentSchema,
  secretaryDocumentSchema,
  type MissionDocument,
  type SecretaryDocument,
} from "#search/documents";
import { skillLabels, sectorLabels, softwareLabels } from "#app/domain/profiles/taxonomy";

export const DAY_MS = 86_400_000;
/** Monday 5 January 2026, UTC midnight. */
export const D0 = Date.UTC(2026, 0, 5);

/** Lyon, on the 0.005° grid. */
export const LYON = { lat: 45.76, lng: 4.835 };
/** Grenoble, on the 0.005° grid: Julie Mercier's base, radius 20 km. */
export const GRENOBLE = { lat: 45.19, lng: 5.725 };

/** The point `km` kilometres due south of `from` (along a meridian: Δlat = d / R in radians). */
export function southOf(from: { lat: number; lng: number }, km: number) {
  return { lat: from.lat - ((km / 6371) * 180) / Math.PI, lng: from.lng };
}

type SecretaryInput = {
  id: string;
  displayName: string;
  headline: string;
  bio: string;
  skills: (keyof typeof skillLabels)[];
  sectors: (keyof typeof sectorLabels)[];
  software: (keyof typeof softwareLabels)[];
  languages: string[];
  billingModes: string[];
  hourlyRateCents: number | null;
  remote: boolean;
  onSite: boolean;
  baseCommune: string | null;
  _geo: { lat: number; lng: number } | null;
  radiusKm: number | null;
  availabilitySlots: string[];
  availableFrom?: number;
  verified: boolean;
  agencyName?: string;
  rating: [average: number | null, count: number];
  publishedDay: number;
};

function secretary(input: SecretaryInput): SecretaryDocument {
  const { rating, publishedDay, agencyName, ...rest } = input;
  return secretaryDocumentSchema.parse({
    ...rest,
    slug: input.id,
    skillLabels: input.skills.map((s) => skillLabels[s]),
    sectorLabels: input.sectors.map((s) => sectorLabels[s]),
    softwareLabels: input.software.map((s) => softwareLabels[s]),
    availableFrom: input.availableFrom ?? 0,
    kind: agencyName ? "AGENCY" : "INDEPENDENT",
    agencyName: agencyName ?? null,
    ratingAverage: rating[0],
    ratingCount: rating[1],
    ratingScore: bayesianRating(rating[0], rating[1]),
    publishedAt: D0 + publishedDay * DAY_MS,
  });
}

export const secretaryFixtures: SecretaryDocument[] = [
  secretary({
    id: "s01",
    displayName: "Amélie Durand",
    headline: "Secrétaire médicale à distance",
    bio: "Gestion des rendez-vous patients et de l’agenda des praticiens.",
    skills: ["AGENDA_MANAGEMENT", "APPOINTMENT_BOOKING"],
    sectors: ["MEDICAL"],
    software: ["DOCTOLIB"],
    languages: ["fr", "en"],
    billingModes: ["HOURLY"],
    hourlyRateCents: 3200,
    remote: true,
    onSite: true,
    baseCommune: "Lyon",
    _geo: LYON,
    radiusKm: 20,
    availabilitySlots: ["1-MATIN", "2-MATIN", "3-MATIN"],
    verified: true,
    rating: [4.8, 12],
    publishedDay: 1,
  }),
  secretary({
    id: "s02",
    displayName: "Béatrice Morel",
    headline: "Assistante juridique",
    bio: "Rédaction des PV d’assemblée générale et frappe de conclusions.",
    skills: ["MINUTES", "TYPING"],
    sectors: ["LEGAL"],
    software: ["MICROSOFT_365", "SECIB"],
    languages: ["fr"],
    billingModes: ["HOURLY", "FIXED"],
    hourlyRateCents: 4500,
    remote: true,
    onSite: false,
    baseCommune: "Paris",
    _geo: null,
    radiusKm: null,
    availabilitySlots: ["1-APRES_MIDI", "2-APRES_MIDI"],
    verified: true,
    agencyName: "Cabinet Plume",
    rating: [null, 0],
    publishedDay: 2,
  }),
  secretary({
    // Remote only, yet with a base and a radius: reach must still leave her out (onSite is false).
    id: "s03",
    displayName: "Chloé Petit",
    headline: "Accueil des visiteurs et gestion des coursiers",
    bio: "Dix ans d’expérience en entreprise.",
    skills: ["PHONE_ANSWERING"],
    sectors: ["SERVICES"],
    software: ["OUTLOOK"],
    languages: ["fr", "de"],
    billingModes: ["HOURLY"],
    hourlyRateCents: 2700,
    remote: true,
    onSite: false,
    baseCommune: "Lyon",
    _geo: { lat: 45.8, lng: 4.8 },
    radiusKm: 50,
    availabilitySlots: ["1-MATIN", "1-APRES_MIDI"],
    verified: false,
    rating: [4.6, 20],
    publishedDay: 3,
  }),
  secretary({
    id: "s04",
    displayName: "Delphine Roux",
    headline: "Standard téléphonique pour artisans",
    bio: "Relances clients et devis pour le bâtiment.",
    skills: ["CLIENT_REMINDERS"],
    sectors: ["CONSTRUCTION"],
    software: ["EBP"],
    languages: ["fr"],
    billingModes: ["PER_TASK"],
    hourlyRateCents: null,
    remote: true,
    onSite: false,
    baseCommune: "Nantes",
    _geo: null,
    radiusKm: null,
    availabilitySlots: ["2-SOIR"],
    verified: true,
    rating: [5, 1],
    publishedDay: 4,
  }),
  secretary({
    id: "s05",
    displayName: "Émilie Garnier",
    headline: "Télésecrétariat pour professions libérales",
    bio: "Permanence téléphonique et tri du courrier.",
    skills: ["MAIL"],
    sectors: ["SERVICES"],
    software: ["GOOGLE_WORKSPACE"],
    languages: ["fr"],
    billingModes: ["HOURLY", "PER_TASK"],
    hourlyRateCents: 2800,
    remote: true,
    onSite: true,
    baseCommune: "Villeurbanne",
    _geo: { lat: 45.77, lng: 4.88 },
    radiusKm: 10,
    availabilitySlots: ["1-MATIN", "2-MATIN", "4-APRES_MIDI"],
    verified: false,
    rating: [3.5, 2],
    publishedDay: 5,
  }),
  secretary({
    id: "s06",
    displayName: "Fanny Lambert",
    headline: "Comptabilité et saisie",
    bio: "Saisie des factures et préparation de la paie.",
    skills: ["BOOKKEEPING_ENTRY"],
    sectors: ["ACCOUNTING"],
    software: ["SAGE", "PENNYLANE"],
    languages: ["fr", "en"],
    billingModes: ["HOURLY", "FIXED"],
    hourlyRateCents: 3800,
    remote: true,
    onSite: true,
    baseCommune: "Paris",
    _geo: { lat: 48.855, lng: 2.35 },
    radiusKm: 30,
    availabilitySlots: ["3-APRES_MIDI", "5-MATIN"],
    verified: true,
    rating: [4.5, 40],
    publishedDay: 6,
  }),
  secretary({
    // Quotes, a backslash and the word AND: must be found by text and never break a query.
    id: "s07",
    displayName: 'Gaëlle "Gigi" Martin \\ AND Co',
    headline: "Gestion administrative d’associations",
    bio: "Adhésions, cotisations et convocations.",
    skills: ["FILING"],
    sectors: ["NONPROFIT"],
    software: ["AXONAUT"],
    languages: ["fr", "it"],
    billingModes: ["FIXED"],
    hourlyRateCents: null,
    remote: true,
    onSite: false,
    baseCommune: "Marseille",
    _geo: null,
    radiusKm: null,
    availabilitySlots: ["5-APRES_MIDI"],
    verified: false,
    rating: [4.3, 6],
    publishedDay: 7,
  }),
  secretary({
    id: "s08",
    displayName: "Hélène Bernard",
    headline: "Secrétaire polyvalente",
    bio: "Classement, archivage et saisie de documents.",
    skills: ["FILING", "TYPING"],
    sectors: ["REAL_ESTATE"],
    software: ["OUTLOOK"],
    languages: ["fr"],
    billingModes: ["HOURLY"],
    hourlyRateCents: 2500,
    remote: false,
    onSite: true,
    baseCommune: "Lyon",
    _geo: { lat: 45.75, lng: 4.85 },
    radiusKm: 5,
    availabilitySlots: ["1-MATIN", "2-MATIN", "3-MATIN", "4-MATIN", "5-MATIN"],
    verified: true,
    agencyName: "Secrétariat Express",
    rating: [4.2, 8],
    publishedDay: 8,
  }),
  secretary({
    id: "s09",
    displayName: "Inès Fontaine",
    headline: "Assistante administrative bilingue",
    bio: "Relecture de documents juridiques et gestion du courrier.",
    skills: ["PROOFREADING", "MAIL"],
    sectors: ["SERVICES"],
    software: ["MICROSOFT_365", "OUTLOOK"],
    languages: ["fr", "en", "es"],
    billingModes: ["HOURLY"],
    hourlyRateCents: 3500,
    remote: true,
    onSite: false,
    baseCommune: "Bordeaux",
    _geo: null,
    radiusKm: null,
    availabilitySlots: ["2-APRES_MIDI", "3-APRES_MIDI"],
    availableFrom: D0 + 60 * DAY_MS,
    verified: false,
    rating: [4.9, 3],
    publishedDay: 9,
  }),
  secretary({
    id: "s10",
    displayName: "Julie Mercier",
    headline: "Secrétaire indépendante en Isère",
    bio: "Planning des consultations et mise à jour des dossiers patients.",
    skills: ["AGENDA_MANAGEMENT", "FILE_UPDATES"],
    sectors: ["MEDICAL"],
    software: ["DOCTOLIB", "GOOGLE_CALENDAR"],
    languages: ["fr"],
    billingModes: ["HOURLY"],
    hourlyRateCents: 3000,
    remote: true,
    onSite: true,
    baseCommune: "Grenoble",
    _geo: GRENOBLE,
    radiusKm: 20,
    availabilitySlots: ["1-MATIN", "3-SOIR"],
    verified: true,
    rating: [4.7, 30],
    publishedDay: 10,
  }),
  secretary({
    id: "s11",
    displayName: "Karima Haddad",
    headline: "Office manager",
    bio: "Je gère vos RDV et votre planning.",
    skills: ["CLIENT_REMINDERS"],
    sectors: ["NONPROFIT"],
    software: ["OUTLOOK"],
    languages: ["fr", "ar"],
    billingModes: ["PER_TASK", "HOURLY"],
    hourlyRateCents: 2200,
    remote: true,
    onSite: false,
    baseCommune: "Lille",
    _geo: null,
    radiusKm: null,
    availabilitySlots: ["4-SOIR"],
    verified: false,
    agencyName: "Cabinet Plume",
    rating: [3.9, 15],
    publishedDay: 11,
  }),
  secretary({
    id: "s12",
    displayName: "Laure Vidal",
    headline: "Secrétariat médical",
    bio: "Prise de notes et compte rendu de réunion.",
    skills: ["MINUTES"],
    sectors: ["MEDICAL"],
    software: ["MICROSOFT_365"],
    languages: ["fr", "en"],
    billingModes: ["FIXED"],
    hourlyRateCents: 4000,
    remote: true,
    onSite: true,
    baseCommune: "Lyon",
    _geo: { lat: 45.765, lng: 4.83 },
    radiusKm: 15,
    availabilitySlots: ["2-MATIN"],
    verified: true,
    rating: [4.4, 10],
    publishedDay: 12,
  }),
];

type MissionInput = Omit<MissionDocument, "skillLabels" | "startDate" | "createdAt" | "languages"> & {
  startDay: number;
  createdHour: number;
};

function mission(input: MissionInput): MissionDocument {
  const { startDay, createdHour, ...rest } = input;
  return missionDocumentSchema.parse({
    ...rest,
    skillLabels: input.skills.map((s) => skillLabels[s as keyof typeof skillLabels]),
    languages: ["fr"],
    startDate: D0 + startDay * DAY_MS,
    createdAt: D0 + createdHour * 3_600_000,
  });
}

export const missionFixtures: MissionDocument[] = [
  mission({
    id: "m01",
    title: "Standard téléphonique cabinet dentaire",
    description: "Prise d’appels et de rendez-vous pour deux dentistes.",
    skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING"],
    sector: "MEDICAL",
    billingMode: "HOURLY",
    budgetCents: 2800,
    scheduleType: "RECURRING",
    workMode: "REMOTE",
    commune: null,
    _geo: null,
    startDay: 10,
    businessName: "Cabinet Sourire",
    createdHour: 1,
  }),
  mission({
    id: "m02",
    title: "Saisie comptable mensuelle",
    description: "Saisie des achats et ventes sur Pennylane.",
    skills: ["BOOKKEEPING_ENTRY"],
    sector: "ACCOUNTING",
    billingMode: "FIXED",
    budgetCents: 60000,
    scheduleType: "ONE_OFF",
    workMode: "HYBRID",
    commune: "Lyon",
    _geo: LYON,
    startDay: 5,
    businessName: "Fiduciaire du Rhône",
    createdHour: 2,
  }),
  mission({
    id: "m03",
    title: "Remplacement secrétaire médicale",
    description: "Congé maternité : accueil des patients et agenda.",
    skills: ["APPOINTMENT_BOOKING", "AGENDA_MANAGEMENT"],
    sector: "MEDICAL",
    billingMode: "HOURLY",
    budgetCents: 3000,
    scheduleType: "REPLACEMENT",
    workMode: "ON_SITE",
    commune: "Villeurbanne",
    _geo: { lat: 45.77, lng: 4.88 },
    startDay: 2,
    businessName: "Centre médical Gratte-Ciel",
    createdHour: 3,
  }),
  mission({
    id: "m04",
    title: "Comptes rendus de chantier",
    description: "Rédaction hebdomadaire des comptes rendus.",
    skills: ["MINUTES"],
    sector: "CONSTRUCTION",
    billingMode: "PER_TASK",
    budgetCents: 45000,
    scheduleType: "RECURRING",
    workMode: "ON_SITE",
    commune: "Grenoble",
    _geo: GRENOBLE,
    startDay: 20,
    businessName: "Bâtir Alpes",
    createdHour: 4,
  }),
  mission({
    id: "m05",
    title: "Relances clients",
    description: "Relances téléphoniques des impayés.",
    skills: ["CLIENT_REMINDERS"],
    sector: null,
    billingMode: "HOURLY",
    budgetCents: 2500,
    scheduleType: "ONE_OFF",
    workMode: "REMOTE",
    commune: null,
    _geo: null,
    startDay: 1,
    businessName: "Boutique Lumière",
    createdHour: 5,
  }),
];
