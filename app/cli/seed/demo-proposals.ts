// Bids on the open public missions from the published secretaries (the demo ones where they fit:
// Claire and the agency on the Lyon practice's phone line), in the mission's billing mode, with the
// history the proposal machine writes; the cabinet's direct offer to Claire; and the signed
// confidentiality pledges that medical missions require. Distinct bidders per mission, so one
// live proposal per bidder per mission holds by construction.
import { CURRENT_PLEDGE_VERSION } from "#app/domain/confidentiality/pledge-text";
import { checkProposalTransition, type ProposalEvent } from "#app/domain/proposals/proposal-machine";
import { addHours, dayFrom, type SeedContext } from "./context";
import { blank } from "./demo-missions";
import { addCalendarDays } from "./mission-schedule";
import type { MissionRow, ProposalRow, SeedPlan } from "./plan-types";
import type { Weighted } from "./random";
import { demoParties, independentSecretaries, type Person } from "./seed-parties";
import { isoDay } from "./work-rows";

type Bidder = Person & { agency?: { id: string; memberIds: string[] }; hourlyRateCents?: number | null };
type Outcome = "SUBMITTED" | "SHORTLISTED" | "DECLINED" | "WITHDRAWN";

const outcomes: Weighted<Outcome> = [
  ["SUBMITTED", 50],
  ["SHORTLISTED", 20],
  ["DECLINED", 15],
  ["WITHDRAWN", 15],
];
const letters = [
  "Bonjour, votre annonce correspond à mon expérience : je travaille déjà pour des clients de votre secteur et je suis disponible aux horaires indiqués.",
  "Bonjour, secrétaire indépendante depuis plusieurs années, je maîtrise les outils que vous citez. Je peux commencer à la date prévue et m’adapter à vos consignes.",
  "Bonjour, je serais ravie de vous accompagner sur cette mission. Rigoureuse et réactive, je vous propose un premier échange pour caler l’organisation.",
] as const;
const declines = ["Nous avons retenu une candidature plus proche de nos horaires.", null] as const;
const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

/** The bid's prices, in the mission's billing mode, close to what the business asked. */
function pricesFor(ctx: SeedContext, mission: MissionRow, bidder: Bidder) {
  const none = { hourlyRateCents: null, taskPrices: [], fixedAmountCents: null, milestones: [] };
  if (mission.billingMode === "HOURLY") {
    const max = mission.maxHourlyRateCents!;
    return { ...none, hourlyRateCents: Math.min(max, roundTo(bidder.hourlyRateCents ?? max - 200, 50)) };
  }
  if (mission.billingMode === "PER_TASK") {
    const taskPrices = mission.taskLines.map((line) => ({
      task: line.task,
      unitPriceCents: roundTo(line.unitPriceCents * (0.9 + ctx.random.int(0, 20) / 100), 10),
    }));
    return { ...none, taskPrices };
  }
  const amount = roundTo(mission.fixedAmountCents! * (0.85 + ctx.random.int(0, 20) / 100), 1000);
  const dueDate = isoDay(mission.endDate ?? mission.startDate);
  return {
    ...none,
    fixedAmountCents: amount,
    milestones: [{ title: "Livraison complète", amountCents: amount, dueDate }],
  };
}

function addBid(ctx: SeedContext, plan: SeedPlan, mission: MissionRow, bidder: Bidder, outcome: Outcome) {
  const opened = mission.updatedAt.getTime();
  const createdAt = new Date(opened + ctx.random.float() * (ctx.now.getTime() - opened) * 0.7);
  const decidedAt = addHours(
    createdAt,
    Math.max(1, ((ctx.now.getTime() - createdAt.getTime()) / 3_600_000) * 0.5),
  );
  const id = ctx.random.uuid();
  const live = outcome === "SUBMITTED" || outcome === "SHORTLISTED";
  const row: ProposalRow = {
    id,
    missionId: mission.id,
    origin: "BID",
    bidderKey: bidder.agency ? `agency:${bidder.agency.id}` : `user:${bidder.userId}`,
    bidderUserId: bidder.userId,
    agencyId: bidder.agency?.id ?? null,
    memberIds: bidder.agency?.memberIds ?? [],
    status: outcome,
    live: live ? true : null,
    coverLetter: ctx.random.pick(letters),
    ...pricesFor(ctx, mission, bidder),
    startDate: mission.startDate,
    availabilityConfirmed: true,
    decisionMessage: outcome === "DECLINED" ? ctx.random.pick(declines) : null,
    createdById: bidder.userId,
    decidedAt: live ? null : decidedAt,
    createdAt,
    updatedAt: outcome === "SUBMITTED" ? createdAt : decidedAt,
  };
  plan.proposals.push(row);
  addBidHistory(ctx, plan, { row, mission, outcome, at: decidedAt });
}

