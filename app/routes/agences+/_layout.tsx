import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";

// Public agency pages: no session needed.
export default function AgenciesLayout() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
