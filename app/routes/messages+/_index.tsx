import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { requireUser } from "#app/auth/session.server";
import { ChatConversationList } from "#app/components/chat-conversation-list";
import { useSocketEvent } from "#app/components/realtime-provider";
import { listConversations } from "#app/domain/chat/chat.server";
import { handle } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Messages — Permanence" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { conversations: await handle(() => listConversations({ actorId: user.id })) };
}

export default function Conversations() {
  const { conversations } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  // A new message or conversation reorders the list and changes its counts: re-read it.
  const refresh = () => {
    if (revalidator.state === "idle") revalidator.revalidate();
  };
  useSocketEvent("message:new", refresh);
  useSocketEvent("conversation:new", refresh);
  return (
    <div className="stack">
      <h1>Messages</h1>
      {conversations.length ? (
        <ChatConversationList conversations={conversations} />
      ) : (
        <div className="card stack">
          <p>Vous n’avez encore aucune conversation.</p>
          <p className="muted">
            Une conversation s’ouvre quand vous posez une question sur une mission, envoyez ou recevez une
            proposition, ou signez un contrat.
          </p>
        </div>
      )}
    </div>
  );
}
