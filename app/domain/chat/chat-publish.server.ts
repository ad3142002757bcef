// Live updates, always after the commit: the domain speaks to sockets only through the realtime
// bus (a no-op where no socket server runs).
import { conversationRoom, getRealtimeBus, userRoom } from "#app/lib/realtime-bus.server";
import { toMessageDTO, type StoredMessage } from "./chat-dto";
import { conversationParticipantIds } from "./chat-access.server";

/**
 * To the CURRENT participants' own rooms, not the conversation room: a socket joined that room when
 * it connected, and someone who has left since (a member removed, a cancelled replacement) must
 * hear nothing more. The sender's sockets get her own view; the others get theirs.
 */
export function publishMessage(row: StoredMessage, masking: boolean, participantIds: string[]): void {
  const bus = getRealtimeBus();
  bus.emit(userRoom(row.senderId), "message:new", toMessageDTO(row, row.senderId, masking));
  const others = participantIds.filter((id) => id !== row.senderId).map(userRoom);
  if (others.length === 0) return;
  bus.emit(others, "message:new", toMessageDTO(row, "", masking), { except: userRoom(row.senderId) });
}

export function publishRead(
  conversationId: string,
  userId: string,
  seq: number,
  participantIds: string[],
): void {
  if (participantIds.length === 0) return;
  getRealtimeBus().emit(participantIds.map(userRoom), "message:read", { conversationId, userId, seq });
}

/** A new conversation: its participants' sockets join its room and their lists learn of it. */
export async function publishConversationOpened(conversationId: string): Promise<void> {
  const participantIds = await conversationParticipantIds(conversationId);
  if (participantIds.length === 0) return;
  const bus = getRealtimeBus();
  bus.join(participantIds, conversationRoom(conversationId));
  bus.emit(participantIds.map(userRoom), "conversation:new", { conversationId });
}
