// The demo businesses' missions, pinned so the demo tour always shows the same ones: the Lyon
// practice's recurring per-task phone line, its maternity-leave replacement and a draft; the Nantes
// plumber's year-end invoice catch-up and a mission waiting in the staff review queue.
import { addDays, addHours, dayFrom, type SeedContext } from "./context";
import { demoAccounts } from "./demo-accounts";
import { addCalendarDays, firstMatchingDay, firstOfMonth, monthsLater, weeklyRule } from "./mission-schedule";
import { historyOf, type MissionStep } from "./mission-timeline";
import type { MissionRow, OrganizationRow, SeedPlan } from "./plan-types";

export type Owner = { organization: OrganizationRow; ownerId: string };
export type Pinned = Omit<MissionRow, "id" | "organizationId" | "createdById" | keyof Dates>;
type Dates = Pick<MissionRow, "createdAt" | "updatedAt" | "submittedAt" | "publishedAt">;

const MONDAY_THURSDAY = [1, 4];
const latest = (...dates: Date[]) => new Date(Math.max(...dates.map((date) => date.getTime())));

export const blank = {
  taskLines: [],
  maxHourlyRateCents: null,
  expectedHours: null,
  expectedHoursPer: null,
  fixedAmountCents: null,
  deliverables: null,
  rrule: null,
  timeWindows: [],
  handoverNotes: null,
  callScript: null,
  urgentRouting: null,
  toolsToUse: null,
  postcode: null,
  commune: null,
  inseeCode: null,
  latitude: null,
  longitude: null,
  medicalSecrecy: false,
  visibility: "PUBLIC",
  languages: ["fr"],
} as const satisfies Partial<Pinned>;

export function ownerOf(plan: SeedPlan, email: string): Owner {
  const user = plan.users.find((candidate) => candidate.email === email);
  const membership = plan.memberships.find((candidate) => candidate.userId === user?.id);
  const organization = plan.organizations.find((candidate) => candidate.id === membership?.organizationId);
  if (!user || !organization) throw new Error(`Compte de démonstration introuvable : ${email}`);
  return { organization, ownerId: user.id };
}

export const placeOf = ({ postcode, commune, inseeCode, latitude, longitude }: OrganizationRow) => ({
  postcode,
  commune,
  inseeCode,
  latitude,
  longitude,
});

/** Written `daysAgo`, submitted an hour or two later, approved the next morning when `open`. */
function steps(ctx: SeedContext, daysAgo: number, until: "DRAFT" | "PENDING_REVIEW" | "OPEN") {
  const createdAt = addHours(addDays(ctx.now, -daysAgo), -3);
  const submitted = addHours(createdAt, 2);
  const list: MissionStep[] = [];
  if (until !== "DRAFT") list.push({ event: "SUBMIT", at: submitted });
  if (until === "OPEN") list.push({ event: "APPROVE", at: addHours(submitted, 18) });
  return { createdAt, list };
}

function add(ctx: SeedContext, plan: SeedPlan, owner: Owner, pinned: Pinned, daysAgo: number) {
  const id = ctx.random.uuid();
  const { createdAt, list } = steps(ctx, daysAgo, pinned.status as "DRAFT" | "PENDING_REVIEW" | "OPEN");
  const history = historyOf(ctx, { missionId: id, ownerId: owner.ownerId }, createdAt, list);
  const { createdAt: created, updatedAt, submittedAt, publishedAt } = history;
  plan.missions.push({
    id,
    organizationId: owner.organization.id,
    createdById: owner.ownerId,
    ...pinned,
    createdAt: created,
    updatedAt,
    submittedAt,
    publishedAt,
  });
  plan.missionStatusChanges.push(...history.changes);
}

/** Noon the day before `day`, or none when that is already past. */
function deadlineBefore(ctx: SeedContext, day: Date, daysBefore: number): Date | null {
  const deadline = addHours(addCalendarDays(day, -daysBefore), 12);
  return deadline > ctx.now ? deadline : null;
}

