// From the link at the bottom of every notification e-mail, without logging in: the signed token
// is the proof. GET shows a confirmation button (a link preview or a mail scanner that follows the
// link changes nothing); POST stops the e-mails. A POST to the link itself (`?token=` in the URL)
// is the one-click unsubscribe of mail clients (RFC 8058, header List-Unsubscribe-Post): it comes
// without our CSRF cookie, and needs none — the signed token is the proof. A POST without it in the
// URL reads the token from the form, CSRF-checked.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { unsubscribeTokenSchema } from "#app/domain/notifications/notifications.schema";
import {
  checkUnsubscribeToken,
  INVALID_UNSUBSCRIBE_MESSAGE,
  unsubscribe,
} from "#app/domain/notifications/notifications.server";
import { readForm } from "#app/lib/csrf.server";
import { DomainError } from "#app/lib/domain-error";
import { handle, statusOf } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Se désabonner des e-mails — Permanence" }];

type PageData = { ok: true; token: string; alreadyOff: boolean } | { ok: false; message: string };

/** A bad token is an expected answer (400 with a French message), not an error page. */
async function checked(work: () => Promise<unknown>) {
  try {
    await work();
    return null;
  } catch (error) {
    if (error instanceof DomainError && error.code === "VALIDATION") return error;
    throw error;
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = unsubscribeTokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  if (!token.success)
    return data<PageData>({ ok: false, message: INVALID_UNSUBSCRIBE_MESSAGE }, { status: 400 });
  let alreadyOff = false;
  const refused = await checked(async () => {
    alreadyOff = (await checkUnsubscribeToken({ token: token.data })).emailMode === "NEVER";
  });
  if (refused) return data<PageData>({ ok: false, message: refused.message }, { status: statusOf(refused) });
  return data<PageData>({ ok: true, token: token.data, alreadyOff });
}

async function postedToken(request: Request) {
  const inUrl = new URL(request.url).searchParams.get("token");
  if (inUrl !== null) return inUrl;
  return (await handle(() => readForm(request))).get("token");
}

export async function action({ request }: ActionFunctionArgs) {
  const token = unsubscribeTokenSchema.safeParse(await postedToken(request));
  if (!token.success) return data({ done: false, message: INVALID_UNSUBSCRIBE_MESSAGE }, { status: 400 });
  const refused = await checked(() => unsubscribe({ token: token.data }));
  if (refused) return data({ done: false, message: refused.message }, { status: statusOf(refused) });
  return { done: true, message: "C’est noté : vous ne recevrez plus d’e-mails de notification." };
}

export default function UnsubscribePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack">
      <h1>Se désabonner des e-mails</h1>
      {result ? (
        <p className={result.done ? "notice" : "notice warning"} role={result.done ? "status" : "alert"}>
          {result.message}
        </p>
      ) : null}
      {!page.ok ? (
        <p className="notice warning" role="alert">
          {page.message}
        </p>
      ) : result?.done ? null : (
        <Form method="post" className="card stack">
          <AuthenticityTokenInput />
          <input type="hidden" name="token" value={page.token} />
          <p>
            {page.alreadyOff
              ? "Les e-mails de notification sont déjà désactivés pour ce compte."
              : "Vous ne recevrez plus aucun e-mail de notification. Les notifications resteront visibles sur le site."}
          </p>
          <button type="submit">Ne plus recevoir d’e-mails</button>
        </Form>
      )}
      <p>
        <Link to="/compte/notifications">Choisir plutôt un résumé quotidien (connexion requise)</Link>
      </p>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
