// The rules a work record must follow, as pure checks returning a French message (null = fine).
// Client-safe: the forms' zod schemas and the use cases share the same limits and wording.
import { formatDate } from "#app/lib/dates";

export const workLimits = {
  minutesPerEntry: { min: 1, max: 1440 },
  /** Minutes one person logs on one day, every contract together (a day has 24 hours). */
  minutesPerDay: 1440,
  quantity: { min: 1, max: 10_000 },
  description: 1000,
  reason: 1000,
  deliveryNote: 2000,
} as const;

export const workMessages = {
  date: "Indiquez une date valide.",
  future: "Cette date est dans le futur : on ne saisit que le travail déjà fait.",
  minutes: "La durée doit être comprise entre 1 minute et 24 heures.",
  duration: "Indiquez une durée (heures et minutes).",
  quantity: "Chaque quantité doit être un nombre entier compris entre 1 et 10 000.",
  noLine: "Indiquez au moins une quantité.",
  duplicateTask: "Chaque type de tâche ne peut figurer qu’une fois.",
  unknownTask: "Ce type de tâche ne fait pas partie du contrat.",
  description: "Décrivez le travail effectué.",
  descriptionLength: "La description ne doit pas dépasser 1 000 caractères.",
  noteLength: "La note ne doit pas dépasser 1 000 caractères.",
  reason: "Indiquez le motif de la contestation.",
  reasonLength: "Le motif ne doit pas dépasser 1 000 caractères.",
  deliveryNoteLength: "La note de livraison ne doit pas dépasser 2 000 caractères.",
  nothingSelected: "Cochez au moins une ligne à valider.",
} as const;

export const isWholeIn = (value: number, range: { min: number; max: number }) =>
  Number.isInteger(value) && value >= range.min && value <= range.max;

/** The day must be done (not after Paris's today) and inside the contract's period. */
export function workDayProblem(facts: {
  day: string;
  today: string;
  contractStart: string;
  contractEnd: string | null;
}): string | null {
  if (facts.day > facts.today) return workMessages.future;
  if (facts.day < facts.contractStart)
    return `Le contrat commence le ${formatDate(`${facts.contractStart}T12:00:00Z`)} : aucune saisie avant cette date.`;
  if (facts.contractEnd && facts.day > facts.contractEnd)
    return `Le contrat s’est terminé le ${formatDate(`${facts.contractEnd}T12:00:00Z`)} : aucune saisie après cette date.`;
  return null;
}

export function descriptionProblem(description: string, required: boolean): string | null {
  const text = description.trim();
  if (required && text.length === 0) return workMessages.description;
  if (text.length > workLimits.description)
    return required ? workMessages.descriptionLength : workMessages.noteLength;
  return null;
}

/** Over 24 hours for the day, every entry of this person together. */
export function dailyLimitProblem(alreadyLogged: number, adding: number): string | null {
  if (alreadyLogged + adding <= workLimits.minutesPerDay) return null;
  const left = Math.max(0, workLimits.minutesPerDay - alreadyLogged);
  return `Vous avez déjà saisi ${Math.floor(alreadyLogged / 60)} h ${String(alreadyLogged % 60).padStart(2, "0")} ce jour-là : une journée ne compte que 24 heures (il reste ${left} minutes).`;
}
