// Use cases of the mission posting form and the mission pages. The organisation a mission belongs
// to always comes from the actor's memberships, never from a posted id.
import { resolveAddress } from "#app/domain/geo/geo.server";
import { addressProblem } from "#app/domain/organizations/address-messages";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import type { MissionEvent } from "./mission-machine";
import { transitionMission } from "./mission-transition.server";
import {
  canEdit,
  canPost,
  canView,
  EDIT_FORBIDDEN_MESSAGE,
  EMAIL_NOT_VERIFIED_MESSAGE,
  isMissionMember,
  POST_FORBIDDEN_MESSAGE,
  type MissionViewer,
} from "./missions.policy";
import * as repo from "./missions.repo.server";
import type { MissionInput } from "./missions.schema";

export const missionNotFound = () => new DomainError("NOT_FOUND", "Cette mission est introuvable.");
export const NOT_DRAFT_MESSAGE =
  "Cette mission n’est plus un brouillon : elle ne peut plus être modifiée. Annulez-la et publiez-en une nouvelle si besoin.";

export type SaveMissionResult =
  | { ok: true; missionId: string; submitted: boolean }
  | { ok: false; fieldErrors?: Record<string, string[]>; formErrors?: string[] };

/** The viewer as the policy sees it; null for an anonymous visitor. */
export async function missionViewer(user: { id: string } | null): Promise<MissionViewer> {
  if (!user) return null;
  const account = await repo.findPosterAccount(user.id);
  if (!account) return null;
  return { id: account.id, role: account.role, businessIds: account.organizations.map((o) => o.id) };
}

async function requirePoster(actorId: string) {
  const account = await repo.findPosterAccount(actorId);
  const organization = account?.organizations[0];
  if (!account || !organization) throw new DomainError("FORBIDDEN", POST_FORBIDDEN_MESSAGE);
  return { ...account, organization };
}

export async function getPostingForm({ actorId }: { actorId: string }) {
  const poster = await requirePoster(actorId);
  return { organizationName: poster.organization.name, emailVerified: poster.emailVerified };
}

type Located =
  { ok: true; data: repo.MissionContentData } | { ok: false; fieldErrors: Record<string, string[]> };

/** The form's values as a row; the commune is resolved from the postcode when not remote. */
function toContentData(input: MissionInput): Located {
  const { intent: _intent, startDate, endDate, proposalDeadline, postcode, commune, ...content } = input;
  const dates = {
    startDate: new Date(`${startDate}T00:00:00Z`),
    endDate: endDate ? new Date(`${endDate}T00:00:00Z`) : null,
    proposalDeadline: proposalDeadline ? new Date(`${proposalDeadline}T00:00:00Z`) : null,
  };
  const none = { postcode: null, commune: null, inseeCode: null, latitude: null, longitude: null };
  if (input.workMode === "REMOTE" || !postcode) return { ok: true, data: { ...content, ...dates, ...none } };
  const resolution = resolveAddress({ postcode, commune });
  if (!resolution.ok) {
    const problem = addressProblem(resolution, postcode);
    return { ok: false, fieldErrors: { [problem.field]: [problem.message] } };
  }
  const { name, inseeCode, latitude, longitude } = resolution.commune;
  return {
    ok: true,
    data: { ...content, ...dates, postcode, commune: name, inseeCode, latitude, longitude },
  };
}

/** Creates a draft; intent "submit" also sends it to review in the same transaction. */
export async function postMission({
  actorId,
  input,
}: {
  actorId: string;
  input: MissionInput;
}): Promise<SaveMissionResult> {
  const poster = await requirePoster(actorId);
  if (input.intent === "submit" && !poster.emailVerified)
    return { ok: false, formErrors: [EMAIL_NOT_VERIFIED_MESSAGE] };
  const located = toContentData(input);
  if (!located.ok) return located;
  return db.$transaction(async (tx) => {
    const { id } = await repo.createMission(tx, {
      organizationId: poster.organization.id,
      createdById: actorId,
      data: located.data,
    });
    if (input.intent === "submit") {
      await transitionMission(tx, { missionId: id, event: "SUBMIT", actor: { id: actorId, as: "OWNER" } });
    }
    return { ok: true, missionId: id, submitted: input.intent === "submit" };
  });
}