const stepOf: Record<Outcome, [ProposalEvent, "BUSINESS" | "BIDDER"] | null> = {
  SUBMITTED: null,
  SHORTLISTED: ["SHORTLIST", "BUSINESS"],
  DECLINED: ["DECLINE", "BUSINESS"],
  WITHDRAWN: ["WITHDRAW", "BIDDER"],
};

/** The one history row a decided or shortlisted bid has, checked against the machine. */
function addBidHistory(
  ctx: SeedContext,
  plan: SeedPlan,
  bid: { row: ProposalRow; mission: MissionRow; outcome: Outcome; at: Date },
) {
  const step = stepOf[bid.outcome];
  if (!step) return;
  const check = checkProposalTransition("BID", "SUBMITTED", step[0], step[1]);
  if (!check.ok) throw new Error(`Historique de proposition impossible : ${step[0]}`);
  plan.proposalStatusChanges.push({
    id: ctx.random.uuid(),
    proposalId: bid.row.id,
    from: "SUBMITTED",
    to: check.to,
    actorId: step[1] === "BUSINESS" ? bid.mission.createdById : bid.row.bidderUserId,
    reason: bid.row.decisionMessage,
    createdAt: bid.at,
  });
}

/** The Lyon phone line gets the demo bidders; every other open public mission 2–4 generated ones. */
function addBids(ctx: SeedContext, plan: SeedPlan) {
  const { claire, agency } = demoParties(plan);
  const pool: Bidder[] = independentSecretaries(plan).map((p) => ({
    userId: p.userId,
    displayName: plan.users.find((u) => u.id === p.userId)!.displayName,
    hourlyRateCents: p.hourlyRateCents,
  }));
  const claireBidder: Bidder = { ...claire, hourlyRateCents: 3200 };
  const agencyBidder: Bidder = {
    ...agency.owner,
    agency: { id: agency.id, memberIds: agency.members.map((m) => m.userId) },
  };
  const open = plan.missions.filter((m) => m.status === "OPEN" && m.visibility === "PUBLIC");
  for (const mission of open) {
    const phoneLine =
      mission.organizationId === demoParties(plan).cabinet.organization.id &&
      mission.scheduleType === "RECURRING";
    if (phoneLine) {
      addBid(ctx, plan, mission, claireBidder, "SHORTLISTED");
      addBid(ctx, plan, mission, agencyBidder, "SUBMITTED");
    }
    const count = phoneLine ? 4 : ctx.random.int(2, 4);
    const bidders = ctx.random.shuffle(pool).slice(0, count);
    bidders.forEach((bidder, i) => {
      const outcome: Outcome = phoneLine
        ? (["SUBMITTED", "SUBMITTED", "DECLINED", "WITHDRAWN"] as const)[i]!
        : ctx.random.weighted(outcomes);
      addBid(ctx, plan, mission, bidder, outcome);
    });
  }
}

