import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, MaxPartSizeExceededError, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "#app/auth/session.server";
import { ChatConversation } from "#app/components/chat-conversation";
import { attachmentMessages } from "#app/domain/chat/chat-attachment-rules.server";
import { MAX_ATTACHMENT_BYTES, seqSchema } from "#app/domain/chat/chat.schema";
import { getConversation, markConversationRead, sendMessage } from "#app/domain/chat/chat.server";
import { reportMessage } from "#app/domain/reports/reports.server";
import {
  checkContentLength,
  PayloadTooLargeError,
  readLimitedMultipart,
  TEXT_FIELDS_BYTES,
} from "#app/lib/chat-upload.server";
import { readForm } from "#app/lib/csrf.server";
import { DomainError } from "#app/lib/domain-error";
import { handle, statusOf, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.view.title} — Messages — Permanence` : "Messages — Permanence" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const conversationId = params.conversationId ?? "";
  const before = seqSchema.safeParse(new URL(request.url).searchParams.get("avant") ?? undefined);
  const beforeSeq = before.success && before.data > 0 ? before.data : undefined;
  const view = await handle(() => getConversation({ actorId: user.id, conversationId, beforeSeq }));
  // Opening the newest page reads the conversation; an older page changes nothing.
  if (beforeSeq === undefined && view.lastSeq > 0) {
    await handle(() => markConversationRead({ actorId: user.id, conversationId, seq: view.lastSeq }));
  }
  // A fresh id per render: the same form posted twice sends one message.
  return { view, userId: user.id, clientId: crypto.randomUUID(), olderPage: beforeSeq !== undefined };
}

/** A post is at most one attachment and the text fields: anything larger is refused unread (413). */
const MAX_POST_BYTES = MAX_ATTACHMENT_BYTES + TEXT_FIELDS_BYTES;
const TOO_LARGE_MESSAGE = "Le message et sa pièce jointe dépassent 10 Mo : envoyez un fichier plus léger.";

/**
 * Multipart (the composer) or urlencoded (report, mark read), CSRF-checked either way. The size
 * limits apply before the CSRF and participant checks, which need the parsed body.
 */
async function readChatForm(request: Request): Promise<FormData> {
  checkContentLength(request, MAX_POST_BYTES);
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return readForm(request);
  const parsed = await readLimitedMultipart(request, {
    fileField: "attachment",
    maxFileBytes: MAX_ATTACHMENT_BYTES,
    maxTotalBytes: MAX_POST_BYTES,
  });
  // readForm checks the token against the cookie of a Request: give it the parsed fields.
  const cookie = request.headers.get("Cookie") ?? "";
  return readForm(new Request(request.url, { method: "POST", body: parsed, headers: { Cookie: cookie } }));
}

const sendSchema = z.object({
  clientId: z.string(),
  body: z.string().default(""),
  enhanced: z.string().optional(),
});
const reportSchema = z.object({
  messageId: z.string().min(1),
  reason: z.string().min(1, "Choisissez un motif."),
  details: z.string().max(1000).optional(),
});

async function attachmentOf(formData: FormData) {
  const file = formData.get("attachment");
  if (!(file instanceof Blob) || file.size === 0) return undefined;
  const fileName = "name" in file && typeof file.name === "string" ? file.name : "piece-jointe";
  return { fileName, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * Expected refusals (file type, rate limit, duplicate report…) come back to the form, with the
 * text typed (`body`) so that it is not lost without JavaScript; not found goes to the boundary.
 */
function formRefusal(intent: string, error: unknown, body?: string) {
  if (error instanceof DomainError && error.code !== "NOT_FOUND" && error.code !== "UNAUTHENTICATED") {
    return data({ intent, message: error.message, body }, { status: statusOf(error) });
  }
  return toResponse(error);
}

async function send(actorId: string, conversationId: string, formData: FormData) {
  const parsed = sendSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ intent: "send", message: "Formulaire invalide." }, { status: 400 });
  const { clientId, body, enhanced } = parsed.data;
  try {
    const attachment = await attachmentOf(formData);
    const { message } = await sendMessage({ actorId, conversationId, clientId, body, attachment });
    if (enhanced) return data({ intent: "send", sent: message });
    return redirect(`/messages/${conversationId}#message-${message.id}`);
  } catch (error) {
    return formRefusal("send", error, body);
  }
}

async function report(actorId: string, conversationId: string, formData: FormData) {
  const parsed = reportSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return data({ intent: "report", message: "Choisissez un motif de signalement." }, { status: 400 });
  try {
    await reportMessage({ actorId, conversationId, ...parsed.data });
  } catch (error) {
    return formRefusal("report", error);
  }
  return redirect(`/messages/${conversationId}?signale=1`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const conversationId = params.conversationId ?? "";
  let formData: FormData;
  try {
    formData = await readChatForm(request);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return data({ intent: "send", message: attachmentMessages.tooBig }, { status: 400 });
    }
    if (error instanceof PayloadTooLargeError) {
      return data({ intent: "send", message: TOO_LARGE_MESSAGE }, { status: 413 });
    }
    return toResponse(error);
  }
  const intent = formData.get("intent");
  if (intent === "send") return send(user.id, conversationId, formData);
  if (intent === "report") return report(user.id, conversationId, formData);
  if (intent === "read") {
    const seq = seqSchema.safeParse(formData.get("seq"));
    if (!seq.success) return data({ intent: "read", message: "Formulaire invalide." }, { status: 400 });
    await handle(() => markConversationRead({ actorId: user.id, conversationId, seq: seq.data }));
    return redirect(`/messages/${conversationId}`);
  }
  return data({ intent: "", message: "Action inconnue." }, { status: 400 });
}

export default function ConversationPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error =
    actionData && "message" in actionData
      ? {
          intent: actionData.intent,
          message: actionData.message,
          body: "body" in actionData && typeof actionData.body === "string" ? actionData.body : undefined,
        }
      : null;
  return <ChatConversation {...page} error={error} />;
}
