import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { MarkAllReadForm, NotificationList } from "#app/components/notification-list";
import { SearchPagination } from "#app/components/search-pagination";
import { notificationIntentSchema, pageParamSchema } from "#app/domain/notifications/notifications.schema";
import {
  listNotifications,
  markAllRead,
  markNotificationRead,
} from "#app/domain/notifications/notifications.server";
import { readForm } from "#app/lib/csrf.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Notifications — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = pageParamSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  return handle(() => listNotifications({ actorId: user.id, page }));
}

/**
 * Only paths inside the app: a stored link is never used to leave the site. Browsers read `/\x`
 * as `//x` (another host) and drop tabs and newlines, so a backslash or a control character
 * anywhere, or a leading `//`, sends to the list instead.
 */
const safeLink = (link: string | null) =>
  // eslint-disable-next-line no-control-regex
  link && /^\/(?!\/)[^\\\x00-\x1f\x7f]*$/.test(link) ? link : "/notifications";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await handle(() => readForm(request));
  const parsed = notificationIntentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ message: "Action inconnue." }, { status: 400 });
  if (parsed.data.intent === "read-all") {
    await handle(() => markAllRead({ actorId: user.id }));
    return redirect("/notifications");
  }
  const { notificationId } = parsed.data;
  const { link } = await handle(() => markNotificationRead({ actorId: user.id, notificationId }));
  return redirect(safeLink(link));
}

export default function NotificationsPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Notifications</h1>
      <p className="row">
        <span>
          {page.unread === 0 ? "Tout est lu." : `${page.unread} non lue${page.unread > 1 ? "s" : ""}.`}
        </span>
        <Link to="/compte/notifications">Préférences d’e-mail</Link>
      </p>
      <MarkAllReadForm unread={page.unread} />
      <NotificationList items={page.items} />
      <SearchPagination
        page={page.page}
        totalPages={page.pageCount}
        hrefFor={(p) => `/notifications?page=${p}`}
      />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
