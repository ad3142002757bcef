import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { requireDevTools } from "#app/lib/dev-tools.server";

export async function loader({ context }: LoaderFunctionArgs) {
  requireDevTools(context.clientIp);
  return null;
}

export default function DevLayout() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
