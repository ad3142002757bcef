// Mission rows for the review and search tests, written straight to the database (the posting
// form is another feature's): a mission as a business would have submitted it, and one approved
// by staff through transitionMission (which writes the outbox row) for the search index.
import { lookupPostcode } from "#app/domain/geo/geo.server";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { transitionMission } from "#app/domain/missions/mission-transition.server";
import { db } from "#app/lib/db.server";
import { createBusiness, createStaff } from "#tests/factories/users";

export type MissionSpec = Partial<
  Omit<Prisma.MissionUncheckedCreateInput, "organizationId" | "createdById">
> & {
  /** Sets postcode, commune, INSEE code and coordinates from the offline postcode table. */
  place?: string;
};

export async function missionBusiness(organizationName = "Cabinet Dupont", displayName = "Hélène Dupont") {
  return createBusiness({ organizationName, displayName });
}

function placeOf(postcode: string) {
  const commune = lookupPostcode(postcode)[0];
  if (!commune) throw new Error(`unknown postcode ${postcode}`);
  return {
    postcode,
    commune: commune.name,
    inseeCode: commune.inseeCode,
    latitude: commune.latitude,
    longitude: commune.longitude,
  };
}

export async function createMission(
  business: { id: string; organization: { id: string } },
  { place, ...spec }: MissionSpec = {},
) {
  return db.mission.create({
    data: {
      organizationId: business.organization.id,
      createdById: business.id,
      status: "PENDING_REVIEW",
      title: "Accueil téléphonique du cabinet",
      description:
        "Prendre les appels des patients, fixer les rendez-vous dans Doctolib, filtrer les urgences.",
      skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING"],
      billingMode: "HOURLY",
      maxHourlyRateCents: 3000,
      expectedHours: 20,
      expectedHoursPer: "WEEK",
      scheduleType: "ONE_OFF",
      startDate: new Date("2027-01-04T00:00:00Z"),
      workMode: "REMOTE",
      submittedAt: new Date(),
      ...(place ? placeOf(place) : {}),
      ...spec,
    },
    select: { id: true, title: true, status: true },
  });
}

let staffId: string | undefined;

/** Submitted then approved by staff, as production does: the outbox row is written by the transition. */
export async function openMission(
  business: { id: string; organization: { id: string } },
  spec: MissionSpec = {},
) {
  staffId ??= (await createStaff("MODERATOR", { displayName: "Équipe Missions" })).id;
  const mission = await createMission(business, { ...spec, status: "PENDING_REVIEW" });
  await db.$transaction((tx) =>
    transitionMission(tx, { missionId: mission.id, event: "APPROVE", actor: { id: staffId!, as: "STAFF" } }),
  );
  if (spec.publishedAt) {
    await db.mission.update({ where: { id: mission.id }, data: { publishedAt: spec.publishedAt } });
  }
  return mission;
}
