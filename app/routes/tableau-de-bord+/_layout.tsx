import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";

// The dashboard is for signed-in users only; anonymous visitors go to the login page and back.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function DashboardLayout() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
