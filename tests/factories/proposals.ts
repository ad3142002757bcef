// Proposals written straight to the database (the bid form is tested on its own), and the
// parties the proposal tests need.
import { CURRENT_PLEDGE_VERSION } from "#app/domain/confidentiality/pledge-text";
import { db } from "#app/lib/db.server";
import { openMission, type MissionSpec } from "#tests/factories/mission-rows";
import { createBusiness, createSecretary } from "#tests/factories/users";

export async function publishedSecretary(displayName = "Claire Morel") {
  return createSecretary({ status: "PUBLISHED", displayName });
}

/** A business and one of its OPEN public missions (approved by staff, as production does). */
export async function openMissionWithBusiness(spec: MissionSpec = {}) {
  const business = await createBusiness({ organizationName: "Cabinet Lefèvre", displayName: "Anne Lefèvre" });
  const mission = await openMission(business, spec);
  return { business, mission };
}

export async function createBid(
  missionId: string,
  bidder: { id: string },
  overrides: Partial<{ status: string; origin: string; hourlyRateCents: number; createdById: string }> = {},
) {
  const status = overrides.status ?? "SUBMITTED";
  const live = status === "SUBMITTED" || status === "SHORTLISTED";
  return db.proposal.create({
    data: {
      missionId,
      origin: overrides.origin ?? "BID",
      bidderKey: `user:${bidder.id}`,
      bidderUserId: bidder.id,
      createdById: overrides.createdById ?? bidder.id,
      status,
      live: live ? true : null,
      coverLetter: "Secrétaire médicale depuis dix ans, habituée à Doctolib.",
      hourlyRateCents: overrides.hourlyRateCents ?? 3000,
      startDate: new Date("2027-01-04T00:00:00Z"),
      availabilityConfirmed: true,
    },
    select: { id: true, status: true },
  });
}

export async function signPledgeFor(userId: string) {
  await db.confidentialityPledge.create({
    data: { userId, version: CURRENT_PLEDGE_VERSION, fullName: "Claire Morel" },
  });
}
