// /missions through its real loader: real SQLite, the real embedded engine in this file's
// DATA_DIR, missions approved by staff through transitionMission and synced by the outbox worker.
import { beforeAll, describe, expect, it } from "vitest";
import { transitionMission } from "#app/domain/missions/mission-transition.server";
import { db } from "#app/lib/db.server";
import * as searchPage from "#app/routes/missions+/_index";
import { createMission, missionBusiness, openMission } from "#tests/factories/mission-rows";
import { drainSearchOutbox } from "#tests/factories/search-profiles";
import { createSecretary } from "#tests/factories/users";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Card = {
  id: string;
  title: string;
  businessName: string;
  distanceKm: number | null;
  commune: string | null;
};

const search = async (params = "", userId?: string) =>
  runRoute(searchPage.loader, await getRequest(`/missions${params}`, { userId }));
const titles = (result: { data: { cards: Card[] } }) => result.data.cards.map((card) => card.title);
const sorted = (values: string[]) => [...values].sort();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const MAIN = [
  "Standard médical",
  "Remplacement congé maternité",
  "Saisie comptable mensuelle",
  "Accueil agence Lyon",
];

let business: Awaited<ReturnType<typeof missionBusiness>>;
beforeAll(async () => {
  business = await missionBusiness("Cabinet Dupont");
  const garage = await missionBusiness("Garage Martin");
  await openMission(business, {
    title: "Standard médical",
    description: "Accueil téléphonique des patients et prise de rendez-vous Doctolib.",
    skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING"],
    billingMode: "HOURLY",
    maxHourlyRateCents: 3000,
    scheduleType: "RECURRING",
    workMode: "REMOTE",
    startDate: day("2027-01-10"),
    publishedAt: day("2026-11-01"),
  });
  await openMission(business, {
    title: "Remplacement congé maternité",
    description: "Remplacer notre secrétaire au cabinet pendant quatre mois.",
    skills: ["PHONE_ANSWERING", "FILING"],
    billingMode: "FIXED",
    maxHourlyRateCents: null,
    fixedAmountCents: 600000,
    scheduleType: "REPLACEMENT",
    workMode: "ON_SITE",
    place: "75011",
    startDate: day("2027-02-01"),
    publishedAt: day("2026-11-02"),
    handoverNotes: "Code de la porte 1234B",
    callScript: "Cabinet Dupont bonjour",
  });
  await openMission(garage, {
    title: "Saisie comptable mensuelle",
    description: "Saisie des factures fournisseurs chaque mois.",
    skills: ["BOOKKEEPING_ENTRY"],
    billingMode: "PER_TASK",
    maxHourlyRateCents: null,
    taskLines: [{ task: "ENTRY_BOOKED", unitPriceCents: 50, monthlyVolume: 400 }],
    scheduleType: "RECURRING",
    workMode: "REMOTE",
    startDate: day("2027-01-20"),
    publishedAt: day("2026-11-03"),
  });
  await openMission(garage, {
    title: "Accueil agence Lyon",
    description: "Accueil physique et téléphonique de l’agence.",
    skills: ["PHONE_ANSWERING"],
    billingMode: "HOURLY",
    maxHourlyRateCents: 2500,
    scheduleType: "ONE_OFF",
    workMode: "HYBRID",
    place: "69003",
    startDate: day("2027-01-05"),
    publishedAt: day("2026-11-04"),
  });
  // Never listed: pending, invite-only.
  await createMission(business, { title: "Mission en attente de validation" });
  await openMission(business, { title: "Mission privée sur invitation", visibility: "INVITE_ONLY" });
  await drainSearchOutbox();
});

