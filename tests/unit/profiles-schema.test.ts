import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { POSTCODE_MESSAGE } from "#app/domain/geo/postcode";
import { formatWeeklyAvailability } from "#app/domain/profiles/availability";
import { formatHour } from "#app/lib/dates";
import { missingForReview, profileVisibility } from "#app/domain/profiles/profiles.policy";
import { storedAvailability, storedSkills } from "#app/domain/profiles/profile-columns";
import { centsToInput, toProfileFormDefaults } from "#app/domain/profiles/profile-form-defaults";
import {
  profileFormSchema,
  profileMessages as m,
} from "#app/domain/profiles/profiles.schema";
import { AMOUNT_INVALID_MESSAGE } from "#app/lib/money";

const NBSP = "\u00a0";
const hourlyRange = `Le montant doit être compris entre 12${NBSP}€ et 150${NBSP}€`;
const taskRange = `Le montant doit être compris entre 0,10${NBSP}€ et 500${NBSP}€`;

type Fields = Record<string, string | string[] | undefined>;

export const validFields: Fields = {
  headline: "Secrétaire médicale, 8 ans d’expérience",
  bio: "Je gère l’accueil téléphonique et les rendez-vous de cabinets médicaux depuis huit ans, à distance.",
  skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING"],
  sectors: ["MEDICAL"],
  software: ["DOCTOLIB"],
  languages: ["fr", "en"],
  yearsExperience: "8",
  hourlyRate: "32,50",
  billingModes: ["HOURLY", "PER_TASK"],
  "taskPrices.CALL_ANSWERED": "0,80",
  remote: "on",
  onSite: "on",
  basePostcode: "69003",
  baseCommune: "Lyon",
  radiusKm: "20",
  "availability.lundi.start": "09:00",
  "availability.lundi.end": "12:00",
  "availability.jeudi.start": "14:00",
  "availability.jeudi.end": "18:30",
  availableFrom: "2026-11-26",
};

function parse(overrides: Fields = {}) {
  const formData = new FormData();
  for (const [name, value] of Object.entries({ ...validFields, ...overrides })) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) formData.append(name, item);
  }
  return parseWithZod(formData, { schema: profileFormSchema });
}

