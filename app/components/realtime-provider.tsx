// One socket.io connection per signed-in page, shared through context. Pages work without it (plain
// forms, full reloads); the socket only makes them live. The server authenticates the handshake from
// the session cookie, so the client sends nothing but its cookies.
import { createContext, useContext, useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";

type RealtimeState = { socket: Socket | null; connected: boolean };

const RealtimeContext = createContext<RealtimeState>({ socket: null, connected: false });

export function RealtimeProvider({ enabled, children }: { enabled: boolean; children: React.ReactNode }) {
  const [state, setState] = useState<RealtimeState>({ socket: null, connected: false });

  useEffect(() => {
    if (!enabled) return;
    let socket: Socket | null = null;
    let cancelled = false;
    // Loaded on demand: the client library stays out of the first paint and out of the server render.
    void import("socket.io-client").then(({ io }) => {
      if (cancelled) return;
      socket = io({ transports: ["websocket", "polling"], reconnection: true, withCredentials: true });
      const update = () => setState({ socket, connected: socket?.connected ?? false });
      socket.on("connect", update);
      socket.on("disconnect", update);
      update();
    });
    return () => {
      cancelled = true;
      socket?.disconnect();
      setState({ socket: null, connected: false });
    };
  }, [enabled]);

  return <RealtimeContext.Provider value={state}>{children}</RealtimeContext.Provider>;
}

/** The shared socket (null without JavaScript, for visitors, or before it loads) and whether it is up. */
export function useSocket(): RealtimeState {
  return useContext(RealtimeContext);
}

/** Calls `handler` on each `event` from the server; the latest handler is used without resubscribing. */
export function useSocketEvent<T>(event: string, handler: (payload: T) => void): void {
  const { socket } = useSocket();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: T) => latest.current(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}
