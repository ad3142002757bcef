import { describe, expect, it } from "vitest";
import {
  EDIT_FORBIDDEN_MESSAGE,
  EMAIL_NOT_VERIFIED_MESSAGE,
  POST_FORBIDDEN_MESSAGE,
} from "#app/domain/missions/missions.policy";
import { missionMessages } from "#app/domain/missions/missions.schema";
import { NOT_DRAFT_MESSAGE } from "#app/domain/missions/missions.server";
import { addDays, parisToday } from "#app/domain/missions/schedule";
import { db } from "#app/lib/db.server";
import * as ownMissions from "#app/routes/compte+/missions";
import * as missionPage from "#app/routes/missions+/$missionId";
import * as missionIcs from "#app/routes/missions+/$missionId[.ics]";
import * as editMission from "#app/routes/missions+/$missionId_.modifier";
import * as newMission from "#app/routes/missions+/nouvelle";
import { createMission } from "#tests/factories/missions";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Fields = Record<string, string | string[] | undefined>;
const day = (n: number) => addDays(parisToday(), n);

const common: Fields = {
  intent: "save",
  title: "Accueil téléphonique du cabinet",
  description: "Répondre aux appels des patients et prendre les rendez-vous sur Doctolib.",
  skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING"],
  sector: "MEDICAL",
  languages: ["fr", "en"],
  workMode: "REMOTE",
  visibility: "PUBLIC",
};
const hourly: Fields = {
  billingMode: "HOURLY",
  maxHourlyRate: "35",
  expectedHours: "20",
  expectedHoursPer: "MONTH",
};
const oneOff: Fields = { scheduleType: "ONE_OFF", startDate: day(10), endDate: day(14) };
const valid: Fields = { ...common, ...hourly, ...oneOff };

const kinds: [string, Fields, Record<string, unknown>][] = [
  [
    "a one-off hourly mission",
    valid,
    { billingMode: "HOURLY", maxHourlyRateCents: 3500, scheduleType: "ONE_OFF", rrule: null },
  ],
  [
    "a recurring per-task mission",
    {
      ...common,
      billingMode: "PER_TASK",
      "taskLines.CALL_ANSWERED.unitPrice": "0,80",
      "taskLines.CALL_ANSWERED.monthlyVolume": "300",
      scheduleType: "RECURRING",
      startDate: day(7),
      weekdays: ["MO", "TH"],
      "window1.start": "09:00",
      "window1.end": "12:00",
      weeks: "8",
    },
    {
      billingMode: "PER_TASK",
      taskLines: [{ task: "CALL_ANSWERED", unitPriceCents: 80, monthlyVolume: 300 }],
      rrule: `FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=${day(7 + 55).replace(/-/g, "")}T235959Z`,
      timeWindows: [{ start: "09:00", end: "12:00" }],
    },
  ],
  [
    "an on-site fixed replacement",
    {
      ...common,
      billingMode: "FIXED",
      fixedAmount: "1 200",
      deliverables: "Tenir l’accueil pendant le congé.",
      scheduleType: "REPLACEMENT",
      startDate: day(30),
      endDate: day(60),
      handoverNotes: "Le classeur bleu est sur le bureau.",
      callScript: "Cabinet du Dr Martin, bonjour.",
      workMode: "ON_SITE",
      postcode: "69003",
      commune: "Lyon",
      medicalSecrecy: "on",
    },
    {
      fixedAmountCents: 120000,
      scheduleType: "REPLACEMENT",
      commune: "Lyon 3e Arrondissement",
      medicalSecrecy: true,
      handoverNotes: "Le classeur bleu est sur le bureau.",
    },
  ],
];

