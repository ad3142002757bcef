import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import { DomainError } from "#app/lib/domain-error";
import { toResponse } from "#app/lib/http.server";
import type { CodeCheck } from "./totp.server";

/**
 * Runs a code check for the second-factor pages: a wrong code (400) or too many tries (429) come
 * back as a form error, so the page stays usable without JavaScript. Null when the code was good.
 */
export async function codeRefused(submission: Submission<unknown>, check: () => Promise<CodeCheck>) {
  let result: CodeCheck;
  try {
    result = await check();
  } catch (error) {
    if (error instanceof DomainError && error.code === "RATE_LIMITED") {
      return data(submission.reply({ formErrors: [error.message], hideFields: ["code"] }), { status: 429 });
    }
    return toResponse(error);
  }
  if (result.ok) return null;
  return data(submission.reply({ formErrors: [result.message], hideFields: ["code"] }), { status: 400 });
}
