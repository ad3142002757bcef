import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";

// Contract pages: the list of my contracts, each contract, its replacements, work and statements.
// Every page needs an account; each loader checks that the viewer is a party, an assignee or staff.
export default function ContractsLayout() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
