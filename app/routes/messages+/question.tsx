// "Poser une question": a would-be bidder writes to the business before proposing. The mission page
// posts here; this page only shows the form again when the question was refused.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { AskQuestionForm } from "#app/components/chat-ask-question";
import { askQuestionSchema } from "#app/domain/chat/chat.schema";
import { askQuestion } from "#app/domain/chat/chat.server";
import { readForm } from "#app/lib/csrf.server";
import { DomainError } from "#app/lib/domain-error";
import { handle, statusOf, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Poser une question — Permanence" }];

/** A mission id as the app makes them: it goes back into links and the form's URL. */
const missionParamSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const missionId = missionParamSchema.safeParse(new URL(request.url).searchParams.get("mission"));
  if (!missionId.success) throw data({ message: "Mission introuvable." }, { status: 404 });
  return { missionId: missionId.data, clientId: crypto.randomUUID() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await handle(() => readForm(request));
  const parsed = askQuestionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return data({ message: parsed.error.issues[0]?.message ?? "Formulaire invalide." }, { status: 400 });
  }
  try {
    const { conversationId } = await askQuestion({ actorId: user.id, ...parsed.data });
    return redirect(`/messages/${conversationId}`);
  } catch (error) {
    if (error instanceof DomainError && (error.code === "VALIDATION" || error.code === "RATE_LIMITED")) {
      return data({ message: error.message }, { status: statusOf(error) });
    }
    return toResponse(error);
  }
}

export default function AskQuestionPage() {
  const { missionId, clientId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <h1>Poser une question</h1>
      <p>
        <Link to={`/missions/${missionId}`}>← Retour à la mission</Link>
      </p>
      <AskQuestionForm missionId={missionId} clientId={clientId} error={result?.message} />
    </div>
  );
}
