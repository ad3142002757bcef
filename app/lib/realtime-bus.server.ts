import type { Server } from "socket.io";

// How the domain pushes live updates without knowing socket.io: chat and notifications publish to
// rooms through this port. The web process installs the socket.io implementation at start (once in
// the Remix build's module graph, once in the server's, which runs the background jobs); anything
// else (a test, `npm run worker` without sockets) keeps the no-op, and pages still show the truth
// on their next load.
export type RealtimeBus = {
  emit(rooms: string | string[], event: string, payload: unknown, options?: { except?: string | string[] }): void;
  /** Puts every socket of these users into a room (a conversation created while they are online). */
  join(userIds: string[], room: string): void;
  /** Whether the user has at least one connected socket, on any instance. */
  isOnline(userId: string): Promise<boolean>;
};

export const userRoom = (userId: string) => `user:${userId}`;
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;

const noopBus: RealtimeBus = {
  emit: () => {},
  join: () => {},
  isOnline: async () => false,
};

let bus: RealtimeBus = noopBus;

export const getRealtimeBus = (): RealtimeBus => bus;

export function setRealtimeBus(next: RealtimeBus | null): void {
  bus = next ?? noopBus;
}

/** The socket.io implementation; with the Redis adapter, rooms and presence span every instance. */
export function socketBus(io: Server): RealtimeBus {
  return {
    emit(rooms, event, payload, options) {
      let target = io.to(rooms);
      if (options?.except) target = target.except(options.except);
      target.emit(event, payload);
    },
    join(userIds, room) {
      if (userIds.length > 0) io.in(userIds.map(userRoom)).socketsJoin(room);
    },
    async isOnline(userId) {
      try {
        const sockets = await io.in(userRoom(userId)).timeout(1000).fetchSockets();
        return sockets.length > 0;
      } catch {
        // Another instance did not answer in time: treat as offline, so a notification is sent
        // rather than lost.
        return false;
      }
    },
  };
}
