// The missions behind the seeded contracts: posted, approved, then FILLED when a proposal was
// accepted (one secretary each). One was reopened after its contract was cancelled. Built before
// any contract row, from their own random stream, so the missions never depend on who is hired.
import { addDays, addHours, dayFrom, type SeedContext } from "./context";
import { blank, ownerOf, type Owner, type Pinned } from "./demo-missions";
import { demoAccounts } from "./demo-accounts";
import { addCalendarDays, firstMatchingDay, weeklyHours, weeklyRule } from "./mission-schedule";
import { historyOf, type MissionStep } from "./mission-timeline";
import type { MissionRow, OrganizationRow, SeedPlan } from "./plan-types";

export type ContractMissionKey =
  "reports" | "saturday" | "reminders" | "clientFile" | "agenda" | "invoices" | "typing" | "templates";

export type ContractMission = { mission: MissionRow; owner: Owner; filledAt: Date };

type Timeline = { createdDaysAgo: number; filledDaysAgo: number; reopenedDaysAgo?: number };

function addFilled(
  ctx: SeedContext,
  plan: SeedPlan,
  owner: Owner,
  pinned: Omit<Pinned, "status">,
  timeline: Timeline,
): ContractMission {
  const id = ctx.random.uuid();
  const createdAt = addHours(addDays(ctx.now, -timeline.createdDaysAgo), -3);
  const filledAt = addHours(addDays(ctx.now, -timeline.filledDaysAgo), -5);
  const steps: MissionStep[] = [
    { event: "SUBMIT", at: addHours(createdAt, 2) },
    { event: "APPROVE", at: addHours(createdAt, 20) },
    { event: "FILL", at: filledAt },
  ];
  if (timeline.reopenedDaysAgo !== undefined)
    steps.push({ event: "REOPEN", at: addHours(addDays(ctx.now, -timeline.reopenedDaysAgo), -4) });
  const history = historyOf(ctx, { missionId: id, ownerId: owner.ownerId }, createdAt, steps);
  const mission: MissionRow = {
    id,
    organizationId: owner.organization.id,
    createdById: owner.ownerId,
    ...pinned,
    status: history.changes.at(-1)!.to,
    createdAt,
    updatedAt: history.updatedAt,
    submittedAt: history.submittedAt,
    // Reopening publishes again (transitionMission stamps every move to OPEN).
    publishedAt: timeline.reopenedDaysAgo === undefined ? history.publishedAt : history.updatedAt,
  };
  plan.missions.push(mission);
  plan.missionStatusChanges.push(...history.changes);
  return { mission, owner, filledAt };
}

function recurring(days: number[], start: Date, weeks: number, window: { start: string; end: string }) {
  const end = addCalendarDays(start, weeks * 7 - 1);
  return {
    scheduleType: "RECURRING" as const,
    startDate: start,
    endDate: end,
    rrule: weeklyRule(days, start, end),
    timeWindows: [window],
  };
}

type MissionSpec = { pinned: Omit<Pinned, "status">; timeline: Timeline };
const medical = { ...blank, sector: "MEDICAL" as const, medicalSecrecy: true, workMode: "REMOTE" as const };

function reportsMission(ctx: SeedContext): MissionSpec {
  const window = { start: "14:00", end: "17:00" };
  const pinned = {
    ...medical,
    title: "Frappe des comptes rendus de consultation et des courriers",
    description:
      "Les médecins du cabinet dictent leurs comptes rendus : nous cherchons une secrétaire médicale à distance pour les frapper, les mettre en forme et préparer les courriers aux confrères, les mardis et vendredis après-midi.",
    skills: ["TYPING" as const, "MINUTES" as const, "MAIL" as const],
    billingMode: "HOURLY" as const,
    maxHourlyRateCents: 3200,
    expectedHours: weeklyHours([2, 5], [window]),
    expectedHoursPer: "WEEK" as const,
    ...recurring([2, 5], firstMatchingDay(dayFrom(ctx.now, -45), [2, 5]), 26, window),
    proposalDeadline: null,
  };
  return { pinned, timeline: { createdDaysAgo: 60, filledDaysAgo: 50 } };
}

