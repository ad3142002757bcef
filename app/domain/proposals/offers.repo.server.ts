// Rows the direct offer reads and writes besides the proposal itself.
import { db, type Tx } from "#app/lib/db.server";
import type { OfferInput } from "./offers.schema";

export async function findOrganizationName(organizationId: string) {
  return db.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true } });
}

/** Only a published profile of an account in good standing receives offers. */
export async function findPublishedSecretary(slug: string) {
  const profile = await db.secretaryProfile.findFirst({
    where: { slug, status: "PUBLISHED", user: { suspendedAt: null } },
    select: { userId: true, user: { select: { displayName: true } } },
  });
  return profile ? { userId: profile.userId, displayName: profile.user.displayName } : null;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** An invite-only, remote, one-off mission; the offer is valid until its start day. */
export async function createOfferMission(
  tx: Tx,
  args: { organizationId: string; createdById: string; input: OfferInput },
) {
  const { input } = args;
  return tx.mission.create({
    data: {
      organizationId: args.organizationId,
      createdById: args.createdById,
      status: "DRAFT",
      title: input.title,
      description: input.description,
      skills: input.skills,
      languages: ["fr"],
      billingMode: input.billingMode,
      taskLines: input.taskLines,
      maxHourlyRateCents: input.hourlyRateCents,
      fixedAmountCents: input.fixedAmountCents,
      deliverables: input.billingMode === "FIXED" ? input.title : null,
      scheduleType: "ONE_OFF",
      startDate: day(input.startDate),
      endDate: day(input.endDate),
      workMode: "REMOTE",
      medicalSecrecy: input.medicalSecrecy,
      visibility: "INVITE_ONLY",
      openings: 1,
      proposalDeadline: day(input.startDate),
      submittedAt: new Date(),
    },
    select: { id: true },
  });
}