describe("listing", () => {
  it("shows open public missions to anyone, newest first, with public facts only", async () => {
    const result = await search();
    expect(result.status).toBe(200);
    expect(titles(result)).toEqual([...MAIN].reverse());
    expect(result.data.total).toBe(4);
    const replacement = result.data.cards.find((card: Card) => card.title === "Remplacement congé maternité");
    expect(replacement).toMatchObject({
      businessName: "Cabinet Dupont",
      billingMode: "FIXED",
      budgetCents: 600000,
      scheduleType: "REPLACEMENT",
      workMode: "ON_SITE",
      commune: "Paris 11e Arrondissement",
      startDate: day("2027-02-01").getTime(),
    });
    expect(JSON.stringify(result.data)).not.toContain("1234B");
    expect(JSON.stringify(result.data)).not.toContain("Cabinet Dupont bonjour");
  });

  it("is the same for a signed-in secretary", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED" });
    expect(titles(await search("", secretary.id))).toEqual([...MAIN].reverse());
  });

  it("finds by text, typo-tolerant, in title, skills and business name", async () => {
    expect(titles(await search("?q=comptable"))).toEqual(["Saisie comptable mensuelle"]);
    expect(titles(await search("?q=remplacment"))).toEqual(["Remplacement congé maternité"]);
    expect(sorted(titles(await search("?q=garage")))).toEqual([
      "Accueil agence Lyon",
      "Saisie comptable mensuelle",
    ]);
  });

  it("hides a mission cancelled a moment ago, even before the index catches up", async () => {
    const gone = await openMission(business, { title: "Mission bientôt annulée" });
    await drainSearchOutbox();
    expect(titles(await search("?q=bientot"))).toEqual(["Mission bientôt annulée"]);
    await db.$transaction((tx) =>
      transitionMission(tx, { missionId: gone.id, event: "CANCEL", actor: { id: business.id, as: "OWNER" } }),
    );
    expect(titles(await search("?q=bientot"))).toEqual([]);
    await drainSearchOutbox();
    expect((await search("?q=bientot")).data.total).toBe(0);
  });
});

describe("filters", () => {
  it.each([
    ["?competences=PHONE_ANSWERING&competences=FILING", ["Remplacement congé maternité"]],
    ["?facturation=HOURLY", ["Accueil agence Lyon", "Standard médical"]],
    [
      "?facturation=FIXED&facturation=PER_TASK",
      ["Remplacement congé maternité", "Saisie comptable mensuelle"],
    ],
    ["?budgetMin=200", ["Remplacement congé maternité", "Saisie comptable mensuelle"]],
    ["?budgetMin=200,01", ["Remplacement congé maternité"]],
    ["?budgetMin=25&budgetMax=30", ["Accueil agence Lyon", "Standard médical"]],
    ["?budgetMax=25", ["Accueil agence Lyon"]],
    ["?planning=RECURRING", ["Saisie comptable mensuelle", "Standard médical"]],
    ["?mode=ON_SITE&mode=HYBRID", ["Accueil agence Lyon", "Remplacement congé maternité"]],
    [
      "?debutDes=2027-01-10",
      ["Remplacement congé maternité", "Saisie comptable mensuelle", "Standard médical"],
    ],
    ["?debutAvant=2027-01-10", ["Accueil agence Lyon", "Standard médical"]],
    ["?codePostal=75012&rayon=10", ["Remplacement congé maternité"]],
    ["?codePostal=69006", ["Accueil agence Lyon"]],
  ])("%s", async (params, expected) => {
    const result = await search(params);
    expect(result.status).toBe(200);
    expect(sorted(titles(result))).toEqual(expected);
  });

  it("counts facets over the matching missions", async () => {
    const result = await search("?mode=REMOTE");
    expect(result.data.facets.billingMode).toEqual({ HOURLY: 1, PER_TASK: 1 });
    expect(result.data.facets.scheduleType).toEqual({ RECURRING: 2 });
    expect(result.data.facets.skills).toMatchObject({ PHONE_ANSWERING: 1, BOOKKEEPING_ENTRY: 1 });
  });

  it("says where the distance is measured from, and gives each card its distance", async () => {
    const result = await search("?codePostal=75011&rayon=50&tri=distance");
    expect(result.data.place.label).toBe("Paris 11e Arrondissement (75011)");
    expect(result.data.sort).toBe("distance");
    expect(result.data.cards[0].distanceKm).toBeLessThan(1);
  });
});

