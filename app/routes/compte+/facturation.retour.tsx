// Checkout's success_url (?session_id=cs_…): records the saved method at once, then back to the
// billing page. The webhook does the same if the browser never comes back.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { checkoutReturnSchema } from "#app/domain/payment-methods/payment-methods.schema";
import { completePaymentMethodSetup } from "#app/domain/payment-methods/payment-methods.server";
import { handle } from "#app/lib/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = checkoutReturnSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw data({ message: parsed.error.issues[0]!.message }, { status: 400 });
  const outcome = await handle(() =>
    completePaymentMethodSetup({ actorId: user.id, sessionId: parsed.data.session_id }),
  );
  const done = outcome.saved || outcome.reason === "ALREADY_SAVED";
  return redirect(`/compte/facturation?${done ? "enregistre" : "attente"}=1`);
}
