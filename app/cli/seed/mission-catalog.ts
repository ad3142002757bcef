// What businesses post, by sector: titles, the work in a sentence or two, the skills it takes, the
// per-task lines it is billed by and what a fixed package delivers. Composed by missions.ts.
import type { Sector, Skill, Software, TaskType } from "#app/domain/profiles/taxonomy";

export type Need = {
  key: string;
  /** Sectors that post it; generic needs fit every sector. */
  sectors: readonly Sector[] | "ALL";
  /** 1–4 skills, most important first. */
  skills: readonly Skill[];
  /** Per-task lines: the first always, the second now and then. */
  tasks: readonly TaskType[];
  recurringTitles: readonly string[];
  oneOffTitles: readonly string[];
  work: readonly string[];
  deliverables: readonly string[];
};

export const needs: readonly Need[] = [
  {
    key: "medical-phone",
    sectors: ["MEDICAL"],
    skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING", "AGENDA_MANAGEMENT"],
    tasks: ["CALL_ANSWERED", "APPOINTMENT_BOOKED"],
    recurringTitles: ["Accueil téléphonique et prise de rendez-vous", "Permanence téléphonique du cabinet"],
    oneOffTitles: [
      "Renfort téléphonique pendant la campagne de vaccination",
      "Reprogrammation des rendez-vous pendant une absence",
    ],
    work: [
      "Vous répondez aux patients, prenez et déplacez les rendez-vous dans l’agenda partagé et filtrez les demandes urgentes.",
      "Vous décrochez pendant les consultations, orientez les patients selon le motif d’appel et tenez l’agenda à jour.",
    ],
    deliverables: [
      "Tous les patients concernés rappelés et reprogrammés, liste des rendez-vous restant à confirmer.",
    ],
  },
  {
    key: "medical-files",
    sectors: ["MEDICAL"],
    skills: ["FILE_UPDATES", "TYPING", "FILING"],
    tasks: ["PAGE_TYPED", "MAIL_PROCESSED"],
    recurringTitles: ["Frappe des comptes rendus de consultation", "Mise à jour des dossiers patients"],
    oneOffTitles: [
      "Frappe des courriers médicaux en retard",
      "Numérisation et classement des dossiers patients",
    ],
    work: [
      "Vous tapez les comptes rendus dictés, les intégrez au dossier du patient et préparez les courriers aux confrères.",
      "Vous mettez à jour les dossiers patients (résultats, courriers reçus) et classez les pièces scannées.",
    ],
    deliverables: [
      "Dossiers numérisés, nommés selon notre convention et rattachés à chaque patient dans le logiciel.",
    ],
  },
  {
    key: "legal-typing",
    sectors: ["LEGAL"],
    skills: ["TYPING", "PROOFREADING", "FILE_UPDATES"],
    tasks: ["PAGE_TYPED", "DOCUMENT_PROOFREAD"],
    recurringTitles: ["Frappe d’actes et de conclusions", "Mise en forme et relecture des actes"],
    oneOffTitles: [
      "Relecture et mise en forme de dossiers de plaidoirie",
      "Frappe d’un dossier de succession volumineux",
    ],
    work: [
      "Vous mettez en forme les actes et conclusions à partir des dictées et des trames du cabinet, puis relisez les pièces.",
      "Vous tapez les projets d’actes, vérifiez les références et tenez à jour les dossiers dans notre logiciel.",
    ],
    deliverables: [
      "Actes et bordereaux de pièces mis en forme selon nos modèles, relus et déposés dans le dossier.",
    ],
  },
  {
    key: "legal-phone",
    sectors: ["LEGAL"],
    skills: ["PHONE_ANSWERING", "AGENDA_MANAGEMENT", "APPOINTMENT_BOOKING"],
    tasks: ["CALL_ANSWERED", "APPOINTMENT_BOOKED"],
    recurringTitles: ["Permanence téléphonique et agenda des associés", "Accueil téléphonique du cabinet"],
    oneOffTitles: ["Renfort à l’accueil téléphonique pendant le déménagement du cabinet"],
    work: [
      "Vous filtrez les appels, prenez les messages avec précision et fixez les rendez-vous clients dans l’agenda des associés.",
    ],
    deliverables: ["Permanence assurée sur toute la période, messages transmis chaque jour par écrit."],
  },
  {
    key: "construction-admin",
    sectors: ["CONSTRUCTION"],
    skills: ["CLIENT_REMINDERS", "TYPING", "BOOKKEEPING_ENTRY"],
    tasks: ["REMINDER_SENT", "ENTRY_BOOKED"],
    recurringTitles: ["Devis, factures et relances clients", "Secrétariat administratif de l’entreprise"],
    oneOffTitles: [
      "Relance des factures impayées du trimestre",
      "Mise à jour des dossiers de chantier et attestations",
    ],
    work: [
      "Vous mettez au propre les devis à partir de mes notes de chantier, éditez les factures et relancez les clients en retard.",
      "Vous tenez à jour les attestations d’assurance, les dossiers de chantier et les situations de travaux.",
    ],
    deliverables: ["Relevé des impayés à jour, relances envoyées et tableau de suivi des réponses."],
  },
  {
    key: "construction-phone",
    sectors: ["CONSTRUCTION"],
    skills: ["PHONE_ANSWERING", "AGENDA_MANAGEMENT"],
    tasks: ["CALL_ANSWERED"],
    recurringTitles: [
      "Prise des appels clients pendant les chantiers",
      "Accueil téléphonique et planning des interventions",
    ],
    oneOffTitles: ["Permanence téléphonique pendant les congés de fin d’année"],
    work: [
      "Pendant que l’équipe est sur les chantiers, vous prenez les appels, notez les demandes de dépannage et planifiez les interventions.",
    ],
    deliverables: [
      "Appels pris sur toute la période, demandes classées par urgence et transmises chaque soir.",
    ],
  },
  {
    key: "accounting-entry",
    sectors: ["ACCOUNTING", "CONSTRUCTION", "RETAIL"],
    skills: ["BOOKKEEPING_ENTRY", "FILING", "MAIL"],
    tasks: ["ENTRY_BOOKED", "MAIL_PROCESSED"],
    recurringTitles: ["Saisie des pièces comptables", "Pré-saisie des factures et rapprochements bancaires"],
    oneOffTitles: ["Renfort de saisie pour la période fiscale", "Rattrapage de saisie avant le bilan"],
    work: [
      "Vous saisissez les factures d’achat et de vente, lettrez les comptes et classez les justificatifs numérisés.",
      "Vous pré-saisissez les pièces reçues et préparez les rapprochements bancaires pour validation.",
    ],
    deliverables: ["Pièces de la période saisies et lettrées, liste des justificatifs manquants."],
  },
  {
    key: "real-estate",
    sectors: ["REAL_ESTATE"],
    skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING", "FILE_UPDATES"],
    tasks: ["CALL_ANSWERED", "APPOINTMENT_BOOKED"],
    recurringTitles: [
      "Prise d’appels et organisation des visites",
      "Suivi administratif des dossiers de location",
    ],
    oneOffTitles: ["Mise à jour des dossiers locataires et des baux"],
    work: [
      "Vous répondez aux demandes sur nos annonces, qualifiez les candidats et calez les visites dans l’agenda des négociateurs.",
      "Vous complétez les dossiers de location, vérifiez les pièces et relancez les candidats pour les documents manquants.",
    ],
    deliverables: ["Dossiers locataires complets et à jour, tableau des échéances de baux."],
  },
  {
    key: "minutes",
    sectors: ["LEGAL", "SERVICES", "NONPROFIT", "ACCOUNTING", "REAL_ESTATE"],
    skills: ["MINUTES", "TYPING", "PROOFREADING"],
    tasks: ["MINUTES_HOUR", "DOCUMENT_PROOFREAD"],
    recurringTitles: ["Rédaction des comptes rendus de réunion"],
    oneOffTitles: [
      "Procès-verbal de l’assemblée générale annuelle",
      "Comptes rendus d’un séminaire de deux jours",
    ],
    work: [
      "Vous assistez aux réunions (en visio le plus souvent) et rédigez des comptes rendus clairs, relus sous 48 heures.",
    ],
    deliverables: ["Procès-verbal rédigé, relu et mis en forme, remis sous cinq jours ouvrés."],
  },
  {
    key: "mail-filing",
    sectors: "ALL",
    skills: ["MAIL", "FILING", "FILE_UPDATES"],
    tasks: ["MAIL_PROCESSED"],
    recurringTitles: ["Traitement du courrier et classement", "Gestion du courrier entrant et sortant"],
    oneOffTitles: [
      "Tri et archivage des dossiers des cinq dernières années",
      "Réorganisation du classement des dossiers",
    ],
    work: [
      "Vous ouvrez et enregistrez le courrier numérisé, répondez aux demandes simples et classez chaque pièce au bon dossier.",
    ],
    deliverables: [
      "Archives triées et numérisées, plan de classement documenté et remis sous forme de tableau.",
    ],
  },
  {
    key: "reminders",
    sectors: ["LEGAL", "CONSTRUCTION", "REAL_ESTATE", "ACCOUNTING", "SERVICES", "RETAIL", "NONPROFIT"],
    skills: ["CLIENT_REMINDERS", "BOOKKEEPING_ENTRY"],
    tasks: ["REMINDER_SENT"],
    recurringTitles: ["Relances clients et suivi des impayés"],
    oneOffTitles: ["Relance des impayés de l’année"],
    work: [
      "Vous relancez les clients par courriel puis par téléphone selon notre procédure et tenez à jour le suivi des encaissements.",
    ],
    deliverables: ["Toutes les factures échues relancées, échéancier des promesses de paiement."],
  },
  {
    key: "phone",
    sectors: ["LEGAL", "CONSTRUCTION", "REAL_ESTATE", "ACCOUNTING", "SERVICES", "RETAIL", "NONPROFIT"],
    skills: ["PHONE_ANSWERING", "AGENDA_MANAGEMENT", "MAIL"],
    tasks: ["CALL_ANSWERED"],
    recurringTitles: ["Accueil téléphonique et gestion d’agenda", "Standard téléphonique à distance"],
    oneOffTitles: [
      "Permanence téléphonique pendant un salon professionnel",
      "Standard téléphonique pendant la fermeture annuelle",
      "Renfort téléphonique pour le lancement d’une nouvelle offre",
    ],
    work: [
      "Vous répondez en notre nom, renseignez les clients sur nos horaires et services et transmettez les messages par écrit.",
    ],
    deliverables: ["Permanence assurée sur toute la période, journal des appels remis chaque jour."],
  },
  {
    key: "assistant",
    sectors: ["SERVICES", "RETAIL", "NONPROFIT"],
    skills: ["AGENDA_MANAGEMENT", "MAIL", "TYPING"],
    tasks: ["MAIL_PROCESSED", "PAGE_TYPED"],
    recurringTitles: [
      "Assistanat administratif à temps partiel",
      "Gestion d’agenda et des courriels du dirigeant",
    ],
    oneOffTitles: [
      "Mise en forme de la documentation commerciale",
      "Préparation administrative de notre événement annuel",
    ],
    work: [
      "Vous gérez l’agenda et la boîte de réception, préparez les documents et assurez le suivi administratif courant.",
    ],
    deliverables: ["Documents mis en forme selon notre charte, livrés en Word et en PDF."],
  },
];

