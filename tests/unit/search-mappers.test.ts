import { describe, expect, it } from "vitest";
import { secretaryDocumentSchema } from "#search/documents";
import {
  isListed,
  toSecretaryChange,
  toSecretaryDocument,
  type SecretarySourceRow,
} from "#search/sync/secretary-document";

const publishedAt = new Date("2026-10-01T09:30:00.000Z");

function row(overrides: Partial<SecretarySourceRow> = {}): SecretarySourceRow {
  return {
    id: "profile-1",
    slug: "sophie-lambert",
    status: "PUBLISHED",
    headline: "Secrétaire médicale à distance",
    bio: "Accueil téléphonique et rendez-vous pour cabinets médicaux.",
    skills: ["PHONE_ANSWERING", "AGENDA_MANAGEMENT", "RETIRED_SKILL"],
    sectors: ["MEDICAL"],
    software: ["DOCTOLIB", "GOOGLE_CALENDAR"],
    languages: ["fr", "en"],
    billingModes: ["HOURLY", "PER_TASK"],
    hourlyRateCents: 3250,
    remote: true,
    onSite: true,
    baseCommune: "Lyon",
    baseLatitude: 45.75971,
    baseLongitude: 4.84223,
    radiusKm: 20,
    availability: [
      { day: 1, start: "09:00", end: "12:00" },
      { day: 5, start: "14:00", end: "18:30" },
    ],
    availableFrom: new Date("2026-11-26T00:00:00.000Z"),
    verified: true,
    ratingAverage: 4.8,
    ratingCount: 40,
    publishedAt,
    agencyId: null,
    user: { displayName: "Sophie Lambert", suspendedAt: null },
    agency: null,
    ...overrides,
  };
}

describe("toSecretaryDocument", () => {
  it("maps every public field", () => {
    expect(toSecretaryDocument(row())).toEqual({
      id: "profile-1",
      slug: "sophie-lambert",
      displayName: "Sophie Lambert",
      headline: "Secrétaire médicale à distance",
      bio: "Accueil téléphonique et rendez-vous pour cabinets médicaux.",
      skills: ["PHONE_ANSWERING", "AGENDA_MANAGEMENT"],
      sectors: ["MEDICAL"],
      software: ["DOCTOLIB", "GOOGLE_CALENDAR"],
      languages: ["fr", "en"],
      billingModes: ["HOURLY", "PER_TASK"],
      skillLabels: ["Accueil téléphonique", "Gestion d’agenda"],
      sectorLabels: ["Médical et paramédical"],
      softwareLabels: ["Doctolib", "Google Agenda"],
      hourlyRateCents: 3250,
      remote: true,
      onSite: true,
      baseCommune: "Lyon",
      _geo: { lat: 45.76, lng: 4.84 },
      radiusKm: 20,
      availabilitySlots: ["1-MATIN", "5-APRES_MIDI"],
      availableFrom: Date.UTC(2026, 10, 26),
      verified: true,
      kind: "INDEPENDENT",
      agencyName: null,
      ratingAverage: 4.8,
      ratingCount: 40,
      ratingScore: 4.711,
      publishedAt: publishedAt.getTime(),
    });
  });

  it("rounds the base to the 500 m grid", () => {
    const document = toSecretaryDocument(row({ baseLatitude: 48.85837, baseLongitude: 2.29448 }));
    expect(document._geo).toEqual({ lat: 48.86, lng: 2.295 });
  });

  it("has no point, commune or radius when she does not work on site", () => {
    const document = toSecretaryDocument(row({ onSite: false }));
    expect(document).toMatchObject({ onSite: false, _geo: null, baseCommune: null, radiusKm: null });
  });

  it("has no point when the base has no coordinates", () => {
    expect(toSecretaryDocument(row({ baseLatitude: null, baseLongitude: null }))._geo).toBeNull();
  });

  it("is AGENCY with the agency's name when the profile belongs to an agency", () => {
    const document = toSecretaryDocument(
      row({ agencyId: "agency-1", agency: { name: "Télésecrétariat Rhône" } }),
    );
    expect(document).toMatchObject({ kind: "AGENCY", agencyName: "Télésecrétariat Rhône" });
  });

  it("reads an available-now profile as 0 and keeps any date at UTC midnight", () => {
    expect(toSecretaryDocument(row({ availableFrom: null })).availableFrom).toBe(0);
    const lateInTheDay = new Date("2027-01-15T22:00:00.000Z");
    expect(toSecretaryDocument(row({ availableFrom: lateInTheDay })).availableFrom).toBe(
      Date.UTC(2027, 0, 15),
    );
  });

  it("gives an unrated profile the prior as its rating score", () => {
    const document = toSecretaryDocument(row({ ratingAverage: null, ratingCount: 0 }));
    expect(document).toMatchObject({ ratingAverage: null, ratingCount: 0, ratingScore: 4 });
  });

  it("survives malformed JSON columns with empty lists", () => {
    const document = toSecretaryDocument(
      row({
        skills: "oops",
        sectors: null,
        software: { a: 1 },
        availability: [{ day: 9, start: "x", end: "y" }],
      }),
    );
    expect(document).toMatchObject({
      skills: [],
      skillLabels: [],
      sectors: [],
      software: [],
      availabilitySlots: [],
    });
  });
});

describe("what reaches the index", () => {
  it("leaks no private field, even when handed a whole database row", () => {
    const wholeRow = {
      ...row(),
      userId: "user-7f3c9a",
      basePostcode: "69003",
      baseInseeCode: "69383",
      taskPrices: [{ task: "CALL_ANSWERED", unitPriceCents: 80 }],
      submittedAt: new Date(),
      user: {
        displayName: "Sophie Lambert",
        suspendedAt: null,
        email: "sophie.lambert@exemple.fr",
        passwordHash: "x",
      },
    };
    const document = toSecretaryDocument(wholeRow);
    expect(secretaryDocumentSchema.strict().safeParse(document).success).toBe(true);
    const json = JSON.stringify(document);
    for (const secret of [
      "sophie.lambert@exemple.fr",
      "user-7f3c9a",
      "69003",
      "69383",
      "45.75971",
      "4.84223",
    ]) {
      expect(json).not.toContain(secret);
    }
    expect(Object.keys(document)).not.toEqual(expect.arrayContaining(["userId"]));
  });
});

describe("which profiles have a document", () => {
  it("upserts a published profile of an active account", () => {
    const change = toSecretaryChange(row());
    expect(change.action).toBe("upsert");
  });

  it.each(["DRAFT", "PENDING_REVIEW", "REJECTED", "SUSPENDED"])("removes a %s profile", (status) => {
    expect(toSecretaryChange(row({ status }))).toEqual({ action: "remove", id: "profile-1" });
  });

  it("removes the profile of a suspended account", () => {
    const suspended = row({ user: { displayName: "Sophie Lambert", suspendedAt: new Date() } });
    expect(isListed(suspended)).toBe(false);
    expect(toSecretaryChange(suspended)).toEqual({ action: "remove", id: "profile-1" });
  });
});
