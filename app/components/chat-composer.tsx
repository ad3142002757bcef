// The message composer. Without JavaScript it is a plain multipart form post (the server renders a
// fresh clientId each time, so posting the same form twice sends one message). With the socket up,
// a text-only message goes over the socket with its ack; a file always goes through the form.
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { Socket } from "socket.io-client";
import type { MessageDTO } from "#app/domain/chat/chat.schema";

export const ATTACHMENT_ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.txt,.csv";
const TYPING_EVERY_MS = 2000;

/** A message id made in the browser (crypto.randomUUID exists only on HTTPS or localhost). */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

type Ack = { ok: true; message: MessageDTO } | { ok: false; error: string };

type Props = {
  conversationId: string;
  clientId: string;
  socket: Socket | null;
  connected: boolean;
  onSent: (message: MessageDTO) => void;
  error?: string | null;
  /** The text of a refused post (no JavaScript): typed again into the box, not lost. */
  draft?: string;
};

function useTypingEmitter(socket: Socket | null, conversationId: string) {
  const last = useRef(0);
  return () => {
    if (!socket?.connected || Date.now() - last.current < TYPING_EVERY_MS) return;
    last.current = Date.now();
    socket.emit("typing", { conversationId });
  };
}

type SendArgs = Pick<Props, "conversationId" | "socket" | "connected" | "onSent">;
type SendResult = { intent?: string; message?: string; sent?: MessageDTO };

/**
 * The message being sent: its client id is kept until a send succeeds, so retrying after a
 * timeout or an error reuses it and the server stores the message once even if the first attempt
 * did arrive. A success clears the id and the form.
 */
function usePendingMessage(onSent: Props["onSent"]) {
  const form = useRef<HTMLFormElement>(null);
  const pendingId = useRef<string | null>(null);
  const clientIdFor = () => (pendingId.current ??= newClientId());
  const succeeded = useCallback(
    (message: MessageDTO) => {
      pendingId.current = null;
      onSent(message);
      form.current?.reset();
      // reset() restores the defaultValue, which may be a refused draft: the box must be empty.
      const body = form.current?.elements.namedItem("body");
      if (body instanceof HTMLTextAreaElement) body.value = "";
    },
    [onSent],
  );
  return { form, clientIdFor, succeeded };
}

/** Text over the socket, answered by its ack (or a French error after 10 s without one). */
function useSocketSend(socket: Socket | null, conversationId: string, succeeded: (m: MessageDTO) => void) {
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  function send(clientId: string, body: string) {
    setSending(true);
    socket
      ?.timeout(10_000)
      .emit("message:send", { conversationId, clientId, body }, (timeout: Error | null, ack: Ack) => {
        setSending(false);
        if (timeout) return setError("Le message n’a pas pu partir : vérifiez votre connexion et réessayez.");
        if (!ack.ok) return setError(ack.error);
        succeeded(ack.message);
      });
  }
  return { send, sending, error, clearError: () => setError(null) };
}

/**
 * How a submit is sent: over the socket with its ack for text when connected, otherwise by a fetch
 * post of the form (the action then answers with the message rather than a redirect).
 */
function useComposerSend({ conversationId, socket, connected, onSent }: SendArgs) {
  const fetcher = useFetcher<SendResult>();
  const { form, clientIdFor, succeeded } = usePendingMessage(onSent);
  const overSocket = useSocketSend(socket, conversationId, succeeded);
  const sent = fetcher.data?.sent;
  useEffect(() => {
    if (sent) succeeded(sent);
  }, [sent, succeeded]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("attachment");
    const hasFile = file instanceof File && file.size > 0;
    overSocket.clearError();
    if (!hasFile && socket && connected)
      return overSocket.send(clientIdFor(), String(data.get("body") ?? ""));
    data.set("enhanced", "1");
    data.set("clientId", clientIdFor());
    if (!hasFile) data.delete("attachment");
    fetcher.submit(data, { method: "post", encType: "multipart/form-data" });
  }

  const fetchError = fetcher.data?.intent === "send" ? fetcher.data.message : null;
  return {
    fetcher,
    form,
    onSubmit,
    busy: overSocket.sending || fetcher.state !== "idle",
    error: overSocket.error ?? fetchError,
  };
}

export function ChatComposer({ conversationId, clientId, socket, connected, onSent, error, draft }: Props) {
  const {
    fetcher,
    form,
    onSubmit,
    busy,
    error: sendError,
  } = useComposerSend({
    conversationId,
    socket,
    connected,
    onSent,
  });
  const emitTyping = useTypingEmitter(socket, conversationId);
  const shownError = sendError ?? error;

  return (
    <fetcher.Form
      ref={form}
      method="post"
      encType="multipart/form-data"
      className="chat-composer"
      onSubmit={onSubmit}
      aria-label="Écrire un message"
    >
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="send" />
      <input type="hidden" name="clientId" value={clientId} />
      <div className="field">
        <label htmlFor="chat-body">Votre message</label>
        <textarea
          id="chat-body"
          name="body"
          rows={3}
          maxLength={5000}
          defaultValue={draft}
          onInput={emitTyping}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? "chat-error" : undefined}
        />
      </div>
      <div className="chat-composer-actions">
        <div className="field">
          <label htmlFor="chat-attachment">Joindre un fichier (facultatif)</label>
          <input
            id="chat-attachment"
            type="file"
            name="attachment"
            accept={ATTACHMENT_ACCEPT}
            aria-describedby="chat-attachment-hint"
          />
          <span id="chat-attachment-hint" className="hint">
            PDF, image (PNG, JPEG, GIF, WebP) ou document (Word, Excel, PowerPoint, OpenDocument, texte, CSV),
            10 Mo au plus.
          </span>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? "Envoi…" : "Envoyer"}
        </button>
      </div>
      {shownError ? (
        <p id="chat-error" className="form-error" role="alert">
          {shownError}
        </p>
      ) : null}
    </fetcher.Form>
  );
}
