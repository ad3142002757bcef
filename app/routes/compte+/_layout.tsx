import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";

// Every page under /compte needs a signed-in user; each child still checks what it shows.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function AccountLayout() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
