// Missions written straight to the database in any status (the posting form is tested separately).
import { db } from "#app/lib/db.server";

type MissionOverrides = Partial<{
  status: string;
  visibility: string;
  scheduleType: string;
  rrule: string | null;
  timeWindows: { start: string; end: string }[];
  startDate: Date;
  endDate: Date | null;
  handoverNotes: string | null;
  callScript: string | null;
  medicalSecrecy: boolean;
  title: string;
}>;

export async function createMission(
  business: { id: string; organization: { id: string } },
  overrides: MissionOverrides = {},
) {
  return db.mission.create({
    data: {
      organizationId: business.organization.id,
      createdById: business.id,
      title: "Accueil téléphonique du matin",
      description: "Répondre aux appels des patients et prendre les rendez-vous.",
      skills: ["PHONE_ANSWERING"],
      languages: ["fr"],
      billingMode: "HOURLY",
      maxHourlyRateCents: 3500,
      expectedHours: 20,
      expectedHoursPer: "MONTH",
      scheduleType: "ONE_OFF",
      startDate: new Date("2027-01-05T00:00:00Z"),
      endDate: new Date("2027-01-09T00:00:00Z"),
      workMode: "REMOTE",
      ...overrides,
      status: overrides.status ?? "DRAFT",
    },
    select: { id: true, status: true },
  });
}