function cabinetMissions(ctx: SeedContext, plan: SeedPlan) {
  const owner = ownerOf(plan, demoAccounts.cabinet.email);
  const phoneStart = firstMatchingDay(
    latest(firstOfMonth(ctx.now, 1), dayFrom(ctx.now, 10)),
    MONDAY_THURSDAY,
  );
  const phoneEnd = addCalendarDays(phoneStart, 52 * 7 - 1);
  const windows = [{ start: "09:00", end: "12:00" }];
  add(
    ctx,
    plan,
    owner,
    {
      ...blank,
      status: "OPEN",
      title: "Accueil téléphonique et prise de rendez-vous Doctolib",
      description: [
        "Le Cabinet médical des Tilleuls (trois médecins généralistes, Lyon 6e) cherche une secrétaire médicale à distance pour tenir la ligne du cabinet les lundis et jeudis matin, de 9 h à 12 h : ce sont nos matinées les plus chargées.",
        "Vous répondez aux patients, prenez, déplacez et annulez les rendez-vous dans Doctolib, filtrez les demandes urgentes et laissez un message structuré aux médecins pour tout le reste.",
        "Environ 300 appels et 120 rendez-vous par mois. Une expérience en secrétariat médical et la maîtrise de Doctolib sont indispensables.",
        "Le secret médical s’applique : vous signerez notre engagement de confidentialité avant d’accéder aux détails.",
      ].join("\n\n"),
      skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING", "AGENDA_MANAGEMENT"],
      sector: "MEDICAL",
      billingMode: "PER_TASK",
      taskLines: [
        { task: "CALL_ANSWERED", unitPriceCents: 180, monthlyVolume: 300 },
        { task: "APPOINTMENT_BOOKED", unitPriceCents: 220, monthlyVolume: 120 },
      ],
      scheduleType: "RECURRING",
      startDate: phoneStart,
      endDate: phoneEnd,
      rrule: weeklyRule(MONDAY_THURSDAY, phoneStart, phoneEnd),
      timeWindows: windows,
      workMode: "REMOTE",
      medicalSecrecy: true,
      proposalDeadline: deadlineBefore(ctx, phoneStart, 3),
    },
    8,
  );

  const leaveStart = firstOfMonth(ctx.now, 1);
  add(
    ctx,
    plan,
    owner,
    {
      ...blank,
      status: "OPEN",
      title: "Remplacement de notre secrétaire pendant son congé maternité (4 mois)",
      description: [
        "Notre secrétaire part en congé maternité : nous cherchons une secrétaire médicale pour la remplacer au cabinet, à Lyon 6e, pendant quatre mois à partir du début du mois prochain.",
        "Accueil des patients, téléphone, agenda Doctolib des trois médecins, mise à jour des dossiers et courriers aux confrères. 35 heures par semaine, du lundi au vendredi, en présentiel.",
        "Une fiche de consignes complète (script d’appel, orientation des urgences, outils) vous est remise, et une journée de passation est prévue avec la titulaire.",
        "Le secret médical s’applique : engagement de confidentialité avant l’accès aux dossiers.",
      ].join("\n\n"),
      skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING", "AGENDA_MANAGEMENT", "FILE_UPDATES"],
      sector: "MEDICAL",
      billingMode: "HOURLY",
      maxHourlyRateCents: 3000,
      expectedHours: 35,
      expectedHoursPer: "WEEK",
      scheduleType: "REPLACEMENT",
      startDate: leaveStart,
      endDate: monthsLater(leaveStart, 4),
      handoverNotes:
        "Journée de passation avec Sophie, la titulaire, la veille du départ. Les dossiers en attente (résultats à transmettre, courriers à frapper) sont dans le tableau « Suivi secrétariat » du drive. Clés et badge à récupérer auprès du Dr Vasseur.",
      callScript:
        "« Cabinet médical des Tilleuls, bonjour. » Demander le nom et la date de naissance du patient, puis le motif. Renouvellement d’ordonnance : créneau court. Nouveau patient : vérifier que le médecin choisi accepte de nouveaux patients avant de proposer un rendez-vous.",
      urgentRouting:
        "Douleur thoracique, difficulté à respirer ou malaise : dire d’appeler le 15 immédiatement. Autre demande urgente : créneau d’urgence du jour dans Doctolib, sinon message au médecin de garde du cabinet (ligne interne 3).",
      toolsToUse:
        "Doctolib (agenda et dossiers), Google Agenda (planning des médecins), messagerie sécurisée de santé pour les courriers.",
      workMode: "ON_SITE",
      ...placeOf(owner.organization),
      medicalSecrecy: true,
      proposalDeadline: deadlineBefore(ctx, leaveStart, 1),
    },
    4,
  );

  const archiveStart = firstMatchingDay(firstOfMonth(ctx.now, 2), [1]);
  add(
    ctx,
    plan,
    owner,
    {
      ...blank,
      status: "DRAFT",
      title: "Numérisation et classement des archives patients",
      description:
        "Nous voulons numériser les dossiers papier des patients suivis depuis plus de cinq ans et les rattacher à leur dossier informatisé. Une demi-journée par semaine au cabinet pour le tri, le reste à distance.",
      skills: ["FILING", "FILE_UPDATES"],
      sector: "MEDICAL",
      billingMode: "HOURLY",
      maxHourlyRateCents: 2500,
      expectedHours: 40,
      expectedHoursPer: "MONTH",
      scheduleType: "ONE_OFF",
      startDate: archiveStart,
      endDate: addCalendarDays(archiveStart, 25),
      workMode: "HYBRID",
      ...placeOf(owner.organization),
      medicalSecrecy: true,
      proposalDeadline: null,
    },
    1,
  );
}

