import type { Socket } from "socket.io";
import {
  isConversationParticipant,
  markConversationRead,
  messagesAfter,
  sendMessage,
} from "#app/domain/chat/chat.server";
import { notFound } from "#app/lib/domain-error";
import { conversationRoom, userRoom } from "#app/lib/realtime-bus.server";
import { conversationPayload, readPayload, sendPayload, syncPayload } from "./realtime.schema";
import { listen } from "./socket-events.server";
import { requireLiveSession, SocketRefusal, typingAllowed } from "./socket-guard.server";

// The chat's client → server events (contract in docs/decisions/009). Handlers only call the chat
// domain, which checks participation, persists, then publishes `message:new` / `message:read`.
const actor = (socket: Socket) => socket.data.userId as string;
const TYPING_SESSION_CHECK_MS = 30_000;

export function listenToChat(socket: Socket): void {
  listen(socket, "message:send", {
    schema: sendPayload,
    ackRequired: true,
    run: async (s, input) => {
      await requireLiveSession(s);
      const { message } = await sendMessage({ actorId: actor(s), ...input });
      return { message };
    },
  });

  listen(socket, "message:read", {
    schema: readPayload,
    ackRequired: false,
    run: async (s, input) => {
      await requireLiveSession(s);
      return markConversationRead({ actorId: actor(s), ...input });
    },
  });

  listen(socket, "messages:sync", {
    schema: syncPayload,
    ackRequired: true,
    run: async (s, input) => {
      await requireLiveSession(s);
      return { messages: await messagesAfter({ actorId: actor(s), ...input }) };
    },
  });

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

  listen(socket, "typing", {
    schema: conversationPayload,
    ackRequired: false,
    run: async (s, { conversationId }) => {
      // Only a room this socket was put in (at connection, by conversation:join or by the domain).
      const room = conversationRoom(conversationId);
      if (!s.rooms.has(room)) throw new SocketRefusal("Cette conversation est introuvable.");
      if (!typingAllowed(s, conversationId)) return {};
      await requireLiveSession(s, TYPING_SESSION_CHECK_MS);
      s.to(room)
        .except(userRoom(actor(s)))
        .emit("typing", { conversationId, userId: actor(s), name: s.data.userName as string });
      return {};
    },
  });
}
