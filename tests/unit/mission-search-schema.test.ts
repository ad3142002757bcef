import { describe, expect, it } from "vitest";
import {
  emptyMissionSearch,
  missionSearchHref,
  parseMissionSearch,
  serializeMissionSearch,
} from "#app/domain/discovery/mission-search.schema";
import { toMissionEngineRequest } from "#app/domain/discovery/missions-discovery.server";

const parse = (search: string) => parseMissionSearch(new URLSearchParams(search));

describe("parseMissionSearch", () => {
  it("reads an empty URL as the default query", () => {
    expect(parse("")).toEqual({ query: emptyMissionSearch, errors: {} });
  });

  it("reads every param", () => {
    const { query, errors } = parse(
      "q=accueil++t%C3%A9l%C3%A9phonique&codePostal=69003&rayon=15&competences=PHONE_ANSWERING&competences=PHONE_ANSWERING" +
        "&facturation=HOURLY&budgetMin=25&budgetMax=1+234,50&planning=RECURRING&mode=REMOTE&mode=HYBRID" +
        "&debutDes=2027-01-01&debutAvant=2027-03-31&tri=budget-croissant&page=3",
    );
    expect(errors).toEqual({});
    expect(query).toEqual({
      q: "accueil téléphonique",
      codePostal: "69003",
      rayonKm: 15,
      skills: ["PHONE_ANSWERING"],
      billingModes: ["HOURLY"],
      minBudgetCents: 2500,
      maxBudgetCents: 123450,
      scheduleTypes: ["RECURRING"],
      workModes: ["REMOTE", "HYBRID"],
      startFrom: "2027-01-01",
      startBefore: "2027-03-31",
      sort: "budget-croissant",
      page: 3,
    });
  });

  it.each([
    ["competences=JONGLAGE", "competences", "Cette compétence n’existe pas."],
    ["facturation=GRATUIT", "facturation", "Ce mode de facturation n’existe pas."],
    [
      "budgetMin=-5",
      "budgetMin",
      "Le budget minimum doit être un montant en euros entre 0 et 100 000, par exemple 500.",
    ],
    [
      "budgetMax=100001",
      "budgetMax",
      "Le budget maximum doit être un montant en euros entre 0 et 100 000, par exemple 2000.",
    ],
    ["planning=CDI", "planning", "Ce type de mission n’existe pas (ponctuelle, récurrente ou remplacement)."],
    ["mode=LUNE", "mode", "Ce mode de travail n’existe pas (à distance, sur place ou hybride)."],
    ["debutDes=2027-13-01", "debutDes", "La date « début à partir du » n’est pas valide."],
    ["debutAvant=demain", "debutAvant", "La date « début avant le » n’est pas valide."],
    ["rayon=0", "rayon", "Le rayon doit être un nombre entier de kilomètres entre 1 et 500."],
    ["rayon=2.5", "rayon", "Le rayon doit être un nombre entier de kilomètres entre 1 et 500."],
    ["tri=pertinence", "tri", "Ce tri n’existe pas."],
    ["page=abc", "page", "Le numéro de page n’est pas valide."],
  ])("%s → a French message, and the param is set aside", (search, name, message) => {
    const { query, errors } = parse(search);
    expect(errors).toEqual({ [name]: message });
    expect(query).toEqual(emptyMissionSearch);
  });

  it("keeps the known codes of a list with an unknown one", () => {
    const { query, errors } = parse("competences=TYPING&competences=NOPE");
    expect(query.skills).toEqual(["TYPING"]);
    expect(errors.competences).toBeDefined();
  });

  it("drops the upper bound of an upside-down range and says so", () => {
    const budget = parse("budgetMin=50&budgetMax=10");
    expect(budget.query).toMatchObject({ minBudgetCents: 5000, maxBudgetCents: null });
    expect(budget.errors.budgetOrdre).toContain("budget maximum a été ignoré");
    const dates = parse("debutDes=2027-02-01&debutAvant=2027-01-01");
    expect(dates.query).toMatchObject({ startFrom: "2027-02-01", startBefore: null });
    expect(dates.errors.debutOrdre).toBeDefined();
  });

  it("shortens a text over 200 characters and refuses a place over 120", () => {
    const { query, errors } = parse(`q=${"a".repeat(250)}&codePostal=${"7".repeat(130)}`);
    expect(query.q).toHaveLength(200);
    expect(query.codePostal).toBe("");
    expect(Object.keys(errors).sort()).toEqual(["codePostal", "q"]);
  });
});

describe("serializeMissionSearch", () => {
  it("round-trips, leaving defaults out", () => {
    const search =
      "q=accueil&codePostal=69003&rayon=15&competences=TYPING&facturation=FIXED&budgetMin=12.5&planning=ONE_OFF&mode=ON_SITE&debutDes=2027-01-01&tri=distance&page=2";
    const { query } = parse(search);
    expect(serializeMissionSearch(query)).toBe(search);
    expect(parse(serializeMissionSearch(query)).query).toEqual(query);
    expect(missionSearchHref(emptyMissionSearch)).toBe("/missions");
  });

  it("leaves the radius out without a place", () => {
    expect(serializeMissionSearch({ ...emptyMissionSearch, rayonKm: 10 })).toBe("");
  });
});

describe("toMissionEngineRequest", () => {
  const place = { label: "Lyon 3e (69003)", point: { lat: 45.76, lng: 4.85 } };

  it("maps the query to engine filters, days to epoch ms", () => {
    const { query } = parse(
      "competences=TYPING&budgetMax=30&debutDes=2027-01-01&debutAvant=2027-01-31&rayon=15&tri=date-debut",
    );
    expect(toMissionEngineRequest(query, place)).toEqual({
      index: "missions",
      text: "",
      page: 1,
      perPage: 20,
      sort: "start_date",
      facets: ["skills", "billingMode", "scheduleType", "workMode"],
      filters: {
        skills: ["TYPING"],
        maxBudgetCents: 3000,
        startFrom: Date.UTC(2027, 0, 1),
        startBefore: Date.UTC(2027, 0, 31),
        near: { lat: 45.76, lng: 4.85, radiusKm: 15 },
      },
      origin: place.point,
    });
  });

  it("sorts by newest when distance is asked without a place", () => {
    const request = toMissionEngineRequest(parse("tri=distance").query, null);
    expect(request.sort).toBe("newest");
    expect(request.filters).toEqual({});
  });
});