async function post(userId: string | undefined, fields: Fields) {
  return runRoute(newMission.action, await formRequest("/missions/nouvelle", fields, { userId }));
}
const missionCount = () => db.mission.count();
const statusOf = async (id: string) =>
  (await db.mission.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const page = async (id: string, userId?: string) =>
  runRoute(missionPage.loader, await getRequest(`/missions/${id}`, { userId }), { missionId: id });
const ics = async (id: string, userId?: string) =>
  runRoute(missionIcs.loader, await getRequest(`/missions/${id}.ics`, { userId }), { missionId: id });
const act = async (id: string, intent: string, userId?: string) =>
  runRoute(missionPage.action, await formRequest(`/missions/${id}`, { intent }, { userId }), {
    missionId: id,
  });
const edit = async (id: string, userId: string | undefined, fields: Fields = valid) =>
  runRoute(editMission.action, await formRequest(`/missions/${id}/modifier`, fields, { userId }), {
    missionId: id,
  });

describe("/missions/nouvelle: posting", () => {
  it.each(kinds)("posts %s as a draft of the user's business", async (_name, fields, expected) => {
    const business = await createBusiness();
    const result = await post(business.id, fields);
    expect(result.status).toBe(302);
    const mission = await db.mission.findFirstOrThrow({
      where: { organizationId: business.organization.id },
    });
    expect(result.location).toBe(`/missions/${mission.id}?enregistree=1`);
    expect(mission).toMatchObject({ status: "DRAFT", createdById: business.id, ...expected });
  });

  it("saves and submits in one go, with the history row", async () => {
    const business = await createBusiness();
    const result = await post(business.id, { ...valid, intent: "submit" });
    expect(result.location).toMatch(/\?envoyee=1$/);
    const mission = await db.mission.findFirstOrThrow({
      where: { organizationId: business.organization.id },
      select: { id: true, status: true, submittedAt: true },
    });
    expect(mission.status).toBe("PENDING_REVIEW");
    expect(mission.submittedAt).not.toBeNull();
    expect(
      await db.missionStatusChange.findMany({
        where: { missionId: mission.id },
        select: { from: true, to: true, actorId: true },
      }),
    ).toEqual([{ from: "DRAFT", to: "PENDING_REVIEW", actorId: business.id }]);
  });

  it("refuses to submit for a user whose e-mail is not verified, and writes nothing", async () => {
    const business = await createBusiness({ verified: false });
    const before = await missionCount();
    const result = await post(business.id, { ...valid, intent: "submit" });
    expect(result.status).toBe(400);
    expect(result.data.error[""]).toEqual([EMAIL_NOT_VERIFIED_MESSAGE]);
    expect(await missionCount()).toBe(before);
    expect((await post(business.id, valid)).status).toBe(302); // a draft is fine
  });

  const bad: [string, Fields, string, string][] = [
    ["a title over 120 characters", { title: "a".repeat(121) }, "title", missionMessages.titleTooLong],
    ["a short description", { description: "Court" }, "description", missionMessages.descriptionTooShort],
    ["no skill", { skills: undefined }, "skills", missionMessages.skillsMin],
    ["no language", { languages: undefined }, "languages", missionMessages.languagesMin],
    [
      "an hourly rate of 200 €",
      { maxHourlyRate: "200" },
      "maxHourlyRate",
      "Le montant doit être compris entre 12 € et 150 €",
    ],
    ["a start in the past", { startDate: day(-1) }, "startDate", missionMessages.startInPast],
    ["an end before the start", { endDate: day(9) }, "endDate", missionMessages.endBeforeStart],
    [
      "a past proposal deadline",
      { proposalDeadline: day(-3) },
      "proposalDeadline",
      missionMessages.deadlineNotFuture,
    ],
    ["on site without postcode", { workMode: "ON_SITE" }, "postcode", missionMessages.postcodeRequired],
    [
      "a malformed postcode",
      { workMode: "HYBRID", postcode: "99999" },
      "postcode",
      "Le code postal doit comporter 5 chiffres.",
    ],
    [
      "an unknown postcode",
      { workMode: "HYBRID", postcode: "75999" },
      "postcode",
      "Le code postal 75999 est inconnu.",
    ],
    [
      "a commune not matching the postcode",
      { workMode: "ON_SITE", postcode: "69003", commune: "Marseille" },
      "commune",
      "Cette commune ne correspond pas au code postal 69003.",
    ],
    [
      "a rule with no occurrence",
      {
        scheduleType: "RECURRING",
        startDate: day(1),
        endDate: day(1),
        weekdays: ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].filter(
          (_, i) => i !== (new Date(`${day(1)}T12:00:00Z`).getUTCDay() + 6) % 7,
        ),
        "window1.start": "09:00",
        "window1.end": "12:00",
      },
      "weekdays",
      missionMessages.noOccurrence,
    ],
  ];
  it.each(bad)("refuses %s next to the field and writes nothing", async (_name, fields, field, message) => {
    const business = await createBusiness();
    const before = await missionCount();
    const result = await post(business.id, { ...valid, ...fields });
    expect(result.status).toBe(400);
    const plain = (result.data.error[field] as string[]).map((m) => m.replace(/[\u00a0\u202f]/g, " "));
    expect(plain.some((m) => m.startsWith(message))).toBe(true);
    expect(await missionCount()).toBe(before);
  });

  it("sends an anonymous visitor to the login page and refuses non-business accounts", async () => {
    const read = await runRoute(newMission.loader, await getRequest("/missions/nouvelle"));
    expect(read.location).toBe("/connexion?redirectTo=%2Fmissions%2Fnouvelle");
    expect((await post(undefined, valid)).location).toMatch(/^\/connexion\?/);
    for (const user of [await createSecretary(), await createAgencyOwner(), await createStaff("ADMIN")]) {
      const before = await missionCount();
      const loaded = await runRoute(
        newMission.loader,
        await getRequest("/missions/nouvelle", { userId: user.id }),
      );
      expect(loaded.status).toBe(403);
      expect(loaded.data.message).toBe(POST_FORBIDDEN_MESSAGE);
      expect((await post(user.id, valid)).status).toBe(403);
      expect(await missionCount()).toBe(before);
    }
  });

  it("lets a colleague (MEMBER) of the business post for it", async () => {
    const business = await createBusiness();
    const colleague = await createBusiness();
    await db.membership.create({
      data: { userId: colleague.id, organizationId: business.organization.id, role: "MEMBER" },
    });
    await db.membership.deleteMany({
      where: { userId: colleague.id, organizationId: colleague.organization.id },
    });
    expect((await post(colleague.id, valid)).status).toBe(302);
    expect(
      await db.mission.count({
        where: { organizationId: business.organization.id, createdById: colleague.id },
      }),
    ).toBe(1);
  });
});

