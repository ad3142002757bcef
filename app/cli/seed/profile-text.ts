// Headlines and bios in natural French, composed from fragments so that two profiles of the
// same kind still read differently.
import { softwareLabels, type Language, type Skill, type Software } from "#app/domain/profiles/taxonomy";
import type { Archetype } from "./archetypes";
import type { Gender } from "./names";
import type { Random } from "./random";

export type ProfileFacts = {
  gender: Gender;
  archetype: Archetype;
  years: number;
  skills: Skill[];
  software: Software[];
  languages: Language[];
  town: string;
  radiusKm: number | null;
  agencyName: string | null;
  /** The year she started on her own, and how many years she was employed before. */
  since: number;
  yearsEmployed: number;
};

/** What she does, as it reads inside a sentence. */
const skillPhrases: Record<Skill, string> = {
  PHONE_ANSWERING: "l’accueil téléphonique",
  APPOINTMENT_BOOKING: "la prise de rendez-vous",
  AGENDA_MANAGEMENT: "la gestion de votre agenda",
  MINUTES: "la rédaction de comptes rendus",
  PROOFREADING: "la relecture de vos documents",
  TYPING: "la mise en forme de vos documents",
  FILING: "l’archivage",
  MAIL: "le traitement du courrier",
  CLIENT_REMINDERS: "les relances clients",
  BOOKKEEPING_ENTRY: "la saisie comptable",
  FILE_UPDATES: "la mise à jour des dossiers",
};

const skillShort: Record<Skill, string> = {
  PHONE_ANSWERING: "accueil téléphonique",
  APPOINTMENT_BOOKING: "prise de rendez-vous",
  AGENDA_MANAGEMENT: "gestion d’agenda",
  MINUTES: "comptes rendus",
  PROOFREADING: "relecture",
  TYPING: "frappe",
  FILING: "archivage",
  MAIL: "courrier",
  CLIENT_REMINDERS: "relances clients",
  BOOKKEEPING_ENTRY: "saisie comptable",
  FILE_UPDATES: "mise à jour des dossiers",
};

const languageNames: Partial<Record<Language, string>> = {
  en: "anglais",
  es: "espagnol",
  de: "allemand",
  it: "italien",
  pt: "portugais",
  ar: "arabe",
  zh: "chinois",
};

/** "a", "a et b", "a, b et c". */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

/** "les artisans et les PME", or after "de": "des artisans et des PME" (French contracts "de les"). */
const clientsOf = (archetype: Archetype, after?: "de") =>
  frenchList(archetype.clients.map((client) => (after ? client.replace(/^les /, "des ") : client)));
const yearsText = (years: number) => (years === 1 ? "1 an" : `${years} ans`);
const g = (facts: ProfileFacts, f: string, m: string) => (facts.gender === "f" ? f : m);
const softwareNames = (codes: readonly Software[]) => codes.map((code) => softwareLabels[code]);
const otherLanguage = (facts: ProfileFacts) =>
  facts.languages.map((code) => languageNames[code]).find(Boolean);

export function headline(random: Random, facts: ProfileFacts): string {
  const title = facts.archetype.title[facts.gender];
  const [skill1, skill2] = facts.skills.map((skill) => skillShort[skill]);
  const [software1, software2] = softwareNames(facts.software);
  const language = otherLanguage(facts);
  const options: string[] = [
    `${title} à distance pour ${clientsOf(facts.archetype)}`,
    `${title}, ${yearsText(facts.years)} d’expérience ${random.pick(facts.archetype.backgrounds)}`,
  ];
  if (!/indépendant/.test(title))
    options.push(
      `${title} ${g(facts, "indépendante", "indépendant")} — ${yearsText(facts.years)} d’expérience${software1 ? `, ${software1}` : ""}`,
    );
  if (skill1 && skill2) options.push(`${title} · ${skill1} et ${skill2}`);
  if (software1 && software2) options.push(`${title} — ${software1} et ${software2}`);
  if (language) options.push(`${title} bilingue français-${language}`);
  if (facts.radiusKm) options.push(`${title} à ${facts.town}, à distance ou sur site`);
  if (facts.agencyName) options.push(`${title} — équipe ${facts.agencyName}`);
  return random.pick(options);
}

function introduction(random: Random, facts: ProfileFacts): string {
  const options = [
    `Secrétaire depuis ${yearsText(facts.years)}, j’accompagne aujourd’hui ${clientsOf(facts.archetype)} à distance.`,
    `Je mets ${yearsText(facts.years)} d’expérience au service ${clientsOf(facts.archetype, "de")}.`,
  ];
  if (facts.yearsEmployed >= 2) {
    options.push(
      `Après ${yearsText(facts.yearsEmployed)} ${random.pick(facts.archetype.backgrounds)}, je me suis ${g(facts, "installée", "installé")} à mon compte en ${facts.since}.`,
    );
    const former = random.pick(facts.archetype.formerJobs)[facts.gender];
    options.push(
      `${g(facts, "Ancienne", "Ancien")} ${former}, j’ai créé mon activité de télésecrétariat en ${facts.since}.`,
    );
  }
  return random.pick(options);
}

function whatIDo(random: Random, facts: ProfileFacts): string {
  const list = frenchList(facts.skills.slice(0, 4).map((skill) => skillPhrases[skill]));
  return random.pick([
    `Je prends en charge ${list}.`,
    `Concrètement : ${list}, avec un point régulier pour que rien ne se perde.`,
    `Mes missions les plus fréquentes : ${list}.`,
  ]);
}

function tools(random: Random, facts: ProfileFacts): string | null {
  if (facts.software.length === 0) return null;
  const list = frenchList(softwareNames(facts.software));
  return random.pick([
    `J’utilise au quotidien ${list}.`,
    `À l’aise avec ${list}, je m’adapte vite à vos outils.`,
    `Je travaille sur ${list}, ou sur vos propres outils si vous préférez.`,
  ]);
}

function closing(random: Random, facts: ProfileFacts): string {
  const options = [
    "Premier échange offert pour cerner vos besoins.",
    `${g(facts, "Réactive et organisée", "Réactif et organisé")}, je réponds à vos demandes dans la journée.`,
  ];
  if (facts.radiusKm)
    options.push(
      `${g(facts, "Basée", "Basé")} à ${facts.town}, je me déplace aussi dans un rayon de ${facts.radiusKm} km.`,
    );
  if (facts.archetype.key === "medical")
    options.push(
      `Je suis ${g(facts, "attachée", "attaché")} au secret médical et à la qualité de l’accueil de vos patients.`,
    );
  if (facts.archetype.key === "legal")
    options.push("Rigueur et confidentialité sont au cœur de mon travail.");
  const language = otherLanguage(facts);
  if (language) options.push(`Je traite aussi vos appels et vos courriels en ${language}.`);
  if (facts.agencyName)
    options.push(
      `Je fais partie de l’équipe ${facts.agencyName} : vos appels sont repris par une collègue pendant mes congés.`,
    );
  return random.pick(options);
}

/** Two to four sentences: who she is, what she does, then tools and/or a closing line. */
export function bio(random: Random, facts: ProfileFacts): string {
  const sentences = [introduction(random, facts), whatIDo(random, facts)];
  const toolLine = random.chance(0.7) ? tools(random, facts) : null;
  if (toolLine) sentences.push(toolLine);
  if (sentences.length < 3 || random.chance(0.6)) sentences.push(closing(random, facts));
  return sentences.join(" ");
}