/** Hélène's direct offer to Claire: an invite-only mission opened for it, awaiting her answer. */
/** The invite-only mission the offers use case creates (remote, one-off, no review queue). */
function offerMission(
  ctx: SeedContext,
  cabinet: { organization: { id: string }; ownerId: string },
  sentAt: Date,
  startDate: Date,
): MissionRow {
  const mission: MissionRow = {
    ...blank,
    id: ctx.random.uuid(),
    organizationId: cabinet.organization.id,
    createdById: cabinet.ownerId,
    status: "OPEN",
    title: "Renfort du secrétariat pendant les vacances de Noël",
    description:
      "Pendant les congés de fin d’année, nous aimerions vous confier la prise de rendez-vous et le suivi des messages des patients, à distance, pendant deux semaines.",
    skills: ["APPOINTMENT_BOOKING", "PHONE_ANSWERING"],
    sector: "MEDICAL",
    billingMode: "HOURLY",
    maxHourlyRateCents: 3200,
    expectedHours: 30,
    expectedHoursPer: "MONTH",
    scheduleType: "ONE_OFF",
    startDate,
    endDate: addCalendarDays(startDate, 11),
    workMode: "REMOTE",
    medicalSecrecy: true,
    visibility: "INVITE_ONLY",
    proposalDeadline: startDate,
    submittedAt: sentAt,
    publishedAt: sentAt,
    createdAt: sentAt,
    updatedAt: sentAt,
  };
  return mission;
}

function addOffer(ctx: SeedContext, plan: SeedPlan) {
  const { cabinet, claire } = demoParties(plan);
  const sentAt = addHours(ctx.now, -26);
  const startDate = dayFrom(ctx.now, 21);
  const mission = offerMission(ctx, cabinet, sentAt, startDate);
  plan.missions.push(mission);
  plan.missionStatusChanges.push({
    id: ctx.random.uuid(),
    missionId: mission.id,
    from: "DRAFT",
    to: "OPEN",
    actorId: cabinet.ownerId,
    reason: null,
    createdAt: sentAt,
  });
  plan.proposals.push({
    id: ctx.random.uuid(),
    missionId: mission.id,
    origin: "OFFER",
    bidderKey: `user:${claire.userId}`,
    bidderUserId: claire.userId,
    agencyId: null,
    memberIds: [],
    status: "SUBMITTED",
    live: true,
    coverLetter:
      "Bonjour Claire, votre travail sur nos comptes rendus nous donne entière satisfaction : seriez-vous disponible pour ce renfort ?",
    hourlyRateCents: 3200,
    taskPrices: [],
    fixedAmountCents: null,
    milestones: [],
    startDate,
    availabilityConfirmed: false,
    decisionMessage: null,
    createdById: cabinet.ownerId,
    decidedAt: null,
    createdAt: sentAt,
    updatedAt: sentAt,
  });
}

/** Everyone bidding on or assigned to a medical mission signed the pledge before (Claire first). */
function addPledges(ctx: SeedContext, plan: SeedPlan) {
  const medical = new Set(plan.missions.filter((m) => m.medicalSecrecy).map((m) => m.id));
  const firstAt = new Map<string, Date>();
  const note = (userId: string, at: Date) => {
    const known = firstAt.get(userId);
    if (!known || at < known) firstAt.set(userId, at);
  };
  for (const p of plan.proposals.filter((p) => medical.has(p.missionId))) {
    for (const userId of p.agencyId ? p.memberIds : [p.bidderUserId]) note(userId, p.createdAt);
  }
  const contracts = new Map(plan.contracts.map((c) => [c.id, c]));
  for (const a of plan.assignees) {
    const contract = contracts.get(a.contractId)!;
    if (medical.has(contract.missionId)) note(a.userId, a.createdAt);
  }
  note(demoParties(plan).claire.userId, addHours(ctx.now, -24 * 90));
  for (const [userId, at] of firstAt) {
    const user = plan.users.find((u) => u.id === userId)!;
    plan.pledges.push({
      id: ctx.random.uuid(),
      userId,
      version: CURRENT_PLEDGE_VERSION,
      fullName: user.displayName,
      acceptedAt: addHours(at, -2),
    });
  }
}

export function addDemoProposals(ctx: SeedContext, plan: SeedPlan): void {
  // The offer first: its mission's id must not depend on how many secretaries bid before it.
  addOffer(ctx, plan);
  addBids(ctx, plan);
  addPledges(ctx, plan);
}
