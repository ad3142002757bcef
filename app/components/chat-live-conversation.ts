// The live side of a conversation page: messages pushed by the socket merged with the loader's,
// read receipts, who is typing, catch-up after a reconnect, and our own read marks.
import { useCallback, useEffect, useRef, useState } from "react";
import { useSocket, useSocketEvent } from "#app/components/realtime-provider";
import type { ConversationView, MessageDTO } from "#app/domain/chat/chat.schema";

type ReadMark = ConversationView["readMarks"][number];
type Typing = { userId: string; name: string; until: number };

const TYPING_SHOWN_MS = 4000;

/** Merges messages by id (a later copy wins), dropping a pending copy with the same clientId. */
export function mergeMessages(current: MessageDTO[], incoming: MessageDTO[]): MessageDTO[] {
  const byKey = new Map<string, MessageDTO>();
  for (const message of [...current, ...incoming]) {
    byKey.set(`${message.senderId}:${message.clientId}`, message);
  }
  return [...byKey.values()].sort((a, b) => a.seq - b.seq);
}

function useMessages(view: ConversationView) {
  const [messages, setMessages] = useState(view.messages);
  // A revalidated loader (form post, pagination) brings the truth: keep live ones it does not have yet.
  useEffect(() => {
    setMessages((current) =>
      mergeMessages(
        view.messages,
        current.filter((m) => m.seq > view.lastSeq),
      ),
    );
  }, [view.messages, view.lastSeq]);
  const add = useCallback(
    (incoming: MessageDTO[]) => setMessages((current) => mergeMessages(current, incoming)),
    [],
  );
  return { messages, add };
}

function useReadMarks(view: ConversationView) {
  const [marks, setMarks] = useState<ReadMark[]>(view.readMarks);
  useEffect(() => setMarks(view.readMarks), [view.readMarks]);
  useSocketEvent<{ conversationId: string; userId: string; seq: number }>("message:read", (read) => {
    if (read?.conversationId !== view.id) return;
    setMarks((current) =>
      current.map((mark) =>
        mark.userId === read.userId ? { ...mark, lastReadSeq: Math.max(mark.lastReadSeq, read.seq) } : mark,
      ),
    );
  });
  return marks;
}

function useTyping(conversationId: string) {
  const [typing, setTyping] = useState<Typing[]>([]);
  useSocketEvent<{ conversationId: string; userId: string; name: string }>("typing", (event) => {
    if (event?.conversationId !== conversationId) return;
    const until = Date.now() + TYPING_SHOWN_MS;
    setTyping((current) => [...current.filter((t) => t.userId !== event.userId), { ...event, until }]);
  });
  useEffect(() => {
    if (!typing.length) return;
    const timer = setTimeout(() => setTyping((current) => current.filter((t) => t.until > Date.now())), 1000);
    return () => clearTimeout(timer);
  }, [typing]);
  return typing;
}

export function typingLabel(typing: { name: string }[]): string {
  if (!typing.length) return "";
  if (typing.length === 1) return `${typing[0]!.name} est en train d’écrire…`;
  return `${typing.map((t) => t.name).join(", ")} sont en train d’écrire…`;
}

type SyncReply = { ok: boolean; messages?: MessageDTO[]; hasMore?: boolean };
type Emitter = { emit(event: string, payload: unknown, ack: (reply: SyncReply) => void): unknown };

/** Asks for what was missed after `afterSeq`, page after page (200 at most each) until the server has no more. */
export function catchUp(
  socket: Emitter,
  conversationId: string,
  afterSeq: number,
  add: (m: MessageDTO[]) => void,
) {
  socket.emit("messages:sync", { conversationId, afterSeq }, (reply) => {
    if (!reply?.ok || !reply.messages) return;
    add(reply.messages);
    const last = reply.messages.at(-1);
    if (reply.hasMore && last) catchUp(socket, conversationId, last.seq, add);
  });
}

export function useLiveConversation(view: ConversationView, userId: string) {
  const { socket, connected } = useSocket();
  const { messages, add } = useMessages(view);
  const readMarks = useReadMarks(view);
  const typing = useTyping(view.id);
  const lastSeq = messages.reduce((max, m) => Math.max(max, m.seq), view.lastSeq);
  const lastSeqRef = useRef(lastSeq);
  lastSeqRef.current = lastSeq;

  useSocketEvent<MessageDTO>("message:new", (message) => {
    if (message?.conversationId === view.id) add([message]);
  });
  // On each (re)connection, and on opening another conversation: make sure this socket is in the
  // room (a conversation opened after it connected) and catch up on what it missed meanwhile.
  useEffect(() => {
    if (!socket || !connected) return;
    socket.emit("conversation:join", { conversationId: view.id }, () => {});
    catchUp(socket, view.id, lastSeqRef.current, add);
  }, [socket, connected, view.id, add]);
  useReadOnArrival(view.id, messages, userId);

  const add1 = useCallback((message: MessageDTO) => add([message]), [add]);
  return { messages, readMarks, typing: typing.filter((t) => t.userId !== userId), add1, socket, connected };
}

/** Tells the others we have read what arrived while the page is visible. */
function useReadOnArrival(conversationId: string, messages: MessageDTO[], userId: string) {
  const { socket } = useSocket();
  const newestFromOthers = messages.reduce(
    (max, m) => (m.senderId !== userId ? Math.max(max, m.seq) : max),
    0,
  );
  const sent = useRef(0);
  useEffect(() => {
    if (!socket) return;
    const send = () => {
      if (document.visibilityState !== "visible" || newestFromOthers <= sent.current) return;
      sent.current = newestFromOthers;
      socket.emit("message:read", { conversationId, seq: newestFromOthers });
    };
    send();
    document.addEventListener("visibilitychange", send);
    return () => document.removeEventListener("visibilitychange", send);
  }, [socket, conversationId, newestFromOthers]);
}