describe("profile form schema", () => {
  it("turns a valid form into the stored shapes (cents, windows, codes)", () => {
    const result = parse();
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value).toEqual({
      intent: "save",
      headline: "Secrétaire médicale, 8 ans d’expérience",
      bio: validFields.bio,
      skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING"],
      sectors: ["MEDICAL"],
      software: ["DOCTOLIB"],
      languages: ["fr", "en"],
      yearsExperience: 8,
      hourlyRateCents: 3250,
      taskPrices: [{ task: "CALL_ANSWERED", unitPriceCents: 80 }],
      billingModes: ["HOURLY", "PER_TASK"],
      remote: true,
      onSite: true,
      basePostcode: "69003",
      baseCommune: "Lyon",
      radiusKm: 20,
      availability: [
        { day: 1, start: "09:00", end: "12:00" },
        { day: 4, start: "14:00", end: "18:30" },
      ],
      availableFrom: "2026-11-26",
    });
  });

  it("accepts a remote-only profile with the optional fields left empty", () => {
    const result = parse({
      headline: "",
      bio: "",
      sectors: undefined,
      software: undefined,
      onSite: undefined,
      basePostcode: "",
      baseCommune: "",
      radiusKm: "",
      billingModes: ["FIXED"],
      hourlyRate: "",
      "taskPrices.CALL_ANSWERED": "",
      availableFrom: "",
      "availability.lundi.start": "",
      "availability.lundi.end": "",
    });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value).toMatchObject({
      headline: "",
      bio: "",
      sectors: [],
      onSite: false,
      hourlyRateCents: null,
      taskPrices: [],
      availability: [{ day: 4, start: "14:00", end: "18:30" }],
    });
    expect(result.value.availableFrom).toBeUndefined();
  });

  it("reads a date typed the French way", () => {
    const result = parse({ availableFrom: "05/01/2027" });
    expect(result.status === "success" && result.value.availableFrom).toBe("2027-01-05");
  });

  it("stores a single checked box as a list and drops duplicates", () => {
    const result = parse({ skills: "MAIL", languages: ["fr", "fr"] });
    expect(result.status === "success" && [result.value.skills, result.value.languages]).toEqual([
      ["MAIL"],
      ["fr"],
    ]);
  });

  it("counts a CRLF line break as one character and keeps markup as text", () => {
    const bio = `${"a".repeat(1499)}\r\n${"b".repeat(1500)}`;
    const result = parse({ bio, headline: "  <b>Secrétaire</b>  " });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value.bio).toHaveLength(3000);
    expect(result.value.bio).toContain("a\nb");
    expect(result.value.headline).toBe("<b>Secrétaire</b>");
  });

  it.each<[string, Fields, string, string]>([
    ["a headline over 120 characters", { headline: "x".repeat(121) }, "headline", m.headlineTooLong],
    ["a bio over 3000 characters", { bio: "x".repeat(3001) }, "bio", m.bioTooLong],
    ["no skill", { skills: undefined }, "skills", m.skillsMin],
    ["an unknown skill", { skills: ["PHONE_ANSWERING", "HACKING"] }, "skills", m.skillUnknown],
    ["an unknown sector", { sectors: ["SPACE"] }, "sectors", m.sectorUnknown],
    ["an unknown software", { software: ["EXCEL"] }, "software", m.softwareUnknown],
    ["no language", { languages: undefined }, "languages", m.languagesMin],
    ["an unknown language", { languages: ["xx"] }, "languages", m.languageUnknown],
    ["no billing mode", { billingModes: undefined }, "billingModes", m.billingModesMin],
    ["an unknown billing mode", { billingModes: ["BARTER"] }, "billingModes", m.billingModeUnknown],
    ["negative experience", { yearsExperience: "-1" }, "yearsExperience", m.experience],
    ["experience over 50 years", { yearsExperience: "51" }, "yearsExperience", m.experience],
    ["fractional experience", { yearsExperience: "2.5" }, "yearsExperience", m.experience],
    ["non-numeric experience", { yearsExperience: "huit" }, "yearsExperience", m.experience],
    ["missing experience", { yearsExperience: "" }, "yearsExperience", m.experience],
    ["an hourly rate under 12 €", { hourlyRate: "11,99" }, "hourlyRate", hourlyRange],
    ["an hourly rate over 150 €", { hourlyRate: "150,01" }, "hourlyRate", hourlyRange],
    ["an unreadable hourly rate", { hourlyRate: "trente" }, "hourlyRate", AMOUNT_INVALID_MESSAGE],
    [
      "a task price under 0,10 €",
      { "taskPrices.CALL_ANSWERED": "0,09" },
      "taskPrices.CALL_ANSWERED",
      taskRange,
    ],
    ["a task price over 500 €", { "taskPrices.PAGE_TYPED": "500,01" }, "taskPrices.PAGE_TYPED", taskRange],
    ["hourly billing without a rate", { hourlyRate: "" }, "hourlyRate", m.hourlyRateRequired],
    [
      "per-task billing without a price",
      { "taskPrices.CALL_ANSWERED": "" },
      "taskPrices",
      m.taskPriceRequired,
    ],
    ["neither remote nor on-site", { remote: undefined, onSite: undefined }, "remote", m.workModeRequired],
    ["on-site without a postcode", { basePostcode: "" }, "basePostcode", m.postcodeRequired],
    ["a malformed postcode", { basePostcode: "6900" }, "basePostcode", POSTCODE_MESSAGE],
    ["on-site without a radius", { radiusKm: "" }, "radiusKm", m.radiusRequired],
    ["a radius of 0 km", { radiusKm: "0" }, "radiusKm", m.radius],
    ["a radius over 200 km", { radiusKm: "201" }, "radiusKm", m.radius],
    ["a commune name over 100 characters", { baseCommune: "x".repeat(101) }, "baseCommune", m.communeTooLong],
    [
      "a malformed time",
      { "availability.mardi.start": "9h", "availability.mardi.end": "12:00" },
      "availability.mardi.start",
      m.time,
    ],
    ["24:00", { "availability.lundi.end": "24:00" }, "availability.lundi.end", m.time],
    ["a start without an end", { "availability.lundi.end": "" }, "availability.lundi.end", m.endMissing],
    [
      "an end without a start",
      { "availability.lundi.start": "" },
      "availability.lundi.start",
      m.startMissing,
    ],
    [
      "an end before the start",
      { "availability.lundi.end": "08:30" },
      "availability.lundi.end",
      m.endBeforeStart,
    ],
    [
      "an end equal to the start",
      { "availability.lundi.end": "09:00" },
      "availability.lundi.end",
      m.endBeforeStart,
    ],
    ["a date that does not exist", { availableFrom: "2026-02-31" }, "availableFrom", m.date],
    ["a date in another format", { availableFrom: "26-11-2026" }, "availableFrom", m.date],
    ["a French date that does not exist", { availableFrom: "31/04/2026" }, "availableFrom", m.date],
  ])("refuses %s", (_label, overrides, field, message) => {
    const result = parse(overrides);
    expect(result.status).toBe("error");
    const errors = result.status === "error" ? result.error : null;
    expect(errors?.[field]).toEqual([message]);
  });

  it("gives conform the constraints without throwing", () => {
    expect(getZodConstraint(profileFormSchema).yearsExperience).toMatchObject({
      required: true,
      min: 0,
      max: 50,
    });
  });
});

