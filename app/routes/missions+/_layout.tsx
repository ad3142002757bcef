import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";

// Mission pages: the public list, posting, each mission's page and its calendar. Each child checks
// who may see what; the list and OPEN public missions need no account.
export default function MissionsLayout() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
