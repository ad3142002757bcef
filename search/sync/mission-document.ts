// From a Mission row (with its business's name) to what the "missions" index holds. Public fields
// only: the handover notes, the call script, the urgent routing, the tools, the postcode, the
// INSEE code and the exact coordinates are not even selected (coordinates are read only to be
// rounded), so they cannot reach a document by mistake; a medical-secrecy description is left out.
import type { Prisma } from "#app/generated/prisma/client.ts";
import { missionBudgetCents, storedTaskLines } from "#app/domain/missions/mission-columns";
import { storedLanguages, storedSkills } from "#app/domain/profiles/profile-columns";
import { skillLabels } from "#app/domain/profiles/taxonomy";
import type { Tx } from "#app/lib/db.server";
import { missionDocumentSchema, roundCoordinate, type MissionDocument } from "../documents";
import { enqueueSearchUpdates } from "./outbox";

export const missionSourceSelect = {
  id: true,
  status: true,
  visibility: true,
  hiddenAt: true,
  title: true,
  description: true,
  medicalSecrecy: true,
  skills: true,
  sector: true,
  languages: true,
  billingMode: true,
  taskLines: true,
  maxHourlyRateCents: true,
  fixedAmountCents: true,
  scheduleType: true,
  startDate: true,
  workMode: true,
  commune: true,
  // Read only to be rounded to the 500 m grid below; never copied as is.
  latitude: true,
  longitude: true,
  publishedAt: true,
  organization: { select: { name: true } },
} satisfies Prisma.MissionSelect;

export type MissionSourceRow = Prisma.MissionGetPayload<{ select: typeof missionSourceSelect }>;

/** Rows that have a document: the same rule as `isListedMission`, as a Prisma filter. */
export const listedMissionsWhere = {
  status: "OPEN",
  visibility: "PUBLIC",
  hiddenAt: null,
} satisfies Prisma.MissionWhereInput;

export type MissionDocumentChange =
  { action: "upsert"; document: MissionDocument } | { action: "remove"; id: string };

/**
 * Only an open public mission is searchable; an invite-only one is shown to invited secretaries
 * only, and one hidden by moderation to nobody.
 */
export function isListedMission(
  row: Pick<MissionSourceRow, "status" | "visibility"> & { hiddenAt?: Date | null },
): boolean {
  return (
    row.status === listedMissionsWhere.status &&
    row.visibility === listedMissionsWhere.visibility &&
    !row.hiddenAt
  );
}

export function toMissionChange(row: MissionSourceRow): MissionDocumentChange {
  return isListedMission(row)
    ? { action: "upsert", document: toMissionDocument(row) }
    : { action: "remove", id: row.id };
}

/** A point only when the work happens (at least partly) on site, and then on the 500 m grid. */
function roundedPlace(row: MissionSourceRow): MissionDocument["_geo"] {
  if (row.workMode === "REMOTE" || row.latitude === null || row.longitude === null) return null;
  return { lat: roundCoordinate(row.latitude), lng: roundCoordinate(row.longitude) };
}

/** The enums are checked by the document schema: a corrupt row fails loudly rather than indexing junk. */
export function toMissionDocument(row: MissionSourceRow): MissionDocument {
  const skills = storedSkills.parse(row.skills);
  const taskLines = storedTaskLines.parse(row.taskLines);
  return missionDocumentSchema.parse({
    id: row.id,
    title: row.title,
    // Under medical secrecy the description is for pledged secretaries only (as on the mission
    // page), so it is neither shown in results nor searchable.
    description: row.medicalSecrecy ? "" : row.description,
    skills,
    skillLabels: skills.map((skill) => skillLabels[skill]),
    sector: row.sector,
    billingMode: row.billingMode,
    budgetCents: missionBudgetCents({ ...row, taskLines }),
    scheduleType: row.scheduleType,
    workMode: row.workMode,
    languages: storedLanguages.parse(row.languages),
    commune: row.workMode === "REMOTE" ? null : row.commune,
    _geo: roundedPlace(row),
    startDate: row.startDate.getTime(),
    businessName: row.organization.name,
    createdAt: row.publishedAt?.getTime() ?? 0,
  });
}

/**
 * The business's name is on its missions' documents: a change to the organization (name) must
 * enqueue them, in the same transaction. Only listed missions have a document to refresh.
 */
export async function enqueueOrganizationMissions(tx: Tx, organizationId: string): Promise<void> {
  const missions = await tx.mission.findMany({
    where: { organizationId, ...listedMissionsWhere },
    select: { id: true },
  });
  await enqueueSearchUpdates(
    tx,
    "missions",
    missions.map((mission) => mission.id),
  );
}
