// The /messages list: one line per conversation, the unread ones marked and counted.
import { Link } from "@remix-run/react";
import type { ConversationSummary } from "#app/domain/chat/chat.schema";
import { formatDateTime } from "#app/lib/dates";

function unreadLabel(count: number) {
  return count === 1 ? "1 message non lu" : `${count} messages non lus`;
}

export function ChatConversationList({ conversations }: { conversations: ConversationSummary[] }) {
  return (
    <ul className="conversation-list">
      {conversations.map((conversation) => (
        <li key={conversation.id} className={`conversation-item${conversation.unreadCount ? " unread" : ""}`}>
          <Link to={`/messages/${conversation.id}`}>
            <span className="conversation-text">
              <span className="conversation-head">
                <strong>{conversation.counterpart}</strong>
                {conversation.unreadCount ? (
                  <span className="counter">
                    <span aria-hidden="true">{conversation.unreadCount}</span>
                    <span className="visually-hidden">{unreadLabel(conversation.unreadCount)}</span>
                  </span>
                ) : null}
              </span>
              <span className="muted">
                {conversation.kind === "CONTRACT" ? "Contrat — " : "Mission — "}
                {conversation.missionTitle}
              </span>
              {conversation.lastMessage ? (
                <span className="conversation-excerpt">
                  {conversation.lastMessage.senderName} : {conversation.lastMessage.excerpt}
                </span>
              ) : (
                <span className="conversation-excerpt">Aucun message pour l’instant.</span>
              )}
            </span>
            {conversation.lastMessage ? (
              <time className="muted" dateTime={conversation.lastMessage.at}>
                {formatDateTime(conversation.lastMessage.at)}
              </time>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
