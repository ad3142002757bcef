// Stripe's refresh_url: the onboarding link expired or was already used. Stripe sends the
// browser here with a GET, so the loader makes a fresh link and redirects to it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { refreshOnboardingLink } from "#app/domain/payees/payees.server";
import { handle } from "#app/lib/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const link = await handle(() => refreshOnboardingLink({ actorId: user.id }));
  return redirect(link?.url ?? "/compte/paiements");
}
