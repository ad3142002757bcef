// Rough engine-only benchmark of the embedded engine (not a test):
//   npx tsx search/embedded/bench-embedded.ts 100000 [file]
// Generates N synthetic secretaries, builds the index with replaceAll, then times a fixed mix of
// queries. Prints build time, file size and p50/p95/p99 per query kind.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { skillLabels, sectorLabels, softwareLabels } from "#app/domain/profiles/taxonomy";
import { roundCoordinate, type SecretaryDocument } from "../documents";
import type { SecretarySearch } from "../query";
import { secretaryFacets } from "../query";
import { bayesianRating } from "../rating-score";
import { createEmbeddedEngine } from "./embedded-engine";

// mulberry32: small, seeded, good enough to spread synthetic data.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const some = <T>(list: readonly T[], min: number, max: number): T[] => {
  const count = min + Math.floor(random() * (max - min + 1));
  return [...new Set(Array.from({ length: count }, () => pick(list)))];
};

const cities = [
  ["Paris", 48.8566, 2.3522],
  ["Lyon", 45.764, 4.8357],
  ["Marseille", 43.2965, 5.3698],
  ["Toulouse", 43.6047, 1.4442],
  ["Nice", 43.7102, 7.262],
  ["Nantes", 47.2184, -1.5536],
  ["Strasbourg", 48.5734, 7.7521],
  ["Montpellier", 43.6108, 3.8767],
  ["Bordeaux", 44.8378, -0.5792],
  ["Lille", 50.6292, 3.0573],
  ["Rennes", 48.1173, -1.6778],
  ["Reims", 49.2583, 4.0317],
  ["Grenoble", 45.1885, 5.7245],
  ["Dijon", 47.322, 5.0415],
  ["Angers", 47.4784, -0.5632],
  ["Brest", 48.3904, -4.4861],
  ["Tours", 47.3941, 0.6848],
  ["Limoges", 45.8336, 1.2611],
  ["Clermont-Ferrand", 45.7772, 3.087],
  ["Rouen", 49.4432, 1.0999],
] as const;
const first = [
  "Marie",
  "Nathalie",
  "Isabelle",
  "Sylvie",
  "Catherine",
  "Sophie",
  "Sandrine",
  "Valérie",
  "Céline",
  "Julie",
  "Aurélie",
  "Émilie",
  "Laure",
  "Chloé",
  "Inès",
  "Karima",
  "Fatima",
  "Léa",
  "Camille",
  "Manon",
];
const last = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefèvre",
  "Michel",
  "Garcia",
  "David",
  "Bertrand",
  "Roux",
  "Vincent",
  "Fournier",
];
const roles = ["Secrétaire", "Assistante", "Télésecrétaire", "Office manager", "Assistante de direction"];
const qualities = [
  "médicale",
  "juridique",
  "administrative",
  "commerciale",
  "polyvalente",
  "bilingue",
  "indépendante",
  "comptable",
];
const phrases = [
  "Gestion des rendez-vous et de l’agenda",
  "Accueil téléphonique et prise de messages",
  "Saisie comptable et rapprochements",
  "Rédaction de comptes rendus de réunion",
  "Relances clients et suivi des impayés",
  "Classement et archivage numérique",
  "Mise en forme de courriers et rapports",
  "Permanence téléphonique pour cabinets",
  "Préparation des dossiers patients",
  "Suivi des devis et factures",
  "Organisation de déplacements",
  "Secrétariat à distance pour artisans",
];
const syllables = [
  "ba",
  "ce",
  "di",
  "fo",
  "gu",
  "la",
  "me",
  "ni",
  "po",
  "ru",
  "sa",
  "te",
  "vi",
  "lo",
  "ma",
  "ri",
  "tu",
  "ne",
  "zo",
  "che",
];
const pseudoWord = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join("");
const slots = [1, 2, 3, 4, 5, 6].flatMap((d) => ["MATIN", "APRES_MIDI", "SOIR"].map((p) => `${d}-${p}`));

