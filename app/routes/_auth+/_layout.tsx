import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";

export default function AuthLayout() {
  return (
    <div className="narrow">
      <Outlet />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
