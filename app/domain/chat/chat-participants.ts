// Who takes part in a conversation, from the people on each side (read by chat.repo.server.ts):
// MISSION — the business's members and the bidder (the secretary, or every member of the agency);
// CONTRACT — the business's members, the provider who signed, the agency's members and every
// assignee not cancelled (a replacement included). Pure.
import type { ConversationParticipant, ParticipantSide } from "./chat.schema";

type Person = { id: string; displayName: string };
export type Sides = { business: Person[]; provider: Person[] };

export function participantsOf({ business, provider }: Sides): ConversationParticipant[] {
  const seen = new Map<string, ConversationParticipant>();
  const add = (people: Person[], side: ParticipantSide) => {
    for (const p of people) if (!seen.has(p.id)) seen.set(p.id, { id: p.id, name: p.displayName, side });
  };
  add(business, "BUSINESS");
  add(provider, "PROVIDER");
  return [...seen.values()];
}

export function sideOf(sides: Sides, userId: string): ParticipantSide | null {
  return participantsOf(sides).find((p) => p.id === userId)?.side ?? null;
}