function secretary(i: number): SecretaryDocument {
  const skills = some(Object.keys(skillLabels), 1, 4) as (keyof typeof skillLabels)[];
  const sectors = some(Object.keys(sectorLabels), 1, 2) as (keyof typeof sectorLabels)[];
  const software = some(Object.keys(softwareLabels), 0, 3) as (keyof typeof softwareLabels)[];
  const [commune, lat, lng] = pick(cities);
  const onSite = random() < 0.5;
  const ratingCount = Math.floor(random() * 30);
  const ratingAverage = ratingCount ? Math.round((3 + random() * 2) * 10) / 10 : null;
  return {
    id: `b${i}`,
    slug: `b${i}`,
    displayName: `${pick(first)} ${pick(last)}`,
    headline: `${pick(roles)} ${pick(qualities)}`,
    bio: `${some(phrases, 2, 4).join(". ")}. ${Array.from({ length: 4 }, pseudoWord).join(" ")}.`,
    skills,
    sectors,
    software,
    languages: ["fr", ...some(["en", "es", "de", "it", "ar"], 0, 2)],
    billingModes: some(["PER_TASK", "HOURLY", "FIXED"], 1, 2),
    skillLabels: skills.map((s) => skillLabels[s]),
    sectorLabels: sectors.map((s) => sectorLabels[s]),
    softwareLabels: software.map((s) => softwareLabels[s]),
    hourlyRateCents: random() < 0.1 ? null : 1800 + Math.floor(random() * 43) * 100,
    remote: random() < 0.8,
    onSite,
    baseCommune: commune,
    _geo: onSite
      ? {
          lat: roundCoordinate(lat + (random() - 0.5) * 0.6),
          lng: roundCoordinate(lng + (random() - 0.5) * 0.8),
        }
      : null,
    radiusKm: onSite ? pick([5, 10, 20, 30, 50, 100]) : null,
    availabilitySlots: some(slots, 1, 8).sort(),
    availableFrom: random() < 0.7 ? 0 : Date.UTC(2026, 0, 1 + Math.floor(random() * 90)),
    verified: random() < 0.6,
    kind: random() < 0.15 ? "AGENCY" : "INDEPENDENT",
    agencyName: null,
    ratingAverage,
    ratingCount,
    ratingScore: bayesianRating(ratingAverage, ratingCount),
    publishedAt: Date.UTC(2025, 0, 1) + Math.floor(random() * 365 * 86_400_000),
  };
}

const base: SecretarySearch = {
  index: "secretaries",
  text: "",
  filters: {},
  sort: "relevance",
  page: 1,
  perPage: 20,
  facets: [],
};
const typoTexts = [
  "secretaire medcale",
  "asistante juridique",
  "agnda",
  "comptabilite",
  "acceuil telephonique",
  "rdv medical",
  "secretaire a distance",
];
const mix: Record<string, () => SecretarySearch> = {
  "typo text + skill + max rate + reach + facets": () => {
    const [, lat, lng] = pick(cities);
    return {
      ...base,
      text: pick(typoTexts),
      filters: { skills: [pick(Object.keys(skillLabels))], maxHourlyRateCents: 4500, reach: { lat, lng } },
      facets: [...secretaryFacets],
    };
  },
  "empty text with facets": () => ({ ...base, facets: [...secretaryFacets] }),
  "empty text, one filter, facets": () => ({
    ...base,
    filters: { remote: true },
    facets: [...secretaryFacets],
  }),
  "distance sort": () => {
    const [, lat, lng] = pick(cities);
    return { ...base, sort: "distance", origin: { lat, lng } };
  },
  "typo text, relevance, facets": () => ({ ...base, text: pick(typoTexts), facets: [...secretaryFacets] }),
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function main() {
  const n = Number(process.argv[2] ?? 10_000);
  const file = process.argv[3] ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-")), "search.db");
  const engine = await createEmbeddedEngine({ url: `file:${file}` });
  let started = performance.now();
  // An existing file of the right size is reused (to time queries again without rebuilding).
  if ((await engine.count("secretaries")) !== n) {
    await engine.replaceAll(
      "secretaries",
      Array.from({ length: n }, (_, i) => secretary(i)),
    );
  }
  const buildMs = performance.now() - started;
  const size = ["", "-wal"].reduce(
    (sum, suffix) => sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0),
    0,
  );
  console.log(
    `${n} secretaries: build ${(buildMs / 1000).toFixed(1)} s, file ${(size / 2 ** 20).toFixed(1)} MiB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  );
  for (const [name, make] of Object.entries(mix)) {
    for (let i = 0; i < 5; i++) await engine.search(make());
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < 100; i++) {
      const request = make();
      started = performance.now();
      const result = await engine.search(request);
      times.push(performance.now() - started);
      hits += result.total;
    }
    times.sort((a, b) => a - b);
    const f = (p: number) => percentile(times, p).toFixed(1);
    console.log(
      `${name}: p50 ${f(0.5)} ms, p95 ${f(0.95)} ms, p99 ${f(0.99)} ms (mean total ${(hits / 100).toFixed(0)})`,
    );
  }
  await engine.close();
}

void main();
