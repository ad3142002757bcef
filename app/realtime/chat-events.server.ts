import type { Socket } from "socket.io";
import {
  catchUpMessages,
  conversationParticipantIds,
  isConversationParticipant,
  markConversationRead,
  sendMessage,
} from "#app/domain/chat/chat.server";
import { notFound } from "#app/lib/domain-error";
import { conversationRoom, userRoom } from "#app/lib/realtime-bus.server";
import { conversationPayload, readPayload, sendPayload, syncPayload } from "./realtime.schema";
import { listen } from "./socket-events.server";
import { requireLiveSession, SocketRefusal, typingAllowed } from "./socket-guard.server";

// The chat's client → server events (contract in docs/decisions/009). Handlers only call the chat
// domain, which checks participation, persists, then publishes `message:new` / `message:read` to
// the current participants' own rooms.
const actor = (socket: Socket) => socket.data.userId as string;
const TYPING_SESSION_CHECK_MS = 30_000;
const TYPING_ACCESS_CHECK_MS = 30_000;
const notInConversation = () => new SocketRefusal("Cette conversation est introuvable.");

function onSend(socket: Socket): void {
  listen(socket, "message:send", {
    schema: sendPayload,
    ackRequired: true,
    run: async (s, input) => {
      await requireLiveSession(s);
      const { message } = await sendMessage({ actorId: actor(s), ...input });
      return { message };
    },
  });
}

function onRead(socket: Socket): void {
  listen(socket, "message:read", {
    schema: readPayload,
    ackRequired: false,
    run: async (s, input) => {
      await requireLiveSession(s);
      return markConversationRead({ actorId: actor(s), ...input });
    },
  });
}

function onSync(socket: Socket): void {
  listen(socket, "messages:sync", {
    schema: syncPayload,
    ackRequired: true,
    run: async (s, input) => {
      await requireLiveSession(s);
      return catchUpMessages({ actorId: actor(s), ...input });
    },
  });
}

function onJoin(socket: Socket): void {
  listen(socket, "conversation:join", {
    schema: conversationPayload,
    ackRequired: true,
    run: async (s, { conversationId }) => {
      await requireLiveSession(s);
      if (!(await isConversationParticipant(actor(s), conversationId))) throw notFound("Cette conversation");
      await s.join(conversationRoom(conversationId));
      return {};
    },
  });
}

type TypingAccess = { at: number; participantIds: string[] };

/**
 * The conversation's current participants, read again at most every 30 s per socket and
 * conversation; someone no longer among them leaves its room and is refused.
 */
async function typingParticipants(socket: Socket, conversationId: string): Promise<string[]> {
  const cache = (socket.data.typingAccess ??= new Map<string, TypingAccess>()) as Map<string, TypingAccess>;
  const cached = cache.get(conversationId);
  if (cached && Date.now() - cached.at < TYPING_ACCESS_CHECK_MS) return cached.participantIds;
  const participantIds = await conversationParticipantIds(conversationId);
  if (!participantIds.includes(actor(socket))) {
    cache.delete(conversationId);
    await socket.leave(conversationRoom(conversationId));
    throw notInConversation();
  }
  cache.set(conversationId, { at: Date.now(), participantIds });
  return participantIds;
}

function onTyping(socket: Socket): void {
  listen(socket, "typing", {
    schema: conversationPayload,
    ackRequired: false,
    run: async (s, { conversationId }) => {
      // Only a room this socket was put in (at connection, by conversation:join or by the domain).
      if (!s.rooms.has(conversationRoom(conversationId))) throw notInConversation();
      if (!typingAllowed(s, conversationId)) return {};
      await requireLiveSession(s, TYPING_SESSION_CHECK_MS);
      const others = (await typingParticipants(s, conversationId)).filter((id) => id !== actor(s));
      if (others.length === 0) return {};
      s.to(others.map(userRoom))
        .except(userRoom(actor(s)))
        .emit("typing", { conversationId, userId: actor(s), name: s.data.userName as string });
      return {};
    },
  });
}

export function listenToChat(socket: Socket): void {
  onSend(socket);
  onRead(socket);
  onSync(socket);
  onJoin(socket);
  onTyping(socket);
}
