// The signature form: the secretary types her full name and ticks that she has read the text.
import { z } from "zod";

export const pledgeMessages = {
  fullNameRequired: "Tapez vos prénom et nom pour signer.",
  fullNameTooShort: "Tapez vos prénom et nom complets.",
  fullNameTooLong: "Le nom ne doit pas dépasser 120 caractères.",
  readRequired: "Cochez la case pour confirmer que vous avez lu l’engagement.",
} as const;

export const pledgeFormSchema = z.object({
  fullName: z
    .string({ required_error: pledgeMessages.fullNameRequired })
    .trim()
    .min(1, pledgeMessages.fullNameRequired)
    .refine((value) => value.split(/\s+/).length >= 2 && value.length >= 4, pledgeMessages.fullNameTooShort)
    .refine((value) => value.length <= 120, pledgeMessages.fullNameTooLong),
  read: z.literal("on", { errorMap: () => ({ message: pledgeMessages.readRequired }) }),
  redirectTo: z.string().optional(),
});
export type PledgeFormInput = z.input<typeof pledgeFormSchema>;