function saturdayMission(ctx: SeedContext): MissionSpec {
  const pinned = {
    ...medical,
    title: "Permanence téléphonique du samedi matin",
    description:
      "Le cabinet ouvre le samedi matin pour les urgences du week-end : une équipe de télésecrétariat prend les appels et les rendez-vous de 9 h à 12 h, dans Doctolib.",
    skills: ["PHONE_ANSWERING" as const, "APPOINTMENT_BOOKING" as const],
    billingMode: "PER_TASK" as const,
    taskLines: [
      { task: "CALL_ANSWERED" as const, unitPriceCents: 190, monthlyVolume: 120 },
      { task: "APPOINTMENT_BOOKED" as const, unitPriceCents: 230, monthlyVolume: 60 },
    ],
    ...recurring([6], firstMatchingDay(dayFrom(ctx.now, 7), [6]), 26, { start: "09:00", end: "12:00" }),
    proposalDeadline: null,
  };
  return { pinned, timeline: { createdDaysAgo: 12, filledDaysAgo: 2 } };
}

function remindersMission(ctx: SeedContext): MissionSpec {
  const pinned = {
    ...blank,
    sector: "CONSTRUCTION" as const,
    workMode: "REMOTE" as const,
    title: "Relance des devis en attente et des factures impayées",
    description:
      "Deux matinées par semaine, relancer par téléphone et par courriel les clients qui n’ont pas répondu à un devis ou pas réglé une facture, et traiter le courrier administratif de l’entreprise.",
    skills: ["CLIENT_REMINDERS" as const, "MAIL" as const],
    billingMode: "PER_TASK" as const,
    taskLines: [
      { task: "REMINDER_SENT" as const, unitPriceCents: 250, monthlyVolume: 80 },
      { task: "MAIL_PROCESSED" as const, unitPriceCents: 120, monthlyVolume: 100 },
    ],
    ...recurring([2, 4], firstMatchingDay(dayFrom(ctx.now, -35), [2, 4]), 26, {
      start: "09:00",
      end: "12:00",
    }),
    proposalDeadline: null,
  };
  return { pinned, timeline: { createdDaysAgo: 45, filledDaysAgo: 38 } };
}

type Generated = { owner: Owner; sector: OrganizationRow["sector"] };
type GeneratedSpec = (ctx: SeedContext, g: Generated) => MissionSpec;

const remote = (g: Generated) => ({
  ...blank,
  sector: g.sector,
  medicalSecrecy: g.sector === "MEDICAL",
  workMode: "REMOTE" as const,
  proposalDeadline: null,
});
const oneOff = (ctx: SeedContext, from: number, to: number) => ({
  scheduleType: "ONE_OFF" as const,
  startDate: dayFrom(ctx.now, from),
  endDate: dayFrom(ctx.now, to),
});

const clientFileMission: GeneratedSpec = (ctx, g) => ({
  pinned: {
    ...remote(g),
    title: "Mise à jour du fichier clients et des coordonnées",
    description:
      "Vérifier et compléter les fiches clients de notre logiciel, supprimer les doublons et relancer les clients dont les coordonnées manquent.",
    skills: ["FILE_UPDATES", "CLIENT_REMINDERS"],
    billingMode: "FIXED",
    fixedAmountCents: 90_000,
    deliverables:
      "Fichier clients dédoublonné et complété ; liste des fiches encore incomplètes avec les relances faites.",
    ...oneOff(ctx, -20, 20),
  },
  timeline: { createdDaysAgo: 30, filledDaysAgo: 24 },
});

