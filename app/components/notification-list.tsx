// The notifications page's list: each line is a small form, so following it marks it read even
// without JavaScript (POST, then a redirect to where it leads).
import { Form } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import type { NotificationDTO } from "#app/domain/notifications/notifications.schema";
import { formatDateTime } from "#app/lib/dates";

function NotificationItem({ item }: { item: NotificationDTO }) {
  return (
    <li className={`notification-item${item.read ? "" : " notification-unread"}`}>
      <Form method="post" className="stack">
        <AuthenticityTokenInput />
        <input type="hidden" name="notificationId" value={item.id} />
        <p className="row">
          <span className="badge">{item.typeLabel}</span>
          {item.read ? null : <span className="badge warn">non lue</span>}
          {item.count > 1 ? <span className="badge">×{item.count}</span> : null}
          <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        </p>
        <p id={`notification-${item.id}`}>
          <strong>{item.title}</strong>
          {item.body ? (
            <>
              <br />
              {item.body}
            </>
          ) : null}
        </p>
        <p>
          <button
            type="submit"
            name="intent"
            value="open"
            className="secondary"
            aria-describedby={`notification-${item.id}`}
          >
            {item.link ? "Voir" : "Marquer comme lue"}
          </button>
        </p>
      </Form>
    </li>
  );
}

export function NotificationList({ items }: { items: NotificationDTO[] }) {
  if (items.length === 0) return <p>Aucune notification pour l’instant.</p>;
  return (
    <ul className="stack notification-list" aria-label="Notifications">
      {items.map((item) => (
        <NotificationItem key={item.id} item={item} />
      ))}
    </ul>
  );
}

export function MarkAllReadForm({ unread }: { unread: number }) {
  if (unread === 0) return null;
  return (
    <Form method="post">
      <AuthenticityTokenInput />
      <button type="submit" name="intent" value="read-all" className="secondary">
        Tout marquer comme lu ({unread})
      </button>
    </Form>
  );
}
