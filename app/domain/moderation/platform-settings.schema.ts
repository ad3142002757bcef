// The commission form: a percentage typed the French way ("10,5"), stored in basis points.
import { z } from "zod";

export const MAX_FEE_PERCENT = 50;

const feeMessage = `Indiquez une commission entre 0 et ${MAX_FEE_PERCENT} %, par exemple 10 ou 10,5.`;

export const platformFeeSchema = z.object({
  percent: z
    .string({ required_error: feeMessage, invalid_type_error: feeMessage })
    .trim()
    .regex(/^\d{1,2}(?:[.,]\d{1,2})?$/, feeMessage)
    .transform((text) => Math.round(Number(text.replace(",", ".")) * 100))
    .refine((bps) => bps >= 0 && bps <= MAX_FEE_PERCENT * 100, feeMessage),
});
export type PlatformFeeInput = z.input<typeof platformFeeSchema>;

/** 1050 → "10,5 %". */
export function formatFeePercent(bps: number): string {
  return `${(bps / 100).toLocaleString("fr-FR", { maximumFractionDigits: 2 })} %`;
}