const agendaMission: GeneratedSpec = (ctx, g) => ({
  pinned: {
    ...remote(g),
    title: "Gestion de l’agenda et des appels deux matinées par semaine",
    description:
      "Tenir l’agenda de l’équipe, prendre les appels et les messages les lundis et mercredis matin, confirmer les rendez-vous du lendemain.",
    skills: ["AGENDA_MANAGEMENT", "PHONE_ANSWERING"],
    billingMode: "HOURLY",
    maxHourlyRateCents: 2800,
    expectedHours: 6,
    expectedHoursPer: "WEEK",
    ...recurring([1, 3], firstMatchingDay(dayFrom(ctx.now, -40), [1, 3]), 20, {
      start: "09:00",
      end: "12:00",
    }),
  },
  timeline: { createdDaysAgo: 55, filledDaysAgo: 45 },
});

const invoicesMission: GeneratedSpec = (ctx, g) => ({
  pinned: {
    ...remote(g),
    title: "Saisie et classement des factures du trimestre",
    description:
      "Saisir les factures d’achat et de vente du trimestre dans notre logiciel comptable et classer les justificatifs par mois.",
    skills: ["BOOKKEEPING_ENTRY", "FILING"],
    billingMode: "FIXED",
    fixedAmountCents: 48_000,
    deliverables: "Factures du trimestre saisies et rapprochées ; justificatifs classés par mois.",
    ...oneOff(ctx, -60, -15),
  },
  timeline: { createdDaysAgo: 75, filledDaysAgo: 65 },
});

const typingMission: GeneratedSpec = (ctx, g) => ({
  pinned: {
    ...remote(g),
    title: "Dactylographie de rapports d’intervention",
    description:
      "Taper au propre les rapports d’intervention manuscrits de nos techniciens, environ quarante pages par mois, à partir des scans.",
    skills: ["TYPING", "PROOFREADING"],
    billingMode: "PER_TASK",
    taskLines: [{ task: "PAGE_TYPED", unitPriceCents: 350, monthlyVolume: 40 }],
    ...oneOff(ctx, 20, 50),
  },
  timeline: { createdDaysAgo: 16, filledDaysAgo: 10, reopenedDaysAgo: 6 },
});

const templatesMission: GeneratedSpec = (ctx, g) => ({
  pinned: {
    ...remote(g),
    title: "Refonte des modèles de courriers et de devis",
    description:
      "Reprendre nos modèles de courriers, de devis et de relances dans un gabarit commun, relus et corrigés, prêts à l’emploi dans le traitement de texte.",
    skills: ["TYPING", "PROOFREADING"],
    billingMode: "FIXED",
    fixedAmountCents: 72_000,
    deliverables:
      "Vingt modèles de courriers et trois modèles de devis, relus, au format du traitement de texte.",
    ...oneOff(ctx, -30, 10),
  },
  timeline: { createdDaysAgo: 40, filledDaysAgo: 33 },
});

const generatedSpecs = {
  clientFile: clientFileMission,
  agenda: agendaMission,
  invoices: invoicesMission,
  typing: typingMission,
  templates: templatesMission,
} as const;

/**
 * Every contract mission, or only the demo businesses' ones when the plan has fewer than five
 * generated businesses (the search benchmark builds plans without any).
 */
export function addContractMissions(
  ctx: SeedContext,
  plan: SeedPlan,
  generated: Generated[],
): Partial<Record<ContractMissionKey, ContractMission>> {
  const cabinet = ownerOf(plan, demoAccounts.cabinet.email);
  const artisan = ownerOf(plan, demoAccounts.artisan.email);
  const add = (owner: Owner, spec: MissionSpec) => addFilled(ctx, plan, owner, spec.pinned, spec.timeline);
  const missions: Partial<Record<ContractMissionKey, ContractMission>> = {
    reports: add(cabinet, reportsMission(ctx)),
    saturday: add(cabinet, saturdayMission(ctx)),
    reminders: add(artisan, remindersMission(ctx)),
  };
  if (generated.length < 5) return missions;
  Object.entries(generatedSpecs).forEach(([key, spec], i) => {
    missions[key as ContractMissionKey] = add(generated[i]!.owner, spec(ctx, generated[i]!));
  });
  return missions;
}
