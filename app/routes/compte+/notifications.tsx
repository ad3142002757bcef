import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { NotificationPreferencesForm } from "#app/components/notification-preferences-form";
import { emailModeLabels } from "#app/domain/notifications/notification-types";
import { preferencesSchema } from "#app/domain/notifications/notifications.schema";
import { getPreferences, updatePreferences } from "#app/domain/notifications/notifications.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Notifications par e-mail — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return handle(() => getPreferences(user.id));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await handle(() => readForm(request));
  const parsed = preferencesSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return data({ ok: false as const, message: parsed.error.issues[0]!.message }, { status: 400 });
  const saved = await handle(() => updatePreferences({ actorId: user.id, input: parsed.data }));
  return {
    ok: true as const,
    message: `Enregistré : ${emailModeLabels[saved.emailMode].label.toLowerCase()}.`,
  };
}

export default function NotificationPreferencesPage() {
  const preferences = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Notifications par e-mail</h1>
      <p>
        Les notifications s’affichent toujours sur le site (
        <Link to="/notifications">voir mes notifications</Link>). Choisissez ici si vous les recevez aussi par
        e-mail.
      </p>
      {result?.ok ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}
      <NotificationPreferencesForm
        key={preferences.emailMode}
        current={preferences.emailMode}
        error={result && !result.ok ? result.message : undefined}
      />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
