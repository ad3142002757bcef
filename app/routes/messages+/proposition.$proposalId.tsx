// /messages/proposition/:proposalId — the "Messages" link of a proposal (the business's comparison,
// the bidder's list): goes to the mission thread between the business and that bidder; 404 for
// anyone else.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "#app/auth/session.server";
import { conversationIdForProposal } from "#app/domain/chat/chat.server";
import { handle } from "#app/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const conversationId = await handle(() =>
    conversationIdForProposal({ actorId: user.id, proposalId: params.proposalId ?? "" }),
  );
  return redirect(`/messages/${conversationId}`);
}
