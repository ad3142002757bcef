import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { AuthenticityTokenProvider } from "remix-utils/csrf/react";
import { getSessionUser, isStaff } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { useNonce } from "#app/components/nonce";
import { RealtimeProvider } from "#app/components/realtime-provider";
import { SiteHeader } from "#app/components/site-header";
import { countUnreadMessages } from "#app/domain/chat/chat.server";
import { countUnreadNotifications } from "#app/domain/notifications/notifications.server";
import { commitCsrfToken } from "#app/lib/csrf.server";
import { devToolsAllowed } from "#app/lib/dev-tools.server";
import { getPublicEnv } from "#app/lib/env.server";
import { isSimulatedStripe } from "#app/lib/stripe.server";
import styles from "./styles/app.css";
import chatStyles from "./styles/chat.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: chatStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Permanence — le secrétariat à distance" },
  { name: "description", content: "Trouvez une secrétaire indépendante ou un cabinet de télésecrétariat." },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [found, [csrfToken, csrfCookie]] = await Promise.all([getSessionUser(request), commitCsrfToken(request)]);
  const headers = new Headers();
  if (csrfCookie) headers.append("Set-Cookie", csrfCookie);
  if (found?.refreshedCookie) headers.append("Set-Cookie", found.refreshedCookie);
  const user = found
    ? {
        id: found.user.id,
        displayName: found.user.displayName,
        kind: found.user.kind,
        isStaff: isStaff(found.user),
        emailVerified: found.user.emailVerified,
      }
    : null;
  const unread = found ? await unreadCounts(found.user.id) : null;
  return data(
    { user, unread, csrfToken, env: getPublicEnv(), devTools: devToolsAllowed(context.clientIp), paymentsSimulated: isSimulatedStripe() },
    { headers },
  );
}

/** The header's badges: unread messages and notifications. */
async function unreadCounts(userId: string) {
  const [messages, notifications] = await Promise.all([countUnreadMessages(userId), countUnreadNotifications(userId)]);
  return { messages, notifications };
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

/** The signed-in user as the root loader saw it (null for visitors). */
export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user, unread, csrfToken, devTools, paymentsSimulated } = useLoaderData<typeof loader>();
  return (
    <AuthenticityTokenProvider token={csrfToken}>
      <RealtimeProvider enabled={user !== null}>
        {paymentsSimulated ? (
          <p className="demo-banner" role="note">
            Mode démo — paiements simulés : aucune somme réelle n’est débitée ni versée.
          </p>
        ) : null}
        <SiteHeader user={user} showDevTools={devTools} unread={unread} />
        <main id="contenu" className="page">
          <Outlet />
        </main>
        <footer className="site-footer">
          <p>Permanence — la place de marché du secrétariat à distance.</p>
        </footer>
      </RealtimeProvider>
    </AuthenticityTokenProvider>
  );
}

export function ErrorBoundary() {
  return (
    <main id="contenu" className="page">
      <GeneralErrorBoundary />
    </main>
  );
}
