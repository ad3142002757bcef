// A mission's past: when it was written, submitted, reviewed and ended, with the history rows
// transitionMission would have written. Each step is checked against the real transition table.
import {
  checkMissionTransition,
  type MissionActor,
  type MissionEvent,
  type MissionStatus,
} from "#app/domain/missions/mission-machine";
import { addDays, addHours, type SeedContext } from "./context";
import type { MissionStatusChangeRow, SeededMissionStatus } from "./plan-types";

export const changeRequests = [
  "Merci de préciser le volume d’appels attendu et les horaires de la permanence.",
  "La description contient un numéro de téléphone : les échanges passent par la messagerie. Merci de le retirer.",
  "Le budget indiqué est inférieur au SMIC horaire charges comprises : merci de le revoir.",
  "Précisez l’adresse d’intervention et les jours de présence pour une mission sur place.",
] as const;

export type MissionStep = { event: MissionEvent; at: Date; reason?: string };
type Step = MissionStep;

export type MissionHistory = {
  createdAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  /** Set only when the history fixes it: an expired mission's deadline has passed. */
  proposalDeadline: Date | null;
  changes: MissionStatusChangeRow[];
};

const actorOf: Record<MissionEvent, MissionActor> = {
  SUBMIT: "OWNER",
  CLOSE: "OWNER",
  CANCEL: "OWNER",
  APPROVE: "STAFF",
  REQUEST_CHANGES: "STAFF",
  OPEN_FOR_OFFER: "SYSTEM",
  FILL: "SYSTEM",
  REOPEN: "SYSTEM",
  EXPIRE: "SYSTEM",
};

/** Written, submitted and approved by `approvedAt`; one in ten was sent back once first. */
function publishedPath(ctx: SeedContext, approvedAt: Date): { createdAt: Date; steps: Step[] } {
  const { random } = ctx;
  const submitted = addHours(approvedAt, -random.int(2, 30));
  const steps: Step[] = [
    { event: "SUBMIT", at: submitted },
    { event: "APPROVE", at: approvedAt },
  ];
  let first = submitted;
  if (random.chance(0.1)) {
    const sentBack = addHours(submitted, -random.int(6, 72));
    first = addHours(sentBack, -random.int(2, 20));
    steps.unshift(
      { event: "SUBMIT", at: first },
      { event: "REQUEST_CHANGES", at: sentBack, reason: random.pick(changeRequests) },
    );
  }
  return { createdAt: addHours(first, -random.int(1, 72)), steps };
}

function path(
  ctx: SeedContext,
  status: SeededMissionStatus,
): { createdAt: Date; steps: Step[]; deadline: Date | null } {
  const { random, now } = ctx;
  const daysAgo = (min: number, max: number) => addHours(now, -random.int(min * 24, max * 24));
  let deadline: Date | null = null;
  switch (status) {
    case "DRAFT": {
      if (!random.chance(0.3)) return { createdAt: daysAgo(0, 20), steps: [] as Step[], deadline };
      const sentBack = daysAgo(1, 10);
      const submitted = addHours(sentBack, -random.int(2, 30));
      const steps: Step[] = [
        { event: "SUBMIT", at: submitted },
        { event: "REQUEST_CHANGES", at: sentBack, reason: random.pick(changeRequests) },
      ];
      return { createdAt: addHours(submitted, -random.int(1, 72)), steps, deadline };
    }
    case "PENDING_REVIEW": {
      const submitted = addHours(now, -random.int(2, 96));
      return {
        createdAt: addHours(submitted, -random.int(1, 72)),
        steps: [{ event: "SUBMIT", at: submitted }],
        deadline,
      };
    }
    case "OPEN":
      return { ...publishedPath(ctx, daysAgo(0.25, 30)), deadline };
    case "CLOSED": {
      const closed = daysAgo(1, 20);
      const published = publishedPath(ctx, addDays(closed, -random.int(5, 30)));
      return { ...published, steps: [...published.steps, { event: "CLOSE", at: closed }], deadline };
    }
    case "EXPIRED": {
      // The worker expires a mission a few hours after its proposal deadline.
      deadline = addHours(addDays(now, -random.int(2, 20)), -random.int(0, 12));
      const published = publishedPath(ctx, addDays(deadline, -random.int(10, 30)));
      const expired = addHours(deadline, random.int(1, 6));
      return { ...published, steps: [...published.steps, { event: "EXPIRE", at: expired }], deadline };
    }
    case "CANCELLED": {
      const cancelled = daysAgo(1, 20);
      if (random.chance(0.4)) {
        return {
          createdAt: addDays(cancelled, -random.int(1, 10)),
          steps: [{ event: "CANCEL", at: cancelled }],
          deadline,
        };
      }
      const published = publishedPath(ctx, addDays(cancelled, -random.int(3, 20)));
      return { ...published, steps: [...published.steps, { event: "CANCEL", at: cancelled }], deadline };
    }
    case "FILLED":
      // A filled mission needs its contract: demo-contracts.ts writes both together.
      throw new Error("Une mission pourvue se crée avec son contrat (demo-contracts.ts).");
  }
}

/** Plays the steps through the machine: a history it would refuse fails the seed, not the app. */
function toChanges(
  ctx: SeedContext,
  ids: { missionId: string; ownerId: string },
  steps: readonly Step[],
): MissionStatusChangeRow[] {
  let from: MissionStatus = "DRAFT";
  return steps.map((step) => {
    const actor = actorOf[step.event];
    const check = checkMissionTransition(from, step.event, actor, step.reason);
    if (!check.ok)
      throw new Error(`Historique de mission impossible : ${step.event} depuis ${from} (${check.reason})`);
    const row: MissionStatusChangeRow = {
      id: ctx.random.uuid(),
      missionId: ids.missionId,
      from,
      to: check.to,
      actorId: actor === "OWNER" ? ids.ownerId : actor === "STAFF" ? ctx.moderatorId : null,
      reason: step.reason ?? null,
      createdAt: step.at,
    };
    from = check.to;
    return row;
  });
}

/** The history rows and dates of a mission that went through `steps` (in order, from DRAFT). */
export function historyOf(
  ctx: SeedContext,
  ids: { missionId: string; ownerId: string },
  createdAt: Date,
  steps: readonly MissionStep[],
  proposalDeadline: Date | null = null,
): MissionHistory {
  const changes = toChanges(ctx, ids, steps);
  const lastAt = (event: MissionEvent) => steps.filter((step) => step.event === event).at(-1)?.at ?? null;
  return {
    createdAt,
    submittedAt: lastAt("SUBMIT"),
    publishedAt: lastAt("APPROVE"),
    updatedAt: steps.at(-1)?.at ?? createdAt,
    proposalDeadline,
    changes,
  };
}

export function missionHistory(
  ctx: SeedContext,
  status: SeededMissionStatus,
  ids: { missionId: string; ownerId: string },
): MissionHistory {
  const { createdAt, steps, deadline } = path(ctx, status);
  const history = historyOf(ctx, ids, createdAt, steps, deadline);
  const final = history.changes.at(-1)?.to ?? "DRAFT";
  if (final !== status) throw new Error(`Historique de mission incohérent : ${final} au lieu de ${status}`);
  return history;
}
