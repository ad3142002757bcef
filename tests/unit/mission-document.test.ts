import { describe, expect, it } from "vitest";
import { normalizedBudgetLabel, missionBudgetCents } from "#app/domain/missions/mission-columns";
import { missionDocumentSchema } from "#search/documents";
import {
  isListedMission,
  missionSourceSelect,
  toMissionChange,
  toMissionDocument,
  type MissionSourceRow,
} from "#search/sync/mission-document";

const row = (overrides: Partial<MissionSourceRow> = {}): MissionSourceRow => ({
  id: "m1",
  status: "OPEN",
  visibility: "PUBLIC",
  hiddenAt: null,
  title: "Accueil téléphonique",
  description: "Prendre les appels du cabinet.",
  medicalSecrecy: false,
  skills: ["PHONE_ANSWERING", "NOT_A_SKILL", "APPOINTMENT_BOOKING"],
  sector: "MEDICAL",
  languages: ["fr", "en"],
  billingMode: "HOURLY",
  taskLines: [],
  maxHourlyRateCents: 3250,
  fixedAmountCents: null,
  scheduleType: "RECURRING",
  startDate: new Date("2027-01-04T00:00:00Z"),
  workMode: "HYBRID",
  commune: "Lyon",
  latitude: 45.764043,
  longitude: 4.835659,
  publishedAt: new Date("2026-11-20T10:00:00Z"),
  organization: { name: "Cabinet Dupont" },
  ...overrides,
});

describe("toMissionDocument", () => {
  it("maps every public field", () => {
    expect(toMissionDocument(row())).toEqual({
      id: "m1",
      title: "Accueil téléphonique",
      description: "Prendre les appels du cabinet.",
      skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING"],
      skillLabels: ["Accueil téléphonique", "Prise de rendez-vous"],
      sector: "MEDICAL",
      billingMode: "HOURLY",
      budgetCents: 3250,
      scheduleType: "RECURRING",
      workMode: "HYBRID",
      languages: ["fr", "en"],
      commune: "Lyon",
      _geo: { lat: 45.765, lng: 4.835 },
      startDate: Date.UTC(2027, 0, 4),
      businessName: "Cabinet Dupont",
      createdAt: Date.UTC(2026, 10, 20, 10),
    });
  });

  it("leaves out the description of a mission under medical secrecy", () => {
    const document = toMissionDocument(row({ medicalSecrecy: true, description: "Patients de la Dre Martin, suivi oncologique." }));
    expect(document.description).toBe("");
    expect(JSON.stringify(document)).not.toContain("oncologique");
  });

  it("passes the strict document schema: no private field can leak", () => {
    const document = toMissionDocument(row());
    expect(() => missionDocumentSchema.strict().parse(document)).not.toThrow();
    const text = JSON.stringify(document);
    for (const secret of ["45.764043", "4.835659"]) expect(text).not.toContain(secret);
  });

  it("never selects the private columns from the database", () => {
    const selected = Object.keys(missionSourceSelect);
    for (const column of [
      "handoverNotes",
      "callScript",
      "urgentRouting",
      "toolsToUse",
      "postcode",
      "inseeCode",
      "createdById",
      "rrule",
      "proposalDeadline",
    ]) {
      expect(selected).not.toContain(column);
    }
  });

  it("gives a remote mission no point and no commune", () => {
    const document = toMissionDocument(row({ workMode: "REMOTE" }));
    expect(document._geo).toBeNull();
    expect(document.commune).toBeNull();
  });

  it("gives an on-site mission without coordinates no point", () => {
    expect(toMissionDocument(row({ workMode: "ON_SITE", latitude: null }))._geo).toBeNull();
  });

  it("normalizes the budget per billing mode", () => {
    expect(toMissionDocument(row({ billingMode: "FIXED", fixedAmountCents: 120000 })).budgetCents).toBe(
      120000,
    );
    const perTask = row({
      billingMode: "PER_TASK",
      maxHourlyRateCents: null,
      taskLines: [
        { task: "CALL_ANSWERED", unitPriceCents: 150, monthlyVolume: 200 },
        { task: "APPOINTMENT_BOOKED", unitPriceCents: 250, monthlyVolume: 40 },
        { task: "NOT_A_TASK", unitPriceCents: 999, monthlyVolume: 999 },
      ],
    });
    expect(toMissionDocument(perTask).budgetCents).toBe(150 * 200 + 250 * 40);
    expect(toMissionDocument(row({ maxHourlyRateCents: null })).budgetCents).toBe(0);
  });

  it("dates an unpublished row 0 rather than failing", () => {
    expect(toMissionDocument(row({ publishedAt: null })).createdAt).toBe(0);
  });

  it("fails loudly on a corrupt enum rather than indexing junk", () => {
    expect(() => toMissionDocument(row({ workMode: "ANYWHERE" }))).toThrow();
  });
});

describe("listing rule", () => {
  it.each([
    ["OPEN", "PUBLIC", true],
    ["OPEN", "INVITE_ONLY", false],
    ["DRAFT", "PUBLIC", false],
    ["PENDING_REVIEW", "PUBLIC", false],
    ["FILLED", "PUBLIC", false],
    ["CLOSED", "PUBLIC", false],
    ["CANCELLED", "PUBLIC", false],
    ["EXPIRED", "PUBLIC", false],
  ])("%s + %s → listed: %s", (status, visibility, listed) => {
    expect(isListedMission({ status, visibility })).toBe(listed);
    expect(toMissionChange(row({ status, visibility })).action).toBe(listed ? "upsert" : "remove");
  });
});

describe("budget helpers", () => {
  it("writes the budget in French per billing mode", () => {
    expect(normalizedBudgetLabel("HOURLY", 3500)).toBe("À l’heure, jusqu’à 35\u00a0€/h HT");
    expect(normalizedBudgetLabel("FIXED", 123450)).toBe("Au forfait, 1\u202f234,50\u00a0€ HT");
    expect(normalizedBudgetLabel("PER_TASK", 40000)).toBe("À la tâche, environ 400\u00a0€ HT par mois");
  });

  it("sums per-task lines", () => {
    expect(
      missionBudgetCents({
        billingMode: "PER_TASK",
        maxHourlyRateCents: 5000,
        fixedAmountCents: 5000,
        taskLines: [{ task: "CALL_ANSWERED", unitPriceCents: 100, monthlyVolume: 3 }],
      }),
    ).toBe(300);
  });
});
