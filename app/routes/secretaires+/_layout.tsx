import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";

// Public pages: the list of published secretaries and each one's profile.
export default function SecretariesLayout() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
