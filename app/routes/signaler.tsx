// POST /signaler: a signed-in user reports a public profile or a mission from its page, then goes
// back to that page with ?signale=ok|doublon|refus (no open redirect: the page is derived).
import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { reportListing } from "#app/domain/reports/listing-reports.server";
import { reportListingSchema } from "#app/domain/reports/reports.schema";
import { readForm } from "#app/lib/csrf.server";
import { DomainError } from "#app/lib/domain-error";
import { handle, toResponse } from "#app/lib/http.server";

const pageOf = (targetType: "PROFILE" | "MISSION", targetId: string) =>
  targetType === "PROFILE" ? `/secretaires/${targetId}` : `/missions/${targetId}`;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await handle(() => readForm(request));
  const parsed = reportListingSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ message: parsed.error.issues[0]!.message }, { status: 400 });
  const back = pageOf(parsed.data.targetType, parsed.data.targetId);
  try {
    await reportListing({ actorId: user.id, ...parsed.data, details: parsed.data.details ?? undefined });
    return redirect(`${back}?signale=ok`);
  } catch (error) {
    if (error instanceof DomainError && error.code === "CONFLICT") return redirect(`${back}?signale=doublon`);
    if (error instanceof DomainError && error.code === "FORBIDDEN") return redirect(`${back}?signale=refus`);
    return toResponse(error);
  }
}

/** Nothing to show: the form lives on the profile and mission pages. */
export function loader() {
  throw redirect("/");
}
