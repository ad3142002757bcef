// /secretaires through its real loader: real SQLite, the real embedded engine in this file's
// DATA_DIR, profiles published by staff and synced through the outbox worker.
import { beforeAll, describe, expect, it } from "vitest";
import { transitionProfile } from "#app/domain/profiles/profile-transition.server";
import { db } from "#app/lib/db.server";
import * as searchPage from "#app/routes/secretaires+/_index";
import { drainSearchOutbox, publishedSecretary } from "#tests/factories/search-profiles";
import { createAgencyOwner, createSecretary, createStaff } from "#tests/factories/users";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Card = { slug: string; displayName: string; distanceKm: number | null; agencyName: string | null };

const search = async (params = "") => runRoute(searchPage.loader, await getRequest(`/secretaires${params}`));
const names = (result: { data: { cards: Card[] } }) => result.data.cards.map((card) => card.displayName);
const sorted = (values: string[]) => [...values].sort();

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const MAIN = ["Claire Morel", "Sandrine Giraud", "Julie Lefort", "Nadia Roux", "Emma Petit"];

beforeAll(async () => {
  const agency = await createAgencyOwner({ organizationName: "Télésecrétariat Provence" });
  await publishedSecretary({
    name: "Claire Morel",
    headline: "Secrétaire médicale indépendante, Doctolib",
    skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING", "AGENDA_MANAGEMENT"],
    sectors: ["MEDICAL"],
    software: ["DOCTOLIB", "GOOGLE_CALENDAR"],
    languages: ["fr", "en"],
    billingModes: ["HOURLY", "PER_TASK"],
    hourlyRateCents: 3200,
    base: { postcode: "75011", radiusKm: 15 },
    availability: weekdays("09:00", "12:00"),
    availableFrom: day("2020-01-01"),
    verified: true,
    rating: { average: 4.8, count: 23 },
    publishedAt: day("2026-01-05"),
  });
  await publishedSecretary({
    name: "Sandrine Giraud",
    headline: "Accueil téléphonique pour artisans",
    skills: ["PHONE_ANSWERING", "MAIL"],
    sectors: ["CONSTRUCTION"],
    hourlyRateCents: 2800,
    base: { postcode: "13008", radiusKm: 20 },
    availability: [{ day: 1, start: "14:00", end: "18:00" }],
    agencyId: agency.organization.id,
    publishedAt: day("2026-01-04"),
  });
  await publishedSecretary({
    name: "Julie Lefort",
    headline: "Saisie comptable et relances clients",
    skills: ["BOOKKEEPING_ENTRY", "CLIENT_REMINDERS"],
    sectors: ["ACCOUNTING"],
    software: ["SAGE", "PENNYLANE"],
    hourlyRateCents: 4500,
    availableFrom: day("2030-01-01"),
    rating: { average: 4.2, count: 3 },
    publishedAt: day("2026-01-03"),
  });
  await publishedSecretary({
    name: "Nadia Roux",
    headline: "Prise de rendez-vous et frappe de courriers",
    skills: ["APPOINTMENT_BOOKING", "TYPING"],
    billingModes: ["PER_TASK"],
    hourlyRateCents: null,
    base: { postcode: "69003", radiusKm: 10 },
    verified: true,
    publishedAt: day("2026-01-02"),
  });
  await publishedSecretary({
    name: "Emma Petit",
    headline: "Secrétaire polyvalente sur place",
    skills: ["FILING", "TYPING"],
    hourlyRateCents: 3000,
    remote: false,
    base: { postcode: "69100", radiusKm: 30 },
    publishedAt: day("2026-01-01"),
  });
  // Never listed, though they would match "Doctolib": not published, or the account is suspended.
  for (const status of ["DRAFT", "PENDING_REVIEW", "REJECTED", "SUSPENDED"]) {
    await createSecretary({ status, displayName: `Cachée ${status}`, headline: "Secrétaire Doctolib" });
  }
  await createSecretary({
    status: "PUBLISHED",
    suspended: true,
    displayName: "Compte suspendu",
    headline: "Doctolib",
  });
  await drainSearchOutbox();
});

describe("text search", () => {
  it("finds every published secretary with an empty query, with the exact total", async () => {
    const result = await search();
    expect(result.status).toBe(200);
    expect(result.data.total).toBe(5);
    expect(sorted(names(result))).toEqual(sorted(MAIN));
  });

  it("matches words, typos and synonyms, never a hidden profile", async () => {
    expect(names(await search("?q=doctolib"))).toEqual(["Claire Morel"]);
    expect(names(await search("?q=agnda"))).toEqual(["Claire Morel"]);
    expect(sorted(names(await search("?q=rdv")))).toEqual(["Claire Morel", "Nadia Roux"]);
    expect((await search("?q=xyzzyplugh")).data).toMatchObject({ total: 0, cards: [] });
  });
});

