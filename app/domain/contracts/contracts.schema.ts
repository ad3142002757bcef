// The contract pages' forms (client-safe): status actions, acceptance, replacement periods.
import { z } from "zod";
import type { ContractEvent } from "./contract-machine";

/** What a party can do from the contract page, and the machine event behind each. */
export const partyIntents = ["pause", "resume", "complete", "cancel", "dispute"] as const;
export type PartyIntent = (typeof partyIntents)[number];
export const eventOfIntent: Record<PartyIntent, ContractEvent> = {
  pause: "PAUSE",
  resume: "RESUME",
  complete: "COMPLETE",
  cancel: "CANCEL",
  dispute: "DISPUTE",
};

const reason = z
  .string()
  .trim()
  .max(1000, "Le motif fait au plus 1 000 caractères.")
  .optional()
  .transform((value) => value || null);

export const statusFormSchema = z.object({ intent: z.enum(partyIntents), reason });

export const acceptFormSchema = z.object({
  intent: z.literal("accept"),
  // An unticked checkbox is simply absent from a plain form POST.
  mandate: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});

const isoDay = (label: string) =>
  z
    .string({ required_error: `Indiquez ${label}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Indiquez ${label} au format jj/mm/aaaa.`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), `Cette date n’existe pas.`);

export const replacementFormSchema = z.object({
  intent: z.literal("add"),
  replacesAssigneeId: z.string({ required_error: "Choisissez la personne remplacée." }).min(1),
  secretary: z
    .string({ required_error: "Indiquez l’adresse du profil de la remplaçante." })
    .trim()
    .min(1, "Indiquez l’adresse du profil de la remplaçante.")
    .max(300),
  startsOn: isoDay("le premier jour"),
  endsOn: isoDay("le dernier jour"),
});
export type ReplacementInput = z.infer<typeof replacementFormSchema>;

export const cancelReplacementSchema = z.object({
  intent: z.literal("cancel"),
  replacementId: z.string().min(1),
});
