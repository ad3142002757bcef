import { Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";

// Messaging: the list of conversations and each conversation. Every child checks that the viewer
// takes part in the conversation (the domain answers NOT_FOUND otherwise).
export default function MessagesLayout() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