describe("filters and facets", () => {
  it.each([
    ["?competences=PHONE_ANSWERING", ["Claire Morel", "Sandrine Giraud"]],
    ["?competences=PHONE_ANSWERING&logiciels=DOCTOLIB", ["Claire Morel"]],
    ["?competence=MAIL", ["Sandrine Giraud"]],
    ["?secteurs=MEDICAL&secteurs=ACCOUNTING", ["Claire Morel", "Julie Lefort"]],
    ["?langues=en", ["Claire Morel"]],
    ["?facturation=PER_TASK", ["Claire Morel", "Nadia Roux"]],
    ["?tarifMax=30", ["Sandrine Giraud", "Emma Petit"]],
    ["?disponibleLe=2026-12-01&competences=BOOKKEEPING_ENTRY", []],
    ["?creneaux=1-MATIN", ["Claire Morel"]],
    ["?creneaux=1-APRES_MIDI", ["Sandrine Giraud"]],
    ["?verifiee=oui", ["Claire Morel", "Nadia Roux"]],
    ["?type=agence", ["Sandrine Giraud"]],
    ["?type=independante&distance=oui", ["Claire Morel", "Julie Lefort", "Nadia Roux"]],
  ])("%s", async (params, expected) => {
    const result = await search(params);
    expect(result.status).toBe(200);
    expect(sorted(names(result))).toEqual(sorted(expected));
    expect(result.data.total).toBe(expected.length);
  });

  it("counts each option among the current results, and gives the rate range", async () => {
    const all = await search();
    expect(all.data.facets.skills).toMatchObject({
      PHONE_ANSWERING: 2,
      APPOINTMENT_BOOKING: 2,
      TYPING: 2,
      MAIL: 1,
    });
    expect(all.data.facets.kind).toEqual({ INDEPENDENT: 4, AGENCY: 1 });
    expect(all.data.facets.verified).toEqual({ true: 2, false: 3 });
    expect(all.data.rateStats).toEqual({ min: 2800, max: 4500 });
    const phone = await search("?competences=PHONE_ANSWERING");
    expect(phone.data.facets.skills).toMatchObject({ PHONE_ANSWERING: 2, MAIL: 1, AGENDA_MANAGEMENT: 1 });
    expect(phone.data.facets.skills.TYPING ?? 0).toBe(0);
  });

  it("shows an agency member's agency and a card's public facts only", async () => {
    const { data } = await search("?type=agence");
    expect(data.cards[0]).toEqual({
      slug: expect.any(String),
      displayName: "Sandrine Giraud",
      initials: "SG",
      headline: "Accueil téléphonique pour artisans",
      skills: ["PHONE_ANSWERING", "MAIL"],
      hourlyRateCents: 2800,
      remote: true,
      onSite: true,
      baseCommune: "Marseille 8e Arrondissement",
      radiusKm: 20,
      distanceKm: null,
      ratingAverage: null,
      ratingCount: 0,
      availableFrom: null,
      availabilityDays: [1],
      verified: false,
      agencyName: "Télésecrétariat Provence",
    });
    expect(JSON.stringify(data)).not.toMatch(/@exemple\.fr|43\.2417|latitude|13008|userId/);
  });
});

describe("on-site reach", () => {
  it("keeps only the secretaries whose own radius covers the address, with the distance", async () => {
    const paris = await search("?adresse=75011");
    expect(names(paris)).toEqual(["Claire Morel"]);
    expect(paris.data.place).toEqual({ label: "Paris 11e Arrondissement (75011)" });
    expect(paris.data.cards[0].distanceKm).toBeLessThan(1);
    expect(names(await search("?adresse=13006+Marseille"))).toEqual(["Sandrine Giraud"]);
    // Aix is about 33 km from her base: beyond her 20 km.
    expect((await search("?adresse=13290")).data.total).toBe(0);
  });

  it("sorts by distance from the address", async () => {
    const lyon = await search("?adresse=69003&tri=distance");
    expect(names(lyon)).toEqual(["Nadia Roux", "Emma Petit"]);
    const [nadia, emma] = lyon.data.cards;
    expect(nadia.distanceKm).toBeLessThan(1);
    expect(emma.distanceKm).toBeGreaterThan(1);
    expect(lyon.data.sort).toBe("distance");
  });

  it.each([
    ["?adresse=99999", /code postal 99999/],
    ["?adresse=01000", /Plusieurs communes.*Bourg-en-Bresse.*Saint-Denis-lès-Bourg/],
    ["?adresse=75011+Lyon", /ne correspond pas au code postal 75011/],
    ["?adresse=Paris", /code postal à 5 chiffres/],
  ])("explains %s in French and shows the results without the reach filter", async (params, message) => {
    const result = await search(params);
    expect(result.status).toBe(200);
    expect(result.data.notices).toEqual([expect.stringMatching(message)]);
    expect(result.data.place).toBeNull();
    expect(result.data.total).toBe(5);
  });

  it("falls back to relevance when distance sorting has no address", async () => {
    const result = await search("?tri=distance");
    expect(result.status).toBe(200);
    expect(result.data.sort).toBe("pertinence");
    expect(result.data.notices).toEqual([
      "Le tri par distance demande une adresse : les résultats sont triés par pertinence.",
    ]);
    expect(result.data.total).toBe(5);
  });
});

