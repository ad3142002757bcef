// Live updates, always after the commit: the domain speaks to sockets only through the realtime
// bus (a no-op where no socket server runs).
import { conversationRoom, getRealtimeBus, userRoom } from "#app/lib/realtime-bus.server";
import { toMessageDTO, type StoredMessage } from "./chat-dto";
import { conversationParticipantIds } from "./chat-access.server";

/** The sender's sockets get her own view; everyone else in the room gets the others' view. */
export function publishMessage(row: StoredMessage, masking: boolean): void {
  const bus = getRealtimeBus();
  bus.emit(userRoom(row.senderId), "message:new", toMessageDTO(row, row.senderId, masking));
  bus.emit(conversationRoom(row.conversationId), "message:new", toMessageDTO(row, "", masking), {
    except: userRoom(row.senderId),
  });
}

export function publishRead(conversationId: string, userId: string, seq: number): void {
  getRealtimeBus().emit(conversationRoom(conversationId), "message:read", { conversationId, userId, seq });
}

/** A new conversation: its participants' sockets join its room and their lists learn of it. */
export async function publishConversationOpened(conversationId: string): Promise<void> {
  const participantIds = await conversationParticipantIds(conversationId);
  if (participantIds.length === 0) return;
  const bus = getRealtimeBus();
  bus.join(participantIds, conversationRoom(conversationId));
  bus.emit(participantIds.map(userRoom), "conversation:new", { conversationId });
}