/** How each sector speaks of its workplace and its secretary, and the tools it usually has. */
export const sectorWords: Record<Sector, { role: string; tools: readonly Software[]; profile: string }> = {
  MEDICAL: {
    role: "secrétaire médicale",
    tools: ["DOCTOLIB", "GOOGLE_CALENDAR"],
    profile:
      "Une expérience en secrétariat médical et la maîtrise du vocabulaire médical sont indispensables.",
  },
  LEGAL: {
    role: "assistante juridique",
    tools: ["SECIB", "MICROSOFT_365", "OUTLOOK"],
    profile:
      "Une première expérience en cabinet d’avocats ou en étude notariale est souhaitée ; rigueur et discrétion exigées.",
  },
  CONSTRUCTION: {
    role: "secrétaire",
    tools: ["EBP", "AXONAUT", "GOOGLE_WORKSPACE"],
    profile:
      "Vous connaissez le vocabulaire du bâtiment (devis, situations de travaux, attestations) ou l’apprenez vite.",
  },
  REAL_ESTATE: {
    role: "assistante",
    tools: ["GOOGLE_WORKSPACE", "OUTLOOK"],
    profile: "Aisance au téléphone, sens commercial et connaissance de la gestion locative appréciés.",
  },
  ACCOUNTING: {
    role: "assistante comptable",
    tools: ["CEGID", "SAGE", "PENNYLANE"],
    profile:
      "Une expérience en cabinet d’expertise comptable et la connaissance du plan comptable sont nécessaires.",
  },
  SERVICES: {
    role: "assistante administrative",
    tools: ["MICROSOFT_365", "AXONAUT", "GOOGLE_WORKSPACE"],
    profile: "Autonomie, organisation et très bonne orthographe.",
  },
  RETAIL: {
    role: "secrétaire",
    tools: ["EBP", "QUICKBOOKS"],
    profile: "Vous êtes à l’aise avec la relation client et les outils de facturation.",
  },
  NONPROFIT: {
    role: "secrétaire",
    tools: ["GOOGLE_WORKSPACE", "MICROSOFT_365"],
    profile: "Intérêt pour le monde associatif, discrétion et sens de l’organisation.",
  },
};