describe("sorting", () => {
  it.each([
    ["tarif-croissant", ["Sandrine Giraud", "Emma Petit", "Claire Morel", "Julie Lefort", "Nadia Roux"]],
    ["tarif-decroissant", ["Julie Lefort", "Claire Morel", "Emma Petit", "Sandrine Giraud", "Nadia Roux"]],
    ["recentes", MAIN],
  ])("tri=%s", async (sort, expected) => {
    expect(names(await search(`?tri=${sort}`))).toEqual(expected);
  });

  it("puts the best rated first, a single review weighing less than many", async () => {
    expect(names(await search("?tri=note")).slice(0, 2)).toEqual(["Claire Morel", "Julie Lefort"]);
  });
});

describe("pagination", () => {
  beforeAll(async () => {
    for (let i = 1; i <= 21; i++) {
      await publishedSecretary({
        name: `Archiviste ${String(i).padStart(2, "0")}`,
        headline: "Classement et archivage",
        skills: ["FILING"],
        publishedAt: new Date(Date.UTC(2025, 0, i)),
      });
    }
    await drainSearchOutbox();
  });

  it("gives 20 per page with the exact total, and the rest on page 2", async () => {
    const first = await search("?competences=FILING&tri=recentes");
    expect(first.data).toMatchObject({ total: 22, page: 1, totalPages: 2 });
    expect(first.data.cards).toHaveLength(20);
    expect(first.data.cards[0].displayName).toBe("Emma Petit");
    const second = await search("?competences=FILING&tri=recentes&page=2");
    expect(names(second)).toEqual(["Archiviste 02", "Archiviste 01"]);
    // The query stays whole from one page to the next.
    expect(second.data.query).toMatchObject({ skills: ["FILING"], sort: "recentes", page: 2 });
  });

  it("answers a page past the end with an empty page, not an error", async () => {
    const result = await search("?competences=FILING&page=9");
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ cards: [], total: 22, page: 9 });
  });
});

describe("bad params", () => {
  it.each([
    ["?page=abc", "Le numéro de page n’est pas valide."],
    ["?page=0", "Le numéro de page n’est pas valide."],
    ["?page=-1", "Le numéro de page n’est pas valide."],
    ["?competence=MAILS", "Cette compétence n’existe pas."],
    ["?tarifMax=trop", "Le tarif maximum doit être un montant en euros entre 0 et 1 000, par exemple 35."],
    ["?disponibleLe=2026-13-45", "La date de disponibilité n’est pas valide."],
    ["?tri=prix", "Ce tri n’existe pas."],
  ])("answers %s with 400, a French message and the rest of the search", async (params, message) => {
    const result = await search(params);
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual([message]);
    expect(result.data.total).toBe(26);
  });

  it("keeps the valid filters next to an unknown code", async () => {
    const result = await search("?competences=NOPE&competences=MAIL");
    expect(result.status).toBe(400);
    expect(names(result)).toEqual(["Sandrine Giraud"]);
    expect(result.data.query.skills).toEqual(["MAIL"]);
  });

  it.each([
    ["?page=1e999"],
    ["?creneaux=%3Cscript%3E&langues[]=fr"],
    [`?q=${"%22 AND skills = MAIL \\".repeat(30)}`],
    [`?adresse=${"9".repeat(500)}`],
    ["?q=%00%FF&tarifMax=NaN&verifiee=%F0%9F%98%80"],
    ["?type=agence&type=independante&tri=note&tri=distance"],
  ])("never fails on %s", async (params) => {
    const result = await search(params);
    expect([200, 400]).toContain(result.status);
    expect(Array.isArray(result.data.cards)).toBe(true);
  });
});

describe("only published profiles", () => {
  it("hides a profile as soon as it leaves publication, before the index catches up", async () => {
    const staff = await createStaff();
    const before = await search("?q=comptable");
    const julie = before.data.cards.find((card: Card) => card.displayName === "Julie Lefort");
    const profile = await db.secretaryProfile.findUniqueOrThrow({
      where: { slug: julie.slug },
      select: { id: true },
    });
    await db.$transaction((tx) =>
      transitionProfile(tx, {
        profileId: profile.id,
        event: "SUSPEND",
        actor: { id: staff.id, as: "STAFF" },
        reason: "Test",
      }),
    );
    expect(names(await search("?q=comptable"))).not.toContain("Julie Lefort");
    await drainSearchOutbox();
    const after = await search("?q=comptable");
    expect(after.data.total).toBe(before.data.total - 1);
    expect(names(after)).not.toContain("Julie Lefort");
  });

  it("never lists a draft, a pending, a rejected or a suspended profile, on any page", async () => {
    const slugs = new Set<string>();
    for (let page = 1; page <= 2; page++) {
      for (const card of (await search(`?page=${page}`)).data.cards as Card[]) slugs.add(card.slug);
    }
    const listed = await db.secretaryProfile.findMany({
      where: { status: "PUBLISHED", user: { suspendedAt: null } },
      select: { slug: true },
    });
    expect(sorted([...slugs])).toEqual(sorted(listed.map((row) => row.slug)));
  });
});
