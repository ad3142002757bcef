import type * as MissionsRepo from "#app/domain/missions/missions.repo.server";
// The job that expires OPEN missions whose proposal deadline is over: real SQLite, the real
// transition (history, outbox) and the real embedded search engine drained by the real worker.
// The repo query is wrapped (same implementation) only to stage "changed meanwhile" and to watch
// batches and overlapping runs.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  deadlineCutoff,
  expireMissions,
  startMissionExpiry,
} from "#app/domain/missions/mission-expiry.server";
import * as repo from "#app/domain/missions/missions.repo.server";
import { db } from "#app/lib/db.server";
import { getSearchEngine } from "#search/engine-factory";
import { createMission, missionBusiness, openMission } from "#tests/factories/mission-rows";
import { drainSearchOutbox } from "#tests/factories/search-profiles";

vi.mock("#app/domain/missions/missions.repo.server", async (importOriginal) => {
  const actual = await importOriginal<typeof MissionsRepo>();
  return { ...actual, findOpenMissionIdsPastDeadline: vi.fn(actual.findOpenMissionIdsPastDeadline) };
});
const findPastDeadline = vi.mocked(repo.findOpenMissionIdsPastDeadline);

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
// 13:00 in Paris on 26 November 2026 (winter time, UTC+1).
const NOW = new Date("2026-11-26T12:00:00Z");

let business: Awaited<ReturnType<typeof missionBusiness>>;
beforeAll(async () => {
  business = await missionBusiness("Cabinet Expiré", "Inès Marchand");
});

afterEach(async () => {
  findPastDeadline.mockClear();
  // Each test counts only its own missions: leftovers are parked out of the job's reach.
  await db.mission.updateMany({ where: { status: "OPEN" }, data: { status: "CLOSED" } });
});

const statusOf = async (missionId: string) =>
  (await db.mission.findUniqueOrThrow({ where: { id: missionId }, select: { status: true } })).status;

const historyOf = (missionId: string) =>
  db.missionStatusChange.findMany({
    where: { missionId },
    orderBy: { createdAt: "asc" },
    select: { from: true, to: true, actorId: true, reason: true },
  });

const outboxCount = (missionId: string) =>
  db.searchOutbox.count({ where: { indexName: "missions", documentId: missionId } });

async function searchIds() {
  const engine = await getSearchEngine();
  const response = await engine.search<"missions">({
    index: "missions",
    text: "",
    filters: {},
    sort: "newest",
    facets: [],
    page: 1,
    perPage: 50,
  });
  return response.hits.map((hit) => hit.id);
}

const openWithDeadline = (iso: string | null, title = "Accueil téléphonique") =>
  createMission(business, {
    status: "OPEN",
    publishedAt: new Date(),
    title,
    proposalDeadline: iso ? day(iso) : null,
  });