describe("/missions/:id: who sees what", () => {
  it("shows an OPEN public mission to anyone, without the instructions or the postcode", async () => {
    const business = await createBusiness({ organizationName: "Cabinet Martin" });
    const mission = await createMission(business, {
      status: "OPEN",
      scheduleType: "REPLACEMENT",
      handoverNotes: "Code porte 1234",
      medicalSecrecy: true,
    });
    await db.mission.update({
      where: { id: mission.id },
      data: {
        workMode: "ON_SITE",
        postcode: "69003",
        commune: "Lyon 3e Arrondissement",
        latitude: 45.76,
        longitude: 4.85,
      },
    });
    for (const viewer of [undefined, (await createSecretary()).id, (await createBusiness()).id]) {
      const result = await page(mission.id, viewer);
      expect(result.status).toBe(200);
      expect(result.data.mission).toMatchObject({
        organizationName: "Cabinet Martin",
        commune: "Lyon 3e Arrondissement",
        handoverNotes: null,
        medicalSecrecy: true,
      });
      expect(result.data.isOwner).toBe(false);
      const text = JSON.stringify(result.data);
      for (const secret of ["Code porte", "69003", "45.76", "organizationId"])
        expect(text).not.toContain(secret);
    }
    const own = await page(mission.id, business.id);
    expect(own.data.mission.handoverNotes).toBe("Code porte 1234");
    expect(own.data.isOwner).toBe(true);
  });

  it.each(["DRAFT", "PENDING_REVIEW", "CLOSED"])(
    "hides a %s mission (404) but shows it to the business and staff",
    async (status) => {
      const business = await createBusiness();
      const mission = await createMission(business, { status });
      for (const viewer of [undefined, (await createSecretary()).id, (await createBusiness()).id]) {
        expect((await page(mission.id, viewer)).status).toBe(404);
        expect((await ics(mission.id, viewer)).status).toBe(404);
      }
      expect((await page(mission.id, business.id)).status).toBe(200);
      const staff = await createStaff("MODERATOR");
      expect((await page(mission.id, staff.id)).data.mission.status).toBe(status);
      expect((await ics(mission.id, staff.id)).status).toBe(200);
    },
  );

  it("hides an OPEN invite-only mission from outsiders", async () => {
    const business = await createBusiness();
    const mission = await createMission(business, { status: "OPEN", visibility: "INVITE_ONLY" });
    expect((await page(mission.id)).status).toBe(404);
    expect((await page(mission.id, business.id)).status).toBe(200);
  });

  it("answers 404 for an unknown id", async () => {
    expect((await page("inconnue")).status).toBe(404);
    expect((await ics("inconnue")).status).toBe(404);
  });

  it("describes the schedule and the next five dates of a recurring mission", async () => {
    const business = await createBusiness();
    const mission = await createMission(business, {
      status: "OPEN",
      scheduleType: "RECURRING",
      rrule: "FREQ=WEEKLY;BYDAY=MO,TH",
      startDate: new Date("2027-01-05T00:00:00Z"),
      endDate: null,
      timeWindows: [{ start: "09:00", end: "12:00" }],
    });
    const result = await page(mission.id);
    expect(result.data.schedule).toBe("Tous les lundis et jeudis, 9 h – 12 h, à partir du 5 janvier 2027");
    expect(result.data.nextSessions).toHaveLength(5);
    expect(result.data.budget.replace(/[\u00a0\u202f]/g, " ")).toBe("35,00 €/h max, environ 20 h par mois");
  });
});

