// Titles, descriptions and replacement instructions of generated missions, composed from the
// catalog's fragments so each reads like a real post from a practice, a firm or a craftsman.
import type { ScheduleType, WorkMode } from "#app/domain/missions/mission-columns";
import { softwareLabels, type Sector } from "#app/domain/profiles/taxonomy";
import { formatDate } from "#app/lib/dates";
import { sectorWords, type LeaveReason, type Need } from "./mission-catalog";
import { frenchSchedule } from "./mission-schedule";
import type { Random } from "./random";

export type ScheduleFacts = {
  scheduleType: ScheduleType;
  startDate: Date;
  endDate: Date | null;
  days: readonly number[];
  windows: readonly { start: string; end: string }[];
  leave: LeaveReason | null;
  weeks: number;
};

export type TextFacts = {
  need: Need;
  sector: Sector;
  businessName: string;
  town: string;
  workMode: WorkMode;
  schedule: ScheduleFacts;
};

export const durationLabel = (weeks: number) =>
  weeks >= 8 ? `${Math.round(weeks / 4.33)} mois` : `${weeks} semaine${weeks > 1 ? "s" : ""}`;

export function missionTitle(random: Random, facts: TextFacts): string {
  const { schedule, need, sector } = facts;
  if (schedule.scheduleType === "REPLACEMENT") {
    return `Remplacement de notre ${sectorWords[sector].role} (${schedule.leave!.reason}, ${durationLabel(schedule.weeks)})`;
  }
  return random.pick(schedule.scheduleType === "RECURRING" ? need.recurringTitles : need.oneOffTitles);
}

function opening(facts: TextFacts): string {
  const { schedule, businessName, town, sector } = facts;
  const who = `${businessName}, à ${town}, cherche une ${sectorWords[sector].role}`;
  const from = formatDate(schedule.startDate);
  const to = schedule.endDate ? formatDate(schedule.endDate) : null;
  if (schedule.scheduleType === "RECURRING") {
    return `${who} ${frenchSchedule(schedule.days, schedule.windows)}, à partir du ${from}${to ? ` et jusqu’au ${to}` : ""}.`;
  }
  if (schedule.scheduleType === "REPLACEMENT") {
    return `${who} pour remplacer la nôtre pendant ${schedule.leave!.during}, du ${from} au ${to}.`;
  }
  return `${who} pour une mission ponctuelle, du ${from} au ${to}.`;
}

function whereAndTools(random: Random, facts: TextFacts): string {
  const tools = random
    .shuffle(sectorWords[facts.sector].tools)
    .slice(0, 2)
    .map((code) => softwareLabels[code]);
  const toolText = `nous travaillons avec ${tools.join(" et ")}`;
  if (facts.workMode === "REMOTE") {
    return `La mission se fait entièrement à distance : vous recevez un accès à nos outils (${toolText}).`;
  }
  if (facts.workMode === "ON_SITE") {
    return `La mission se déroule sur place, dans nos locaux de ${facts.town} ; ${toolText}.`;
  }
  return `Mission hybride : une demi-journée par semaine dans nos locaux de ${facts.town}, le reste à distance ; ${toolText}.`;
}

export function missionDescription(random: Random, facts: TextFacts): string {
  const paragraphs = [
    opening(facts),
    random.pick(facts.need.work),
    whereAndTools(random, facts),
    sectorWords[facts.sector].profile,
  ];
  if (facts.sector === "MEDICAL") {
    paragraphs.push(
      "Le secret médical s’applique : vous signerez un engagement de confidentialité avant d’accéder aux dossiers.",
    );
  }
  return paragraphs.join("\n\n");
}

/** The instructions sheet a replacement needs on her first morning. */
export function replacementSheet(facts: TextFacts) {
  const { sector, town } = facts;
  const tools = sectorWords[sector].tools.map((code) => softwareLabels[code]).join(", ");
  const medical = sector === "MEDICAL";
  return {
    handoverNotes:
      `Une demi-journée de passation est prévue avec la titulaire avant son départ. Les dossiers en cours ` +
      `sont listés dans un tableau partagé ; les codes d’accès vous seront remis sur place à ${town}.`,
    callScript: medical
      ? "« Cabinet médical, bonjour. » Demander le nom du patient, sa date de naissance et le motif ; proposer le premier créneau adapté."
      : `« ${facts.businessName}, bonjour. » Noter le nom, le numéro et l’objet de l’appel ; proposer un rappel dans la journée.`,
    urgentRouting: medical
      ? "Urgence vitale : orienter vers le 15. Demande urgente d’un patient suivi : transférer au médecin de garde du jour."
      : "Appel urgent d’un client : SMS immédiat au dirigeant, puis courriel récapitulatif.",
    toolsToUse: tools,
  };
}
