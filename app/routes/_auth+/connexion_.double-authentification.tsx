// Staff sessions pass the TOTP second factor here before reaching /moderation.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { totpCodeSchema } from "#app/auth/second-factor.schema";
import { secondFactorPaths, secondFactorUrl } from "#app/auth/second-factor-paths";
import { requireStaffSession } from "#app/auth/session.server";
import { verifyTotpCode } from "#app/auth/totp.server";
import { SecondFactorForm } from "#app/components/second-factor-form";
import { safeRedirect } from "#app/domain/accounts/accounts.schema";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";
import { codeRefused } from "#app/auth/second-factor-replies.server";

export const meta: MetaFunction = () => [{ title: "Double authentification — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaffSession(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/moderation");
  if (staff.secondFactorDone) throw redirect(redirectTo);
  if (!staff.user.totpEnrolled) throw redirect(secondFactorUrl(secondFactorPaths.enrol, redirectTo));
  return { redirectTo };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaffSession(request);
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: totpCodeSchema });
  if (submission.status !== "success")
    return data(submission.reply({ hideFields: ["code"] }), { status: 400 });
  const { code, redirectTo } = submission.value;
  const refused = await codeRefused(submission, () =>
    verifyTotpCode({ userId: staff.user.id, sessionId: staff.sessionId, code }),
  );
  if (refused) return refused;
  return redirect(safeRedirect(redirectTo, "/moderation"));
}

export default function SecondFactor() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Double authentification</h1>
      <p>
        Les comptes de l’équipe Permanence sont protégés par un second facteur. Ouvrez votre application
        d’authentification et saisissez le code affiché pour Permanence.
      </p>
      <SecondFactorForm lastResult={lastResult} redirectTo={redirectTo} submitLabel="Vérifier le code" />
    </div>
  );
}