describe("/missions/:id.ics", () => {
  it("downloads the sessions of a visible mission as text/calendar", async () => {
    const business = await createBusiness();
    const mission = await createMission(business, { status: "OPEN" });
    const result = await ics(mission.id);
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(result.headers.get("Content-Disposition")).toContain(`mission-${mission.id}.ics`);
    expect(String(result.data).match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(String(result.data)).toContain("DTSTART;VALUE=DATE:20270105");
  });
});

describe("owner actions", () => {
  it("submits a draft, then cancels it; closes an open mission", async () => {
    const business = await createBusiness();
    const draft = await createMission(business);
    expect((await act(draft.id, "submit", business.id)).location).toBe(`/missions/${draft.id}?envoyee=1`);
    expect(await statusOf(draft.id)).toBe("PENDING_REVIEW");
    expect((await act(draft.id, "cancel", business.id)).status).toBe(302);
    expect(await statusOf(draft.id)).toBe("CANCELLED");
    const open = await createMission(business, { status: "OPEN" });
    expect((await act(open.id, "close", business.id)).location).toBe(`/missions/${open.id}?fermee=1`);
    expect(await statusOf(open.id)).toBe("CLOSED");
    expect(
      await db.missionStatusChange.count({
        where: { missionId: open.id, to: "CLOSED", actorId: business.id },
      }),
    ).toBe(1);
  });

  it("refuses a transition the table forbids with a 409 and changes nothing", async () => {
    const business = await createBusiness();
    const mission = await createMission(business, { status: "PENDING_REVIEW" });
    const result = await act(mission.id, "close", business.id);
    expect(result.status).toBe(409);
    expect(result.data.message).toBe("Action impossible : la mission est « En attente de validation ».");
    expect(await statusOf(mission.id)).toBe("PENDING_REVIEW");
  });

  it("refuses to submit for an unverified e-mail", async () => {
    const business = await createBusiness({ verified: false });
    const mission = await createMission(business);
    expect((await act(mission.id, "submit", business.id)).status).toBe(403);
    expect(await statusOf(mission.id)).toBe("DRAFT");
  });

  it("refuses anonymous, other businesses, secretaries and staff", async () => {
    const business = await createBusiness();
    const open = await createMission(business, { status: "OPEN" });
    const draft = await createMission(business);
    expect((await act(open.id, "close")).location).toMatch(/^\/connexion\?/);
    for (const user of [await createBusiness(), await createSecretary(), await createStaff("ADMIN")]) {
      expect((await act(open.id, "close", user.id)).status).toBe(403);
      expect((await act(open.id, "cancel", user.id)).status).toBe(403);
      expect([403, 404]).toContain((await act(draft.id, "submit", user.id)).status);
    }
    expect(await statusOf(open.id)).toBe("OPEN");
    expect(await statusOf(draft.id)).toBe("DRAFT");
  });

  it("refuses an unknown intent", async () => {
    const business = await createBusiness();
    const mission = await createMission(business);
    expect((await act(mission.id, "approve", business.id)).status).toBe(400);
    expect(await statusOf(mission.id)).toBe("DRAFT");
  });
});

describe("/missions/:id/modifier", () => {
  it("shows and saves the business's draft", async () => {
    const business = await createBusiness();
    const mission = await createMission(business);
    const loaded = await runRoute(
      editMission.loader,
      await getRequest(`/missions/${mission.id}/modifier`, { userId: business.id }),
      { missionId: mission.id },
    );
    expect(loaded.status).toBe(200);
    expect(loaded.data.mission.title).toBe("Accueil téléphonique du matin");
    const result = await edit(mission.id, business.id, { ...valid, title: "Nouveau titre" });
    expect(result.location).toBe(`/missions/${mission.id}?enregistree=1`);
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).title).toBe("Nouveau titre");
  });

  it("refuses bad input next to the field and changes nothing", async () => {
    const business = await createBusiness();
    const mission = await createMission(business);
    const result = await edit(mission.id, business.id, { ...valid, title: "" });
    expect(result.status).toBe(400);
    expect(result.data.error.title).toEqual([missionMessages.titleRequired]);
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).title).toBe(
      "Accueil téléphonique du matin",
    );
  });

  it.each(["PENDING_REVIEW", "OPEN", "CANCELLED"])("answers 409 for a %s mission", async (status) => {
    const business = await createBusiness();
    const mission = await createMission(business, { status });
    const loaded = await runRoute(
      editMission.loader,
      await getRequest(`/missions/${mission.id}/modifier`, { userId: business.id }),
      { missionId: mission.id },
    );
    expect(loaded.status).toBe(409);
    expect(loaded.data.message).toBe(NOT_DRAFT_MESSAGE);
    expect((await edit(mission.id, business.id, { ...valid, title: "Changé" })).status).toBe(409);
    expect((await db.mission.findUniqueOrThrow({ where: { id: mission.id } })).title).toBe(
      "Accueil téléphonique du matin",
    );
  });

  it("refuses anonymous (login), other businesses and secretaries (404), staff (403)", async () => {
    const business = await createBusiness();
    const draft = await createMission(business);
    const open = await createMission(business, { status: "OPEN" });
    expect((await edit(draft.id, undefined)).location).toMatch(/^\/connexion\?/);
    for (const user of [await createBusiness(), await createSecretary()]) {
      expect((await edit(draft.id, user.id)).status).toBe(404);
      const onOpen = await edit(open.id, user.id);
      expect(onOpen.status).toBe(403);
      expect(onOpen.data.message).toBe(EDIT_FORBIDDEN_MESSAGE);
    }
    expect((await edit(draft.id, (await createStaff()).id)).status).toBe(403);
    expect((await db.mission.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe(
      "Accueil téléphonique du matin",
    );
  });
});

describe("/compte/missions", () => {
  it("groups the business's own missions by status, and only its own", async () => {
    const business = await createBusiness();
    await createMission(business, { title: "Brouillon A" });
    await createMission(business, { status: "OPEN", title: "Ouverte B" });
    await createMission(await createBusiness(), { title: "Pas à moi" });
    const result = await runRoute(
      ownMissions.loader,
      await getRequest("/compte/missions", { userId: business.id }),
    );
    expect(
      result.data.groups.map((g: { status: string; missions: { title: string }[] }) => [
        g.status,
        g.missions.map((m) => m.title),
      ]),
    ).toEqual([
      ["DRAFT", ["Brouillon A"]],
      ["OPEN", ["Ouverte B"]],
    ]);
  });

  it("refuses anonymous visitors and non-business accounts", async () => {
    expect((await runRoute(ownMissions.loader, await getRequest("/compte/missions"))).location).toMatch(
      /^\/connexion\?/,
    );
    const secretary = await createSecretary();
    expect(
      (await runRoute(ownMissions.loader, await getRequest("/compte/missions", { userId: secretary.id })))
        .status,
    ).toBe(403);
  });
});
