// POST /signaler: a signed-in user reports a public profile, the person behind it, a mission or a
// published review from its page, then goes back to that page with ?signale=ok|doublon|refus (and
// &avis=<id> for a review). No open redirect: the page is derived from what was reported.
import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { reportListing, reportedPageOf } from "#app/domain/reports/listing-reports.server";
import { reportListingSchema } from "#app/domain/reports/reports.schema";
import { readForm } from "#app/lib/csrf.server";
import { DomainError } from "#app/lib/domain-error";
import { handle, toResponse } from "#app/lib/http.server";

function backTo(page: string, notice: string, reviewId: string | null) {
  const [path, hash] = page.split("#");
  const query = new URLSearchParams({ signale: notice, ...(reviewId ? { avis: reviewId } : {}) });
  return redirect(`${path}?${query}${hash ? `#${hash}` : ""}`);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await handle(() => readForm(request));
  const parsed = reportListingSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ message: parsed.error.issues[0]!.message }, { status: 400 });
  const { targetType, targetId } = parsed.data;
  const reviewId = targetType === "REVIEW" ? targetId : null;
  try {
    const { link } = await reportListing({
      actorId: user.id,
      ...parsed.data,
      details: parsed.data.details ?? undefined,
    });
    return backTo(link, "ok", reviewId);
  } catch (error) {
    const refusal =
      error instanceof DomainError && error.code === "CONFLICT"
        ? "doublon"
        : error instanceof DomainError && error.code === "FORBIDDEN"
          ? "refus"
          : null;
    if (!refusal) return toResponse(error);
    return backTo(await reportedPageOf(targetType, targetId), refusal, reviewId);
  }
}

/** Nothing to show: the form lives on the profile and mission pages. */
export function loader() {
  throw redirect("/");
}
