import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";

// Agency back office: a signed-in user is required here; each page checks she owns the agency.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function AgencyLayout() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