describe("form defaults", () => {
  it("shows stored cents and windows back in the form's shape", () => {
    const defaults = toProfileFormDefaults({
      headline: "",
      bio: "",
      skills: [],
      sectors: [],
      software: [],
      languages: ["fr"],
      yearsExperience: 0,
      hourlyRateCents: 3205,
      taskPrices: [{ task: "MAIL_PROCESSED", unitPriceCents: 5 }],
      billingModes: [],
      remote: true,
      onSite: false,
      basePostcode: null,
      baseCommune: null,
      radiusKm: null,
      availability: [{ day: 7, start: "10:00", end: "11:00" }],
      availableFrom: null,
    });
    expect(defaults.hourlyRate).toBe("32,05");
    expect(defaults.taskPrices).toEqual({ MAIL_PROCESSED: "0,05" });
    expect(defaults.availability.dimanche).toEqual({ start: "10:00", end: "11:00" });
    expect(defaults.availability.lundi).toEqual({});
    expect(centsToInput(null)).toBeUndefined();
  });
});

describe("stored JSON columns", () => {
  it("drops codes the taxonomy no longer knows and anything that is not a list", () => {
    expect(storedSkills.parse(["MAIL", "RETIRED_SKILL", 3, "MAIL"])).toEqual(["MAIL"]);
    expect(storedSkills.parse("MAIL")).toEqual([]);
    expect(storedSkills.parse(null)).toEqual([]);
  });

  it("keeps only well-formed availability windows, in week order", () => {
    const windows = [
      { day: 3, start: "14:00", end: "18:00" },
      { day: 1, start: "09:00", end: "12:00" },
      { day: 8, start: "09:00", end: "12:00" },
      { day: 2, start: "12:00", end: "09:00" },
      { day: 2, start: "9:00", end: "12:00" },
    ];
    expect(storedAvailability.parse(windows)).toEqual([
      { day: 1, start: "09:00", end: "12:00" },
      { day: 3, start: "14:00", end: "18:00" },
    ]);
  });
});

describe("availability in French", () => {
  it.each([
    ["09:00", "9 h"],
    ["12:30", "12 h 30"],
    ["00:05", "0 h 05"],
  ])("formatHour(%s) = %s", (time, expected) => {
    expect(formatHour(time)).toBe(expected);
  });

  it("writes one line per working day, Monday first", () => {
    expect(
      formatWeeklyAvailability([
        { day: 7, start: "10:00", end: "12:00" },
        { day: 1, start: "14:00", end: "18:00" },
        { day: 1, start: "09:00", end: "12:00" },
      ]),
    ).toEqual(["lundi : 9 h – 12 h, 14 h – 18 h", "dimanche : 10 h – 12 h"]);
  });
});

describe("review readiness (policy)", () => {
  const complete = {
    headline: "Secrétaire médicale",
    bio: "x".repeat(80),
    skills: ["MAIL"],
    billingModes: ["HOURLY" as const],
    hourlyRateCents: 3000,
    taskPrices: [],
  };

  it("finds nothing missing in a complete profile", () => {
    expect(missingForReview(complete)).toEqual([]);
  });

  it("lists everything missing, in French", () => {
    expect(
      missingForReview({
        ...complete,
        headline: " ",
        bio: "x".repeat(79),
        skills: [],
        billingModes: ["HOURLY", "PER_TASK"],
        hourlyRateCents: null,
      }),
    ).toEqual([
      "un titre",
      "une présentation d’au moins 80 caractères",
      "au moins une compétence",
      "votre tarif horaire (vous acceptez la facturation à l’heure)",
      "au moins un prix à la tâche (vous acceptez la facturation à la tâche)",
    ]);
    expect(missingForReview({ ...complete, billingModes: [] })).toEqual(["au moins un mode de facturation"]);
  });

  it("shows a non-published profile only to its owner and staff", () => {
    const draft = { userId: "owner", status: "DRAFT" };
    expect(profileVisibility(null, draft)).toBe("hidden");
    expect(profileVisibility({ id: "someone", role: "USER" }, draft)).toBe("hidden");
    expect(profileVisibility({ id: "owner", role: "USER" }, draft)).toBe("preview");
    expect(profileVisibility({ id: "mod", role: "MODERATOR" }, draft)).toBe("preview");
    expect(profileVisibility({ id: "adm", role: "ADMIN" }, draft)).toBe("preview");
    expect(profileVisibility(null, { userId: "owner", status: "PUBLISHED" })).toBe("public");
  });
});
