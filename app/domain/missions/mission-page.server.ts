// What /missions/:id and its .ics download show, built from the record the viewer may see.
import { getEnv } from "#app/lib/env.server";
import { missionCalendar } from "./mission-calendar";
import { budgetSummary, scheduleSummary, taskLineRows } from "./mission-labels";
import { getVisibleMission, proposalPanel } from "#app/domain/proposals/mission-access.server";
import { missionViewer } from "./missions.server";
import { nextSessions } from "./schedule";

type SessionUser = { id: string } | null;
export const NEXT_DATES_SHOWN = 5;

export async function getMissionPage({
  user,
  missionId,
  now = new Date(),
}: {
  user: SessionUser;
  missionId: string;
  now?: Date;
}) {
  const viewer = await missionViewer(user);
  const access = await getVisibleMission(viewer, missionId);
  const { mission, isOwner, instructions } = access;
  const { organizationId: _org, rrule, ...shown } = mission;
  const next =
    mission.scheduleType === "RECURRING" && rrule
      ? nextSessions(
          { rrule, startDate: mission.startDate, timeWindows: mission.timeWindows },
          now,
          NEXT_DATES_SHOWN,
        )
      : [];
  return {
    mission: shown,
    isOwner,
    instructions,
    descriptionHidden: access.descriptionHidden,
    proposals: await proposalPanel(viewer, mission, access),
    budget: budgetSummary(mission),
    taskRows: mission.billingMode === "PER_TASK" ? taskLineRows(mission.taskLines) : [],
    schedule: scheduleSummary(mission),
    nextSessions: next.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })),
  };
}

export async function getMissionIcs({
  user,
  missionId,
  now = new Date(),
}: {
  user: SessionUser;
  missionId: string;
  now?: Date;
}) {
  const viewer = await missionViewer(user);
  const { mission } = await getVisibleMission(viewer, missionId);
  const url = `${getEnv().appUrl}/missions/${mission.id}`;
  return missionCalendar({ ...mission, url }, now);
}
