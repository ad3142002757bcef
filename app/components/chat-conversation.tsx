// A conversation page: who takes part, the reminders, the history (oldest first, older pages by a
// link), the live typing line and the composer.
import { Link, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { ChatComposer } from "#app/components/chat-composer";
import { typingLabel, useLiveConversation } from "#app/components/chat-live-conversation";
import { ChatMessage } from "#app/components/chat-message";
import type { ConversationView, MessageDTO } from "#app/domain/chat/chat.schema";

export const MEDICAL_SECRECY_REMINDER = "Ne partagez aucune donnée de patient dans la messagerie.";

type Props = {
  view: ConversationView;
  userId: string;
  clientId: string;
  olderPage: boolean;
  error: { intent: string; message: string; body?: string } | null;
};

type Typer = { userId: string; name: string };
export type TypingAnnouncement = { userIds: string[]; text: string };

/**
 * What the screen reader hears about typing: the line once when someone starts (a new person in
 * the list), nothing while they go on (the list is refreshed every second), cleared when all stop.
 */
export function nextTypingAnnouncement(previous: TypingAnnouncement, typing: Typer[]): TypingAnnouncement {
  const userIds = typing.map((t) => t.userId);
  if (userIds.length === 0) return { userIds, text: "" };
  const started = userIds.some((id) => !previous.userIds.includes(id));
  return { userIds, text: started ? typingLabel(typing) : previous.text };
}

/** The visible line is not a live region; a polite status speaks once per start. */
function TypingLine({ typing }: { typing: Typer[] }) {
  const [announcement, setAnnouncement] = useState<TypingAnnouncement>({ userIds: [], text: "" });
  useEffect(() => setAnnouncement((previous) => nextTypingAnnouncement(previous, typing)), [typing]);
  return (
    <>
      <p className="chat-typing" aria-hidden="true">
        {typingLabel(typing)}
      </p>
      <p className="visually-hidden" role="status">
        {announcement.text}
      </p>
    </>
  );
}

/** The id of the viewer's newest message that another participant has read, if any. */
export function readReceiptId(messages: MessageDTO[], marks: ConversationView["readMarks"], userId: string) {
  const readUpTo = marks.reduce((max, mark) => Math.max(max, mark.lastReadSeq), 0);
  const mine = messages.filter((m) => m.senderId === userId && m.seq <= readUpTo);
  return mine.length ? mine[mine.length - 1]!.id : null;
}

function ConversationHeader({ view, userId }: { view: ConversationView; userId: string }) {
  const others = view.participants.filter((p) => p.id !== userId).map((p) => p.name);
  return (
    <header className="stack">
      <p>
        <Link to="/messages">← Toutes les conversations</Link>
      </p>
      <h1>{view.title}</h1>
      <p className="muted">
        Avec {others.length ? others.join(", ") : "personne d’autre pour l’instant"} ·{" "}
        {view.contractId ? (
          <Link to={`/contrats/${view.contractId}`}>Voir le contrat</Link>
        ) : (
          <Link to={`/missions/${view.missionId}`}>Voir la mission</Link>
        )}
      </p>
      {view.medicalSecrecy ? (
        <p className="chat-reminder" role="note">
          <strong>Secret médical.</strong> {MEDICAL_SECRECY_REMINDER}
        </p>
      ) : null}
      {view.masking ? (
        <p className="muted" role="note">
          Avant la signature d’un contrat, les adresses e-mail et numéros de téléphone sont masqués pour votre
          interlocuteur.
        </p>
      ) : null}
    </header>
  );
}

/** Brings a message that arrives (or is sent) into view; the first render keeps the browser's scroll. */
function useScrollToNewest(newestId: string | undefined) {
  const previous = useRef(newestId);
  useEffect(() => {
    if (!newestId || newestId === previous.current) return;
    previous.current = newestId;
    document.getElementById(`message-${newestId}`)?.scrollIntoView({ block: "nearest" });
  }, [newestId]);
}

export function ChatConversation({ view, userId, clientId, olderPage, error }: Props) {
  const live = useLiveConversation(view, userId);
  const [params] = useSearchParams();
  const receiptId = readReceiptId(live.messages, live.readMarks, userId);
  useScrollToNewest(live.messages.at(-1)?.id);
  return (
    <div className="chat" data-live={live.connected ? "on" : "off"}>
      <ConversationHeader view={view} userId={userId} />
      {params.get("signale") === "1" ? (
        <p className="notice" role="status">
          Merci : le message est signalé à l’équipe de modération.
        </p>
      ) : null}
      {error && error.intent !== "send" ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {view.hasOlder && view.oldestSeq !== null ? (
        <p>
          <Link to={`?avant=${view.oldestSeq}`}>Messages précédents</Link>
        </p>
      ) : null}
      {olderPage ? (
        <p>
          <Link to=".">Revenir aux derniers messages</Link>
        </p>
      ) : null}
      <div role="log" aria-live="polite" aria-label="Messages de la conversation">
        <ol className="chat-log">
          {live.messages.map((message) => (
            <ChatMessage
              key={message.id}
              message={message}
              mine={message.senderId === userId}
              read={message.id === receiptId}
            />
          ))}
        </ol>
      </div>
      {live.messages.length ? null : (
        <p className="muted">Aucun message pour l’instant : écrivez le premier.</p>
      )}
      <TypingLine typing={live.typing} />
      <ChatComposer
        conversationId={view.id}
        clientId={clientId}
        socket={live.socket}
        connected={live.connected}
        onSent={live.add1}
        error={error?.intent === "send" ? error.message : null}
        draft={error?.intent === "send" ? error.body : undefined}
      />
    </div>
  );
}
