// /messages/contrat/:contractId — the contract page's "Messages" link: goes to the contract's
// conversation (opened then for a contract older than the chat); 404 for anyone not a party.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { findContractConversationId } from "#app/domain/chat/chat.server";
import { handle } from "#app/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const conversationId = await handle(() =>
    findContractConversationId({ actorId: user.id, contractId: params.contractId ?? "" }),
  );
  return redirect(`/messages/${conversationId}`);
}
