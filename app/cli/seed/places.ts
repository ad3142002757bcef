// Where demo people live and work: real postcodes, geocoded with the bundled table, weighted
// roughly by the size of the town so Paris, Lyon and Marseille have more secretaries.
import { lookupPostcode, type Commune } from "#app/domain/geo/geo.server";
import type { Random, Weighted } from "./random";

/**
 * Big and middle-sized towns, weighted roughly by population. Postcodes as the bundled table
 * lists them (it keeps one postcode per commune, see geo/README), with the commune meant.
 */
const towns: readonly (readonly [postcode: string, commune: string, weight: number])[] = [
  ["75011", "Paris 11e Arrondissement", 10],
  ["75015", "Paris 15e Arrondissement", 10],
  ["75017", "Paris 17e Arrondissement", 8],
  ["75018", "Paris 18e Arrondissement", 7],
  ["75020", "Paris 20e Arrondissement", 7],
  ["75008", "Paris 8e Arrondissement", 4],
  ["69003", "Lyon 3e Arrondissement", 6],
  ["69006", "Lyon 6e Arrondissement", 4],
  ["69007", "Lyon 7e Arrondissement", 4],
  ["13001", "Marseille 1er Arrondissement", 4],
  ["13006", "Marseille 6e Arrondissement", 3],
  ["13008", "Marseille 8e Arrondissement", 4],
  ["31300", "Toulouse", 7],
  ["06100", "Nice", 5],
  ["44000", "Nantes", 6],
  ["67200", "Strasbourg", 5],
  ["34000", "Montpellier", 5],
  ["33000", "Bordeaux", 6],
  ["59000", "Lille", 5],
  ["35200", "Rennes", 5],
  ["51100", "Reims", 3],
  ["76600", "Le Havre", 3],
  ["42000", "Saint-Étienne", 3],
  ["83200", "Toulon", 3],
  ["38000", "Grenoble", 3],
  ["21000", "Dijon", 3],
  ["49100", "Angers", 3],
  ["30900", "Nîmes", 2],
  ["69100", "Villeurbanne", 3],
  ["63100", "Clermont-Ferrand", 3],
  ["72100", "Le Mans", 2],
  ["29200", "Brest", 2],
  ["37200", "Tours", 3],
  ["80080", "Amiens", 2],
  ["87000", "Limoges", 2],
  ["74370", "Annecy", 2],
  ["66000", "Perpignan", 2],
  ["57000", "Metz", 2],
  ["25000", "Besançon", 2],
  ["45100", "Orléans", 2],
  ["76000", "Rouen", 3],
  ["68200", "Mulhouse", 2],
  ["14000", "Caen", 2],
  ["54000", "Nancy", 2],
  ["86000", "Poitiers", 2],
  ["17000", "La Rochelle", 2],
  ["64000", "Pau", 2],
  ["84000", "Avignon", 2],
  ["13290", "Aix-en-Provence", 2],
  ["92100", "Boulogne-Billancourt", 3],
  ["93100", "Montreuil", 2],
  ["94000", "Créteil", 2],
  ["78000", "Versailles", 2],
  ["56000", "Vannes", 1],
];

const streetTypes: Weighted<string> = [
  ["rue", 10],
  ["avenue", 4],
  ["boulevard", 2],
  ["place", 1],
  ["allée", 1],
  ["chemin", 1],
  ["impasse", 1],
];
const streetNames = [
  "de la République",
  "Victor-Hugo",
  "Jean-Jaurès",
  "Pasteur",
  "des Lilas",
  "du Général-de-Gaulle",
  "de la Gare",
  "Gambetta",
  "des Écoles",
  "du Moulin",
  "Émile-Zola",
  "de la Liberté",
  "des Tilleuls",
  "Jules-Ferry",
  "du Commerce",
  "de Verdun",
  "Saint-Michel",
  "de l’Église",
  "des Acacias",
  "Carnot",
  "Voltaire",
  "de la Paix",
  "Nationale",
  "du Port",
  "des Peupliers",
  "Anatole-France",
];

export type Place = Commune;

export function placeAt(postcode: string, communeName: string): Place {
  const commune = lookupPostcode(postcode).find((candidate) => candidate.name === communeName);
  if (!commune) throw new Error(`Commune introuvable : ${postcode} ${communeName}`);
  return commune;
}

let townPlaces: Weighted<Place> | undefined;

/** Resolved on first use; a typo in the list fails loudly instead of seeding the wrong town. */
function weightedTowns(): Weighted<Place> {
  return (townPlaces ??= towns.map(
    ([postcode, commune, weight]) => [placeAt(postcode, commune), weight] as const,
  ));
}

/** A real postcode drawn at random: department + a plausible ending, kept if the table knows it. */
function randomTown(random: Random): Place | null {
  // Corsica (2A/2B) still uses 20xxx postcodes, so 01–95 covers metropolitan France.
  const department = String(random.int(1, 95)).padStart(2, "0");
  const postcode = `${department}${random.int(0, 9)}${random.pick(["0", "1", "2", "3", "5", "7"])}0`;
  const communes = lookupPostcode(postcode);
  return communes.length > 0 ? random.pick(communes) : null;
}

/**
 * Draws places: three in four from the big and middle-sized towns, the rest from a pool of
 * smaller communes found at random. The pool is built once so large runs stay fast.
 */
export function placePicker(random: Random, poolSize = 400): () => Place {
  const pool: Place[] = [];
  for (let tries = 0; pool.length < poolSize && tries < poolSize * 50; tries++) {
    const town = randomTown(random);
    if (town) pool.push(town);
  }
  return () =>
    random.chance(0.75) || pool.length === 0 ? random.weighted(weightedTowns()) : random.pick(pool);
}

export function streetAddress(random: Random): string {
  const number = random.int(1, 120);
  const bis = random.chance(0.06) ? " bis" : "";
  return `${number}${bis} ${random.weighted(streetTypes)} ${random.pick(streetNames)}`;
}

/** "Paris 11e Arrondissement" → "Paris": what people say in a bio. */
export function townName(place: Pick<Place, "name">): string {
  return place.name.replace(/ \d+(?:er|e) Arrondissement$/, "");
}
