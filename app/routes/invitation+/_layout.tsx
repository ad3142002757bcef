import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";

// Public pages reached from an e-mailed link; each page decides what the visitor may do.
export default function InvitationLayout() {
  return (
    <div className="narrow">
      <Outlet />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
