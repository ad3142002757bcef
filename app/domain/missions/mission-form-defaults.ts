// A stored draft shown back in the posting form (/missions/:id/modifier). Client-safe.
import { centsToInput } from "#app/domain/profiles/profile-form-defaults";
import type { MissionRecord } from "./missions.repo.server";
import { weekdaysOfRule } from "./schedule";

export function toMissionFormDefaults(
  mission: Omit<MissionRecord, "organizationId">,
  postcode: string | null,
) {
  const [window1, window2] = mission.timeWindows;
  return {
    title: mission.title,
    description: mission.description,
    skills: mission.skills,
    sector: mission.sector ?? undefined,
    languages: mission.languages,
    billingMode: mission.billingMode,
    taskLines: Object.fromEntries(
      mission.taskLines.map((line) => [
        line.task,
        { unitPrice: centsToInput(line.unitPriceCents), monthlyVolume: String(line.monthlyVolume) },
      ]),
    ),
    maxHourlyRate: centsToInput(mission.maxHourlyRateCents),
    expectedHours: mission.expectedHours === null ? undefined : String(mission.expectedHours),
    expectedHoursPer: mission.expectedHoursPer ?? undefined,
    fixedAmount: centsToInput(mission.fixedAmountCents),
    deliverables: mission.deliverables ?? undefined,
    scheduleType: mission.scheduleType,
    startDate: mission.startDate,
    endDate: mission.endDate ?? undefined,
    weekdays: mission.rrule ? weekdaysOfRule(mission.rrule) : [],
    window1,
    window2,
    handoverNotes: mission.handoverNotes ?? undefined,
    callScript: mission.callScript ?? undefined,
    urgentRouting: mission.urgentRouting ?? undefined,
    toolsToUse: mission.toolsToUse ?? undefined,
    workMode: mission.workMode,
    postcode: postcode ?? undefined,
    commune: mission.commune ?? undefined,
    medicalSecrecy: mission.medicalSecrecy ? "on" : undefined,
    visibility: mission.visibility,
    proposalDeadline: mission.proposalDeadline ?? undefined,
  };
}
