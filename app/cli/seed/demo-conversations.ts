// The demo's conversation: the Lyon practice and Claire Morel talk on their active contract, the
// last message from Claire still unread, so the cabinet's header shows a badge on first login.
// Written through the chat domain (after the seed's transaction) so rows, seq and read marks are
// exactly what the app would write. Skipped when the seed has no such contract (small plans).
import { openContractConversation, sendMessage } from "#app/domain/chat/chat.server";
import { db } from "#app/lib/db.server";
import { demoAccounts } from "./demo-accounts";

const lines: { from: "cabinet" | "secretaire"; clientId: string; body: string }[] = [
  {
    from: "cabinet",
    clientId: "demo-conversation-1",
    body: "Bonjour Claire, pourriez-vous reprendre cette semaine les comptes rendus dictés par le Dr Martin ?",
  },
  {
    from: "secretaire",
    clientId: "demo-conversation-2",
    body: "Bonjour, oui sans problème : je m’en occupe jeudi matin et je vous préviens dès que c’est fait.",
  },
];

/** Returns the number of messages written (0 when the demo contract does not exist). */
export async function seedDemoConversations(): Promise<number> {
  const [cabinet, secretaire] = await Promise.all([
    db.user.findUnique({ where: { email: demoAccounts.cabinet.email }, select: { id: true } }),
    db.user.findUnique({ where: { email: demoAccounts.secretaire.email }, select: { id: true } }),
  ]);
  if (!cabinet || !secretaire) return 0;
  const contract = await db.contract.findFirst({
    where: {
      providerUserId: secretaire.id,
      status: "ACTIVE",
      organization: { memberships: { some: { userId: cabinet.id } } },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!contract) return 0;
  const conversation = await openContractConversation(db, { contractId: contract.id });
  const authors = { cabinet: cabinet.id, secretaire: secretaire.id };
  for (const line of lines) {
    await sendMessage({
      actorId: authors[line.from],
      conversationId: conversation.id,
      clientId: line.clientId,
      body: line.body,
    });
  }
  return lines.length;
}
