// A profile's past: when it was created, submitted and reviewed, with the history rows the
// status machine would have written. Each step is checked against the real transition table.
import {
  checkProfileTransition,
  type ProfileActor,
  type ProfileEvent,
} from "#app/domain/profiles/profile-machine";
import { addDays, addHours, type SeedContext } from "./context";
import type { SeededStatus, StatusChangeRow } from "./plan-types";

const rejectionReasons = [
  "La présentation est trop courte : décrivez vos missions habituelles et votre expérience.",
  "Merci de retirer votre numéro de téléphone de la présentation : les échanges passent par la messagerie.",
  "Le tarif horaire ne correspond pas aux prestations décrites. Merci de le vérifier.",
  "Précisez les logiciels que vous maîtrisez et vos disponibilités.",
];

export type Timeline = {
  createdAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  changes: StatusChangeRow[];
};

type Step = { event: ProfileEvent; from: SeededStatus; at: Date; reason?: string };

/** Status changes that lead to `status`; a few published profiles were rejected once first. */
function steps(ctx: SeedContext, status: SeededStatus, createdAt: Date): Step[] {
  const { random, now } = ctx;
  if (status === "DRAFT") return [];
  if (status === "PENDING_REVIEW") {
    return [{ event: "SUBMIT", from: "DRAFT", at: addHours(now, -random.int(2, 6 * 24)) }];
  }
  const submitted = addHours(createdAt, random.int(1, 10 * 24));
  const reviewed = addHours(submitted, random.int(2, 72));
  const reason = random.pick(rejectionReasons);
  if (status === "REJECTED") {
    return [
      { event: "SUBMIT", from: "DRAFT", at: submitted },
      { event: "REJECT", from: "PENDING_REVIEW", at: reviewed, reason },
    ];
  }
  if (!random.chance(0.08)) {
    return [
      { event: "SUBMIT", from: "DRAFT", at: submitted },
      { event: "APPROVE", from: "PENDING_REVIEW", at: reviewed },
    ];
  }
  const resubmitted = addHours(reviewed, random.int(4, 96));
  return [
    { event: "SUBMIT", from: "DRAFT", at: submitted },
    { event: "REJECT", from: "PENDING_REVIEW", at: reviewed, reason },
    { event: "SUBMIT", from: "REJECTED", at: resubmitted },
    { event: "APPROVE", from: "PENDING_REVIEW", at: addHours(resubmitted, random.int(2, 48)) },
  ];
}

/** The owner submits; the moderator approves or rejects. */
function toChange(
  ctx: SeedContext,
  ids: { profileId: string; ownerId: string },
  step: Step,
): StatusChangeRow {
  const actor: ProfileActor = step.event === "SUBMIT" ? "OWNER" : "STAFF";
  const check = checkProfileTransition(step.from, step.event, actor, step.reason);
  if (!check.ok)
    throw new Error(`Historique impossible : ${step.event} depuis ${step.from} (${check.reason})`);
  return {
    id: ctx.random.uuid(),
    profileId: ids.profileId,
    from: step.from,
    to: check.to as SeededStatus,
    actorId: actor === "OWNER" ? ids.ownerId : ctx.moderatorId,
    reason: step.reason ?? null,
    createdAt: step.at,
  };
}

/** Accounts created over the last 18 months (at least three weeks ago, so reviews are over). */
export function timeline(
  ctx: SeedContext,
  status: SeededStatus,
  ids: { profileId: string; ownerId: string },
): Timeline {
  const createdAt = addHours(addDays(ctx.now, -ctx.random.int(21, 540)), -ctx.random.int(0, 23));
  const changes = steps(ctx, status, createdAt).map((step) => toChange(ctx, ids, step));
  const last = changes[changes.length - 1];
  const submits = changes.filter((change) => change.to === "PENDING_REVIEW");
  return {
    createdAt,
    submittedAt: submits[submits.length - 1]?.createdAt ?? null,
    publishedAt: status === "PUBLISHED" ? (last?.createdAt ?? null) : null,
    updatedAt: last?.createdAt ?? createdAt,
    changes,
  };
}

/** Badges and ratings only exist once a profile has been online for a while. */
export function reputation(ctx: SeedContext, status: SeededStatus) {
  const { random } = ctx;
  if (status !== "PUBLISHED") return { verified: false, ratingAverage: null, ratingCount: 0 };
  const rated = random.chance(0.55);
  return {
    verified: random.chance(0.35),
    ratingAverage: rated ? Math.round(random.triangular(3.6, 4.7, 5.0) * 10) / 10 : null,
    ratingCount: rated ? Math.round(random.triangular(1, 4, 60)) : 0,
  };
}
