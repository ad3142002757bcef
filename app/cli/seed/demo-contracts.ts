// Contracts in every state and billing mode, with their work: the demo tour's cabinet has work to
// approve and a contract to accept, Claire an active contract with sessions every week and money
// owed (Émilie Garnier, a demo login too, replaced her one week of last month, and last month is
// wholly reviewed so the payments job can invoice and charge it), the agency's members log tasks
// for the Nantes plumber, and the Lyon maternity leave is covered by two secretaries (one replaces
// the other for two weeks).
import { addDays as addIsoDays, parisToday } from "#app/domain/missions/schedule";
import { addDays, addHours, type SeedContext } from "./context";
import { addContractMissions, type ContractMission } from "./contract-missions";
import { addContract, type Party } from "./contract-rows";
import { addGeneratedContracts } from "./generated-contracts";
import { demoAccounts } from "./demo-accounts";
import { addCalendarDays, firstMatchingDay } from "./mission-schedule";
import type { AssigneeRow, ProfileRow, SeedPlan } from "./plan-types";
import { demoParties, generatedBusinesses, independentSecretaries, nearest, personOf } from "./seed-parties";
import { addEntries, dayDate, isoDay, pastSessionDays } from "./work-rows";

const letter =
  "Bonjour, votre besoin correspond exactement à ce que je fais depuis plusieurs années. Je suis disponible aux horaires indiqués et je peux commencer à la date prévue.";
const reportTasks = [
  "Frappe des comptes rendus dictés le matin",
  "Comptes rendus et deux courriers aux confrères",
  "Mise en forme des comptes rendus, courriers de sortie",
] as const;

/** The Lyon practice's maternity-leave mission, marked FILLED by its contract (SYSTEM). */
function fillMaternityLeave(
  ctx: SeedContext,
  plan: SeedPlan,
  owner: ContractMission["owner"],
): ContractMission {
  const mission = plan.missions.find(
    (m) => m.organizationId === owner.organization.id && m.scheduleType === "REPLACEMENT",
  )!;
  const filledAt = addHours(ctx.now, -30);
  mission.status = "FILLED";
  mission.updatedAt = filledAt;
  plan.missionStatusChanges.push({
    id: ctx.random.uuid(),
    missionId: mission.id,
    from: "OPEN",
    to: "FILLED",
    actorId: null,
    reason: null,
    createdAt: filledAt,
  });
  return { mission, owner, filledAt };
}

function replacement(
  ctx: SeedContext,
  plan: SeedPlan,
  of: AssigneeRow,
  who: Party,
  from: string,
  to: string,
) {
  const row: AssigneeRow = {
    id: ctx.random.uuid(),
    contractId: of.contractId,
    userId: who.userId,
    role: "REPLACEMENT",
    startsOn: new Date(`${from}T00:00:00Z`),
    endsOn: new Date(`${to}T00:00:00Z`),
    replacesId: of.id,
    createdById: of.userId,
    cancelledAt: null,
    // Named ten days ahead, or just now for a period still to come.
    createdAt: new Date(
      Math.min(addDays(new Date(`${from}T09:00:00Z`), -10).getTime(), addHours(ctx.now, -20).getTime()),
    ),
  };
  plan.assignees.push(row);
  return row;
}

/** First day of the current Paris month, and the Monday of last month's last full working week. */
function lastMonth(now: Date) {
  const thisMonth = `${parisToday(now).slice(0, 7)}-01`;
  const lastDay = addIsoDays(thisMonth, -1);
  // Between the 12th and the 6th day before month end: Tuesday and Friday still fall in the month.
  return { thisMonth, monday: isoDay(firstMatchingDay(dayDate(addIsoDays(lastDay, -12)), [1])) };
}

/**
 * Claire's recurring hourly contract with the cabinet, and the week of last month Émilie replaced
 * her. Every day before this month is reviewed: the cabinet approved the end of last month at once.
 */
function reportsContract(ctx: SeedContext, plan: SeedPlan, source: ContractMission, stand: Party) {
  const { cabinet, claire } = demoParties(plan);
  const { contract, assignees } = addContract(ctx, plan, {
    source,
    provider: claire,
    agency: null,
    status: "ACTIVE",
    prices: { hourlyRateCents: 3000 },
    coverLetter: letter,
  });
  const { thisMonth, monday } = lastMonth(ctx.now);
  const sunday = isoDay(addCalendarDays(new Date(`${monday}T00:00:00Z`), 6));
  const covering = replacement(ctx, plan, assignees[0]!, stand, monday, sunday);
  const days = pastSessionDays(contract, parisToday(ctx.now));
  const hers = days.filter((day) => day < monday || day > sunday);
  const common = {
    contract,
    businessUserId: cabinet.ownerId,
    kind: "TIME" as const,
    descriptions: reportTasks,
    reviewedBefore: thisMonth,
  };
  addEntries(ctx, plan, {
    ...common,
    assignee: assignees[0]!,
    days: hers,
    minutes: [150, 185],
    disputes: { [hers.at(-5)!]: "Le cabinet était fermé ce vendredi après-midi : aucune dictée à frapper." },
  });
  addEntries(ctx, plan, {
    ...common,
    assignee: covering,
    days: days.filter((d) => d >= monday && d <= sunday),
    minutes: [170, 180],
  });
}