function artisanMissions(ctx: SeedContext, plan: SeedPlan) {
  const owner = ownerOf(plan, demoAccounts.artisan.email);
  const invoicesStart = firstMatchingDay(
    latest(addCalendarDays(firstOfMonth(ctx.now, 1), 7), dayFrom(ctx.now, 10)),
    [1],
  );
  add(
    ctx,
    plan,
    owner,
    {
      ...blank,
      status: "OPEN",
      title: "Rattrapage de la saisie des factures de fin d’année",
      description: [
        "Plomberie Guérin et Fils (quatre salariés, Nantes) a pris du retard sur sa facturation pendant l’automne. Je cherche une secrétaire pour remettre la comptabilité à jour avant la clôture.",
        "Saisie des factures d’achat et de vente dans EBP, rapprochement avec les relevés bancaires, classement des justificatifs. Tout se fait à distance : les pièces sont déjà scannées.",
      ].join("\n\n"),
      skills: ["BOOKKEEPING_ENTRY", "FILING"],
      sector: "CONSTRUCTION",
      billingMode: "FIXED",
      fixedAmountCents: 60000,
      deliverables:
        "Factures d’achat et de vente d’octobre à décembre saisies dans EBP et rapprochées des relevés bancaires ; justificatifs classés par mois ; liste des pièces manquantes à réclamer.",
      scheduleType: "ONE_OFF",
      startDate: invoicesStart,
      endDate: addCalendarDays(invoicesStart, 25),
      workMode: "REMOTE",
      proposalDeadline: deadlineBefore(ctx, invoicesStart, 3),
    },
    10,
  );

  const weekdays = [1, 2, 3, 4, 5];
  const windows = [{ start: "08:00", end: "12:00" }];
  const callsStart = firstMatchingDay(dayFrom(ctx.now, 14), weekdays);
  const callsEnd = addCalendarDays(callsStart, 26 * 7 - 1);
  add(
    ctx,
    plan,
    owner,
    {
      ...blank,
      status: "PENDING_REVIEW",
      title: "Prise des appels clients pendant les chantiers",
      description:
        "Le matin, toute l’équipe est sur les chantiers et les appels tombent sur le répondeur. Je cherche une secrétaire à distance du lundi au vendredi, de 8 h à 12 h, pour prendre les demandes de dépannage et de devis et les noter dans notre planning partagé.",
      skills: ["PHONE_ANSWERING", "AGENDA_MANAGEMENT"],
      sector: "CONSTRUCTION",
      billingMode: "HOURLY",
      maxHourlyRateCents: 2600,
      expectedHours: 20,
      expectedHoursPer: "WEEK",
      scheduleType: "RECURRING",
      startDate: callsStart,
      endDate: callsEnd,
      rrule: weeklyRule(weekdays, callsStart, callsEnd),
      timeWindows: windows,
      workMode: "REMOTE",
      proposalDeadline: deadlineBefore(ctx, callsStart, 2),
    },
    1,
  );
}

export function addDemoMissions(ctx: SeedContext, plan: SeedPlan): void {
  cabinetMissions(ctx, plan);
  artisanMissions(ctx, plan);
}