/** Why the usual secretary is away, "pendant son congé maternité", and for how many weeks. */
export const leaveReasons = [
  { reason: "congé maternité", during: "son congé maternité", weeks: 16 },
  { reason: "congé parental", during: "son congé parental", weeks: 12 },
  { reason: "arrêt maladie", during: "son arrêt maladie", weeks: 6 },
  { reason: "congés d’été", during: "ses congés d’été", weeks: 3 },
] as const;
export type LeaveReason = (typeof leaveReasons)[number];

/** Usual per-task prices in cents and expected monthly volumes (same ranges as work-terms.ts). */
export const taskRanges: Record<TaskType, { price: [number, number]; volume: [number, number] }> = {
  CALL_ANSWERED: { price: [120, 250], volume: [80, 500] },
  APPOINTMENT_BOOKED: { price: [150, 300], volume: [40, 250] },
  PAGE_TYPED: { price: [300, 600], volume: [20, 150] },
  MINUTES_HOUR: { price: [3500, 6000], volume: [2, 16] },
  DOCUMENT_PROOFREAD: { price: [1500, 3000], volume: [4, 30] },
  MAIL_PROCESSED: { price: [100, 300], volume: [40, 300] },
  REMINDER_SENT: { price: [200, 500], volume: [20, 120] },
  ENTRY_BOOKED: { price: [50, 150], volume: [150, 1200] },
};

export const needsFor = (sector: Sector) =>
  needs.filter((need) => need.sectors === "ALL" || need.sectors.includes(sector));