describe("sorts", () => {
  it.each([
    [
      "date-debut",
      [
        "Accueil agence Lyon",
        "Standard médical",
        "Saisie comptable mensuelle",
        "Remplacement congé maternité",
      ],
    ],
    [
      "budget-decroissant",
      [
        "Remplacement congé maternité",
        "Saisie comptable mensuelle",
        "Standard médical",
        "Accueil agence Lyon",
      ],
    ],
    [
      "budget-croissant",
      [
        "Accueil agence Lyon",
        "Standard médical",
        "Saisie comptable mensuelle",
        "Remplacement congé maternité",
      ],
    ],
  ])("tri=%s", async (tri, expected) => {
    expect(titles(await search(`?tri=${tri}`))).toEqual(expected);
  });

  it("sorts by distance from the postcode", async () => {
    const result = await search("?codePostal=69003&rayon=500&tri=distance");
    expect(result.status).toBe(200);
    expect(titles(result)).toEqual(["Accueil agence Lyon", "Remplacement congé maternité"]);
    const [lyon, paris] = result.data.cards as Card[];
    expect(lyon!.distanceKm).toBeLessThan(paris!.distanceKm!);
  });

  it("falls back to the newest without a postcode, and says so", async () => {
    const result = await search("?tri=distance");
    expect(result.status).toBe(200);
    expect(result.data.sort).toBe("recentes");
    expect(titles(result)).toEqual([...MAIN].reverse());
    expect(result.data.notices[0]).toContain("Le tri par distance demande un code postal");
  });
});

describe("pagination", () => {
  it("pages 20 at a time with an exact total", async () => {
    const pager = await missionBusiness("Cabinet Pagination");
    for (let i = 0; i < 22; i++)
      await openMission(pager, { title: `Dactylographie lot ${i}`, skills: ["TYPING"] });
    await drainSearchOutbox();
    const first = await search("?q=dactylographie");
    expect(first.data).toMatchObject({ total: 22, totalPages: 2, page: 1 });
    expect(first.data.cards).toHaveLength(20);
    const second = await search("?q=dactylographie&page=2");
    expect(second.data.cards).toHaveLength(2);
    const all = new Set([...titles(first), ...titles(second)]);
    expect(all.size).toBe(22);
  });
});

describe("bad params", () => {
  it("answers 400 with French messages and still runs the valid part", async () => {
    const result = await search(
      "?competences=PHONE_ANSWERING&competences=JONGLAGE&facturation=GRATUIT&budgetMin=abc&planning=X&mode=LUNE&debutDes=2027-02-30&tri=hasard&page=0&rayon=900",
    );
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual(
      expect.arrayContaining([
        "Cette compétence n’existe pas.",
        "Ce mode de facturation n’existe pas.",
        "Le budget minimum doit être un montant en euros entre 0 et 100 000, par exemple 500.",
        "Ce type de mission n’existe pas (ponctuelle, récurrente ou remplacement).",
        "Ce mode de travail n’existe pas (à distance, sur place ou hybride).",
        "La date « début à partir du » n’est pas valide.",
        "Ce tri n’existe pas.",
        "Le numéro de page n’est pas valide.",
        "Le rayon doit être un nombre entier de kilomètres entre 1 et 500.",
      ]),
    );
    expect(result.data.errors).toHaveLength(9);
    expect(sorted(titles(result))).toEqual([
      "Accueil agence Lyon",
      "Remplacement congé maternité",
      "Standard médical",
    ]);
  });

  it("ignores an upside-down budget range's maximum and says so", async () => {
    const result = await search("?budgetMin=100&budgetMax=20");
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual([
      "Le budget minimum dépasse le budget maximum : le budget maximum a été ignoré.",
    ]);
    expect(sorted(titles(result))).toEqual(["Remplacement congé maternité", "Saisie comptable mensuelle"]);
  });

  it("sets aside an unknown postcode with a notice", async () => {
    const result = await search("?codePostal=00000");
    expect(result.status).toBe(200);
    expect(result.data.place).toBeNull();
    expect(result.data.notices[0]).toContain("Nous ne connaissons pas le code postal 00000");
    expect(result.data.total).toBe((await search()).data.total);
  });
});
