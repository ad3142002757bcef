import { z } from "zod";

export const POSTCODE_MESSAGE = "Le code postal doit comporter 5 chiffres.";

// Metropolitan departments 01–95 (Corsica is 20xxx), overseas 97xxx and 98xxx. "00xxx" and
// "99xxx" are not postcodes, so they fail here rather than later as an unknown postcode.
const POSTCODE_PATTERN = /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/;

/** A French postcode typed in a form; spaces are dropped ("75 011" → "75011"). */
export const postcodeSchema = z
  .string({ required_error: POSTCODE_MESSAGE, invalid_type_error: POSTCODE_MESSAGE })
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().regex(POSTCODE_PATTERN, POSTCODE_MESSAGE));

export type Postcode = z.output<typeof postcodeSchema>;
