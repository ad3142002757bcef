import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";

// Invoices: the list, each invoice (page, PDF, XML) and the CSV export of a month. Every loader
// needs an account and reads through app/domain/billing/invoices.server.ts, which answers 404 for
// any invoice the viewer may not see.
export default function InvoicesLayout() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
