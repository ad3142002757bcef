// First staff login: scan the QR code (or type the secret) into an authenticator app, then
// confirm with one code — which also counts as this session's second factor.
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { codeRefused } from "#app/auth/second-factor-replies.server";
import { totpCodeSchema } from "#app/auth/second-factor.schema";
import { secondFactorPaths, secondFactorUrl } from "#app/auth/second-factor-paths";
import { requireStaffSession } from "#app/auth/session.server";
import { confirmTotpEnrolment, startTotpEnrolment } from "#app/auth/totp.server";
import { SecondFactorForm } from "#app/components/second-factor-form";
import { safeRedirect } from "#app/domain/accounts/accounts.schema";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Activer la double authentification — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaffSession(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/moderation");
  if (staff.user.totpEnrolled) {
    throw redirect(
      staff.secondFactorDone ? redirectTo : secondFactorUrl(secondFactorPaths.verify, redirectTo),
    );
  }
  const enrolment = await handle(() => startTotpEnrolment(staff.user.id));
  return { redirectTo, secret: enrolment.secret, qrSvg: enrolment.qrSvg, email: staff.user.email };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaffSession(request);
  const formData = await handle(() => readForm(request));
  const submission = parseWithZod(formData, { schema: totpCodeSchema });
  if (submission.status !== "success")
    return data(submission.reply({ hideFields: ["code"] }), { status: 400 });
  const { code, redirectTo } = submission.value;
  const refused = await codeRefused(submission, () =>
    confirmTotpEnrolment({ userId: staff.user.id, sessionId: staff.sessionId, code }),
  );
  if (refused) return refused;
  return redirect(safeRedirect(redirectTo, "/moderation"));
}

/** Groups of four characters, easier to copy by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

export default function EnrolSecondFactor() {
  const { redirectTo, secret, qrSvg, email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Activer la double authentification</h1>
      <p>
        Pour accéder à la console de modération, le compte {email} doit être protégé par un second facteur.
        Cela se fait une seule fois.
      </p>
      <ol className="stack">
        <li>
          Installez une application d’authentification sur votre téléphone (par exemple FreeOTP, Aegis, Google
          Authenticator ou celle de votre gestionnaire de mots de passe).
        </li>
        <li>
          Scannez ce QR code avec l’application :
          <div
            className="totp-qr"
            role="img"
            aria-label="QR code d’activation de la double authentification pour Permanence"
            style={{ maxWidth: "14rem", background: "#fff" }}
            // Rendered on the server by the qrcode library from our own otpauth:// URI.
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          Ou saisissez cette clé à la main (type « basé sur le temps ») : <code>{grouped(secret)}</code>
        </li>
        <li>Saisissez ci-dessous le code à 6 chiffres que l’application affiche.</li>
      </ol>
      <SecondFactorForm lastResult={lastResult} redirectTo={redirectTo} submitLabel="Activer et continuer" />
    </div>
  );
}
