// The staff second-factor form (client-safe).
import { z } from "zod";

export const totpCodeSchema = z.object({
  code: z
    .string({ required_error: "Saisissez le code à 6 chiffres." })
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Le code comporte 6 chiffres, sans lettres.")),
  redirectTo: z.string().optional(),
});

export type TotpCodeInput = z.input<typeof totpCodeSchema>;
