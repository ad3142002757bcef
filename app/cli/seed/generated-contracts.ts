// Contracts between generated businesses and secretaries, so every state and billing mode exists:
// an active package with milestones in review, a paused hourly contract, a completed package, a
// contract cancelled before it started (its mission reopened) and a disputed package.
import { addDays, addHours, type SeedContext } from "./context";
import type { ContractMission, ContractMissionKey } from "./contract-missions";
import { addContract, type Party } from "./contract-rows";
import { addCalendarDays } from "./mission-schedule";
import type { SeedPlan } from "./plan-types";
import { addEntries, addMilestones, isoDay, pastSessionDays } from "./work-rows";

const letter =
  "Bonjour, j’ai mené plusieurs missions de ce type pour des entreprises comparables à la vôtre. Je peux m’y consacrer aux dates indiquées.";
const due = (source: ContractMission, days: number) =>
  isoDay(addCalendarDays(source.mission.startDate, days));

function clientFile(ctx: SeedContext, plan: SeedPlan, source: ContractMission, provider: Party) {
  const { contract } = addContract(ctx, plan, {
    source,
    provider,
    agency: null,
    status: "ACTIVE",
    prices: {
      milestones: [
        { title: "Fiches clients de A à L", amountCents: 30_000, dueDate: due(source, 10) },
        { title: "Fiches clients de M à Z", amountCents: 35_000, dueDate: due(source, 25) },
        { title: "Relances et liste des fiches incomplètes", amountCents: 25_000, dueDate: due(source, 38) },
      ],
    },
    coverLetter: letter,
  });
  addMilestones(ctx, plan, contract, { providerId: provider.userId, businessId: source.owner.ownerId }, [
    { status: "APPROVED", submittedDaysAgo: 12, auto: true },
    {
      status: "SUBMITTED",
      submittedDaysAgo: 2,
      note: "Fiches M à Z vérifiées : 412 fiches, 37 doublons supprimés.",
    },
    { status: "PLANNED" },
  ]);
}

function agenda(ctx: SeedContext, plan: SeedPlan, source: ContractMission, provider: Party) {
  const pausedAt = addHours(addDays(ctx.now, -5), -6);
  const { contract, assignees } = addContract(ctx, plan, {
    source,
    provider,
    agency: null,
    status: "PAUSED",
    prices: { hourlyRateCents: 2700 },
    coverLetter: letter,
    end: {
      event: "PAUSE",
      actor: "BUSINESS",
      at: pausedAt,
      reason: "Fermeture annuelle pendant deux semaines : nous reprenons ensuite.",
    },
  });
  const days = pastSessionDays(contract, isoDay(pausedAt));
  addEntries(ctx, plan, {
    contract,
    assignee: assignees[0]!,
    days,
    businessUserId: source.owner.ownerId,
    kind: "TIME",
    minutes: [150, 180],
    descriptions: ["Appels, messages et confirmations des rendez-vous du lendemain"],
    disputes:
      days.length > 4
        ? { [days.at(-4)!]: "Vous êtes partie à 11 h ce jour-là : deux heures, pas trois." }
        : {},
  });
}

function invoices(ctx: SeedContext, plan: SeedPlan, source: ContractMission, provider: Party) {
  const { contract } = addContract(ctx, plan, {
    source,
    provider,
    agency: null,
    status: "COMPLETED",
    prices: {
      milestones: [
        { title: "Saisie des factures d’achat", amountCents: 24_000, dueDate: due(source, 20) },
        {
          title: "Saisie des ventes et rapprochement bancaire",
          amountCents: 24_000,
          dueDate: due(source, 44),
        },
      ],
    },
    coverLetter: letter,
    end: { event: "COMPLETE", actor: "BUSINESS", at: addDays(ctx.now, -10), reason: null },
  });
  addMilestones(ctx, plan, contract, { providerId: provider.userId, businessId: source.owner.ownerId }, [
    { status: "APPROVED", submittedDaysAgo: 30 },
    { status: "APPROVED", submittedDaysAgo: 19, auto: true },
  ]);
}

function typing(ctx: SeedContext, plan: SeedPlan, source: ContractMission, provider: Party) {
  addContract(ctx, plan, {
    source,
    provider,
    agency: null,
    status: "CANCELLED",
    prices: { taskPrices: [{ task: "PAGE_TYPED", unitPriceCents: 350 }] },
    coverLetter: letter,
    // The same instant the mission was reopened (contract-missions.ts: six days ago, minus 4 h).
    end: {
      event: "CANCEL",
      actor: "PROVIDER",
      at: addHours(addDays(ctx.now, -6), -4),
      reason: "Un imprévu familial : je ne serai finalement pas disponible à ces dates.",
    },
  });
}

function templates(ctx: SeedContext, plan: SeedPlan, source: ContractMission, provider: Party) {
  const { contract } = addContract(ctx, plan, {
    source,
    provider,
    agency: null,
    status: "DISPUTED",
    prices: {
      milestones: [
        { title: "Modèles de courriers", amountCents: 42_000, dueDate: due(source, 15) },
        { title: "Modèles de devis", amountCents: 30_000, dueDate: due(source, 30) },
      ],
    },
    coverLetter: letter,
    end: {
      event: "DISPUTE",
      actor: "BUSINESS",
      at: addDays(ctx.now, -4),
      reason:
        "Les modèles de devis ne reprennent pas nos mentions obligatoires : nous demandons une reprise.",
    },
  });
  addMilestones(ctx, plan, contract, { providerId: provider.userId, businessId: source.owner.ownerId }, [
    { status: "APPROVED", submittedDaysAgo: 18 },
    {
      status: "DISPUTED",
      submittedDaysAgo: 6,
      disputeReason: "Mentions légales absentes des devis (assurance décennale, médiateur).",
    },
  ]);
}

const builders = { clientFile, agenda, invoices, typing, templates } as const;

/** `providers` is never empty; with few secretaries in the plan, one may hold several contracts. */
export function addGeneratedContracts(
  ctx: SeedContext,
  plan: SeedPlan,
  missions: Partial<Record<ContractMissionKey, ContractMission>>,
  providers: Party[],
): void {
  Object.entries(builders).forEach(([key, build], index) => {
    const source = missions[key as ContractMissionKey];
    if (source) build(ctx, plan, source, providers[index % providers.length]!);
  });
}