/** The mission an actor may edit, or the matching error (404 hidden, 403 not hers, 409 not a draft). */
async function requireEditable(actorId: string, missionId: string) {
  const viewer = await missionViewer({ id: actorId });
  const mission = await repo.findMissionAccess(missionId);
  if (!mission) throw missionNotFound();
  const check = canEdit(viewer, mission);
  if (!check.ok && check.reason === "HIDDEN") throw missionNotFound();
  if (!check.ok && check.reason === "NOT_MEMBER") throw new DomainError("FORBIDDEN", EDIT_FORBIDDEN_MESSAGE);
  if (!check.ok) throw new DomainError("CONFLICT", NOT_DRAFT_MESSAGE);
  return { viewer, mission };
}

export async function getMissionEditor({ actorId, missionId }: { actorId: string; missionId: string }) {
  await requireEditable(actorId, missionId);
  const record = await repo.findMissionRecord(missionId);
  if (!record) throw missionNotFound();
  const account = await repo.findPosterAccount(actorId);
  return {
    mission: record,
    postcode: await repo.findMissionPostcode(missionId),
    emailVerified: account?.emailVerified ?? false,
  };
}

export async function updateDraftMission(args: {
  actorId: string;
  missionId: string;
  input: MissionInput;
}): Promise<SaveMissionResult> {
  const { actorId, missionId, input } = args;
  await requireEditable(actorId, missionId);
  const account = await repo.findPosterAccount(actorId);
  if (input.intent === "submit" && !account?.emailVerified)
    return { ok: false, formErrors: [EMAIL_NOT_VERIFIED_MESSAGE] };
  const located = toContentData(input);
  if (!located.ok) return located;
  return db.$transaction(async (tx) => {
    if (!(await repo.updateDraftContent(tx, missionId, located.data)))
      throw new DomainError("CONFLICT", NOT_DRAFT_MESSAGE);
    if (input.intent === "submit") {
      await transitionMission(tx, { missionId, event: "SUBMIT", actor: { id: actorId, as: "OWNER" } });
    }
    return { ok: true, missionId, submitted: input.intent === "submit" };
  });
}

export type OwnerEvent = Extract<MissionEvent, "SUBMIT" | "CLOSE" | "CANCEL">;

/** The business submits, closes or cancels its mission (the transition table decides from where). */
export async function changeMissionStatus(args: { actorId: string; missionId: string; event: OwnerEvent }) {
  const viewer = await missionViewer({ id: args.actorId });
  const mission = await repo.findMissionAccess(args.missionId);
  if (!mission || !canView(viewer, mission)) throw missionNotFound();
  if (!isMissionMember(viewer, mission)) {
    throw new DomainError(
      "FORBIDDEN",
      "Seule l’entreprise qui a publié cette mission peut changer son état.",
    );
  }
  if (args.event === "SUBMIT") {
    const account = await repo.findPosterAccount(args.actorId);
    if (!account?.emailVerified) throw new DomainError("FORBIDDEN", EMAIL_NOT_VERIFIED_MESSAGE);
  }
  return db.$transaction((tx) =>
    transitionMission(tx, {
      missionId: mission.id,
      event: args.event,
      actor: { id: args.actorId, as: "OWNER" },
    }),
  );
}

/** /compte/missions: the missions of the actor's businesses. */
export async function listOwnMissions({ actorId }: { actorId: string }) {
  const viewer = await missionViewer({ id: actorId });
  if (!canPost(viewer)) throw new DomainError("FORBIDDEN", POST_FORBIDDEN_MESSAGE);
  const rows = await repo.listMissionsOfOrganizations([...viewer!.businessIds]);
  return rows.map(({ organization, startDate, updatedAt, ...row }) => ({
    ...row,
    organizationName: organization.name,
    startDate: startDate.toISOString().slice(0, 10),
    updatedAt: updatedAt.toISOString(),
  }));
}