describe("expireMissions", () => {
  it("expires an open mission past its deadline: status, history without actor, outbox, search", async () => {
    const mission = await openMission(business, {
      title: "Standard du cabinet",
      proposalDeadline: day("2026-11-25"),
    });
    await drainSearchOutbox();
    expect(await searchIds()).toContain(mission.id);
    expect(await outboxCount(mission.id)).toBe(0);

    expect(await expireMissions({ now: NOW })).toBe(1);

    expect(await statusOf(mission.id)).toBe("EXPIRED");
    expect((await historyOf(mission.id)).at(-1)).toEqual({
      from: "OPEN",
      to: "EXPIRED",
      actorId: null,
      reason: null,
    });
    expect(await outboxCount(mission.id)).toBe(1);
    await drainSearchOutbox();
    expect(await searchIds()).not.toContain(mission.id);
    expect(await outboxCount(mission.id)).toBe(0);
  });

  it("leaves missions whose deadline is today or later, and missions without a deadline", async () => {
    const today = await openWithDeadline("2026-11-26");
    const tomorrow = await openWithDeadline("2026-11-27");
    const none = await openWithDeadline(null);
    expect(await expireMissions({ now: NOW })).toBe(0);
    for (const mission of [today, tomorrow, none]) {
      expect(await statusOf(mission.id)).toBe("OPEN");
      expect(await historyOf(mission.id)).toEqual([]);
      expect(await outboxCount(mission.id)).toBe(0);
    }
    // Years later, a mission without a deadline is still open.
    expect(await expireMissions({ now: new Date("2040-01-01T12:00:00Z") })).toBe(2);
    expect(await statusOf(none.id)).toBe("OPEN");
  });

  it("leaves missions that are not open, whatever their deadline", async () => {
    const statuses = ["DRAFT", "PENDING_REVIEW", "FILLED", "CLOSED", "CANCELLED", "EXPIRED"];
    const missions = await Promise.all(
      statuses.map((status) => createMission(business, { status, proposalDeadline: day("2026-11-01") })),
    );
    expect(await expireMissions({ now: NOW })).toBe(0);
    expect(await Promise.all(missions.map((m) => statusOf(m.id)))).toEqual(statuses);
    for (const mission of missions) expect(await historyOf(mission.id)).toEqual([]);
  });

  it("a second run changes nothing", async () => {
    const mission = await openWithDeadline("2026-11-20");
    expect(await expireMissions({ now: NOW })).toBe(1);
    const history = await historyOf(mission.id);
    const outbox = await outboxCount(mission.id);
    expect(await expireMissions({ now: NOW })).toBe(0);
    expect(await statusOf(mission.id)).toBe("EXPIRED");
    expect(await historyOf(mission.id)).toEqual(history);
    expect(await outboxCount(mission.id)).toBe(outbox);
  });

  it("skips a mission changed or deleted since it was read, and expires the others", async () => {
    const closedMeanwhile = await createMission(business, {
      status: "CLOSED",
      proposalDeadline: day("2026-11-20"),
    });
    const due = await openWithDeadline("2026-11-20");
    findPastDeadline.mockResolvedValueOnce([closedMeanwhile.id, "mission-supprimee", due.id]);
    expect(await expireMissions({ now: NOW })).toBe(1);
    expect(await statusOf(closedMeanwhile.id)).toBe("CLOSED");
    expect(await historyOf(closedMeanwhile.id)).toEqual([]);
    expect(await statusOf(due.id)).toBe("EXPIRED");
  });

  it("works by batches of 100", async () => {
    const base = { organizationId: business.organization.id, createdById: business.id, status: "OPEN" };
    await db.mission.createMany({
      data: Array.from({ length: 205 }, (_, i) => ({
        ...base,
        title: `Mission ${i}`,
        description: "Prendre les appels du cabinet et fixer les rendez-vous des patients.",
        skills: ["PHONE_ANSWERING"],
        billingMode: "HOURLY",
        scheduleType: "ONE_OFF",
        startDate: day("2027-01-04"),
        workMode: "REMOTE",
        proposalDeadline: day("2026-11-10"),
      })),
    });
    expect(await expireMissions({ now: NOW })).toBe(205);
    expect(findPastDeadline.mock.calls.map((call) => call[1])).toEqual([100, 100, 100]);
    expect(await db.mission.count({ where: { title: { startsWith: "Mission " }, status: "EXPIRED" } })).toBe(
      205,
    );
  });
});

describe("the deadline is a whole day in Paris", () => {
  it.each([
    // Winter (UTC+1): 26 November ends at 23:00 UTC.
    ["2026-11-26", "2026-11-26T22:59:59Z", false],
    ["2026-11-26", "2026-11-26T23:00:00Z", true],
    // Summer (UTC+2): 14 July ends at 22:00 UTC.
    ["2026-07-14", "2026-07-14T21:59:59Z", false],
    ["2026-07-14", "2026-07-14T22:00:00Z", true],
  ])("deadline %s at %s: expired %s", async (deadline, at, expired) => {
    expect(deadlineCutoff(new Date(at)) > day(deadline)).toBe(expired);
    const mission = await openWithDeadline(deadline);
    expect(await expireMissions({ now: new Date(at) })).toBe(expired ? 1 : 0);
    expect(await statusOf(mission.id)).toBe(expired ? "EXPIRED" : "OPEN");
  });
});

describe("startMissionExpiry", () => {
  const silentLogger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

  it("runs on its timer, logs a failed run without stopping, and stops cleanly", async () => {
    const logger = silentLogger();
    let calls = 0;
    const now = () => (++calls === 1 ? new Date(Number.NaN) : NOW); // the first run fails
    const mission = await openWithDeadline("2026-11-20");
    const job = startMissionExpiry({ intervalMs: 10, now, logger });
    await vi.waitFor(async () => expect(await statusOf(mission.id)).toBe("EXPIRED"));
    await job.stop();
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith({ expired: 1 }, expect.any(String));
    const callsAtStop = calls;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(callsAtStop);
  });

  it("never overlaps two runs: runOnce waits for the run in progress", async () => {
    const actual = await vi.importActual<typeof repo>("#app/domain/missions/missions.repo.server");
    let active = 0;
    let maxActive = 0;
    findPastDeadline.mockImplementation(async (...args) => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 30));
      active -= 1;
      return actual.findOpenMissionIdsPastDeadline(...args);
    });
    try {
      await openWithDeadline("2026-11-20");
      const job = startMissionExpiry({ poll: false, now: () => NOW, logger: silentLogger() });
      const results = await Promise.all([job.runOnce(), job.runOnce(), job.runOnce()]);
      await job.stop();
      expect(maxActive).toBe(1);
      expect(results).toEqual([1, 0, 0]);
    } finally {
      findPastDeadline.mockImplementation(actual.findOpenMissionIdsPastDeadline);
    }
  });

  it("runOnce reports an error to its caller", async () => {
    const job = startMissionExpiry({ poll: false, now: () => new Date(Number.NaN), logger: silentLogger() });
    await expect(job.runOnce()).rejects.toThrow(RangeError);
    await job.stop();
  });
});