const agencyPitch =
  "Notre équipe de deux secrétaires assure la permanence à tour de rôle, avec une seule interlocutrice pour vous.";
const reminderTasks = [
  {
    task: "REMINDER_SENT" as const,
    quantity: [4, 9] as [number, number],
    description: "Relances des devis et factures échues",
  },
  {
    task: "MAIL_PROCESSED" as const,
    quantity: [3, 8] as [number, number],
    description: "Courrier du jour trié et enregistré",
  },
];

/** The agency's two contracts: Saturdays for the cabinet (signed by the agency only) and the plumber's reminders. */
function agencyContracts(
  ctx: SeedContext,
  plan: SeedPlan,
  saturday: ContractMission,
  reminders: ContractMission,
) {
  const { agency, artisan } = demoParties(plan);
  const team = { id: agency.id, name: agency.name, members: agency.members };
  const base = { provider: agency.owner, agency: team, coverLetter: agencyPitch };
  addContract(ctx, plan, {
    ...base,
    source: saturday,
    status: "PENDING",
    providerSigned: true,
    prices: {
      taskPrices: [
        { task: "CALL_ANSWERED", unitPriceCents: 190 },
        { task: "APPOINTMENT_BOOKED", unitPriceCents: 230 },
      ],
    },
  });
  const { contract, assignees } = addContract(ctx, plan, {
    ...base,
    source: reminders,
    status: "ACTIVE",
    prices: {
      taskPrices: [
        { task: "REMINDER_SENT", unitPriceCents: 250 },
        { task: "MAIL_PROCESSED", unitPriceCents: 120 },
      ],
    },
  });
  // The members take the sessions in turn; the plumber disputed one of Sandrine's days.
  const days = pastSessionDays(contract, parisToday(ctx.now));
  assignees.forEach((assignee, index) => {
    const mine = days.filter((_, i) => i % assignees.length === index);
    const disputed = index === 1 && mine.length > 3 ? mine.at(-3)! : null;
    const disputes = disputed
      ? { [disputed]: "Huit relances annoncées, mais seulement cinq clients ont été joints." }
      : {};
    const common = { contract, assignee, businessUserId: artisan.ownerId, kind: "TASK" as const };
    addEntries(ctx, plan, { ...common, days: mine, tasks: reminderTasks, disputes });
  });
}

function maternityContract(ctx: SeedContext, plan: SeedPlan, source: ContractMission, lyon: Party[]) {
  const { contract, assignees } = addContract(ctx, plan, {
    source,
    provider: lyon[0]!,
    agency: null,
    status: "ACTIVE",
    prices: { hourlyRateCents: 2800 },
    coverLetter: letter,
  });
  if (!lyon[1]) return;
  // Two weeks of the titular replacement's own holidays, about two months into the leave.
  const from = firstMatchingDay(addCalendarDays(contract.startDate, 56), [1]);
  replacement(ctx, plan, assignees[0]!, lyon[1], isoDay(from), isoDay(addCalendarDays(from, 11)));
}

/** Missions first (their own stream), then contracts and work (another): see plan.ts. */
export function addDemoContracts(missionCtx: SeedContext, ctx: SeedContext, plan: SeedPlan): void {
  const { cabinet, claire } = demoParties(plan);
  const missions = addContractMissions(missionCtx, plan, generatedBusinesses(plan).slice(0, 5));
  const maternity = fillMaternityLeave(missionCtx, plan, cabinet);

  const pool = independentSecretaries(plan);
  const lyon = nearest(pool, cabinet.organization).slice(0, 2);
  const stand = plan.users.find((u) => u.email === demoAccounts.remplacante.email)!;
  const people = (profiles: ProfileRow[]) => profiles.map((p) => personOf(plan, p.userId));
  const rest = people(pool.filter((p) => !lyon.includes(p)));

  reportsContract(ctx, plan, missions.reports!, personOf(plan, stand.id));
  agencyContracts(ctx, plan, missions.saturday!, missions.reminders!);
  maternityContract(ctx, plan, maternity, lyon.length > 0 ? people(lyon) : [claire]);
  addGeneratedContracts(ctx, plan, missions, rest.length > 0 ? rest : [claire]);
}
