// The header's "Messages" link and notification bell, with unread counts that follow the socket:
// `notification:count` carries the new total; a message or a read receipt makes us re-ask the server
// for the unread message total (cheap, and always right, unlike counting events client-side).
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useSocket, useSocketEvent } from "#app/components/realtime-provider";

export type UnreadCounts = { messages: number; notifications: number };

function plural(count: number, one: string, many: string) {
  return count === 1 ? one : many;
}

export function messagesLabel(count: number) {
  return count > 0 ? `Messages, ${count} ${plural(count, "non lu", "non lus")}` : "Messages";
}

export function notificationsLabel(count: number) {
  return count > 0
    ? `Notifications, ${count} ${plural(count, "non lue", "non lues")}`
    : "Notifications, aucune non lue";
}

export function HeaderCounters({ userId, counts }: { userId: string; counts: UnreadCounts }) {
  const [notifications, setNotifications] = useState(counts.notifications);
  const [messages, setMessages] = useState(counts.messages);
  const unread = useFetcher<{ unread: number }>({ key: "unread-messages" });
  const { connected } = useSocket();

  // A new page load brings fresh totals from the root loader.
  useEffect(() => setNotifications(counts.notifications), [counts.notifications]);
  useEffect(() => setMessages(counts.messages), [counts.messages]);
  useEffect(() => {
    if (typeof unread.data?.unread === "number") setMessages(unread.data.unread);
  }, [unread.data]);

  useSocketEvent<{ unread: number }>("notification:count", (payload) => {
    if (typeof payload?.unread === "number") setNotifications(payload.unread);
  });
  const refresh = () => unread.load("/messages/non-lus");
  useSocketEvent<{ senderId: string }>("message:new", (message) => {
    if (message?.senderId !== userId) refresh();
  });
  useSocketEvent<{ userId: string }>("message:read", (read) => {
    if (read?.userId === userId) refresh();
  });

  return (
    <>
      <li>
        <Link
          to="/messages"
          aria-label={messagesLabel(messages)}
          className="header-counter"
          data-live={connected ? "on" : "off"}
        >
          Messages
          {messages > 0 ? (
            <span className="counter" aria-hidden="true">
              {messages}
            </span>
          ) : null}
        </Link>
      </li>
      <li>
        <Link
          to="/notifications"
          aria-label={notificationsLabel(notifications)}
          className="header-counter bell"
        >
          <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
            <path
              fill="currentColor"
              d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
            />
          </svg>
          {notifications > 0 ? (
            <span className="counter" aria-hidden="true">
              {notifications}
            </span>
          ) : null}
        </Link>
      </li>
    </>
  );
}
