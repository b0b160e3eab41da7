// The console's live connection: Socket.IO namespace /agent of the realtime edge (realtime-edge/PROTOCOL.md).
// Every event of every chat of the organization arrives as `chat.event`; the socket re-authenticates with the
// current access token on every (re)connection and reconnects by itself after a drop.
import { io } from "/vendor/socket.io-4.8.1.esm.min.js";

export class Live {
  constructor(edgeUrl, api) {
    this.api = api;
    this.handlers = new Set();
    this.statusHandlers = new Set();
    this.connectedOnce = false;
    this.socket = io(edgeUrl + "/agent", {
      auth: (cb) => cb({ token: api.token }),
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket.on("connect", () => {
      // Tells the edge this dashboard is ready: it follows every chat of the organization from now on (without a
      // resume the edge waits 2 s). The console reloads its rows from the query side after a reconnect.
      this.socket.emit("chat:resume", { chats: [] });
      const reconnected = this.connectedOnce;
      this.connectedOnce = true;
      this.status("online", reconnected);
    });
    this.socket.on("disconnect", () => this.status("offline"));
    this.socket.on("connect_error", async (error) => {
      this.status("offline");
      if (this.socket.active) return; // a transport problem: the client retries by itself
      // refused by the edge (expired token…): refresh the token, then try again
      try {
        await api.refresh();
      } catch {
        return;
      }
      setTimeout(() => this.socket.connect(), 1000);
    });
    this.socket.on("chat.event", (event) => {
      for (const handler of this.handlers) handler(event);
    });
  }

  /** `handler(event)` for every chat.event; returns a function that removes it. */
  on(handler) {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** `handler(state, reconnected)` with state "online" or "offline". */
  onStatus(handler) {
    this.statusHandlers.add(handler);
    return () => this.statusHandlers.delete(handler);
  }

  status(state, reconnected = false) {
    this.state = state;
    for (const handler of this.statusHandlers) handler(state, reconnected);
  }

  get connected() {
    return this.socket.connected;
  }

  /** A request with acknowledgement; resolves with the ack (`{ok, …}`), or `{ok: false, error: "offline"}`. */
  async request(name, payload) {
    if (!this.socket.connected) return { ok: false, error: "offline" };
    try {
      return await this.socket.timeout(10_000).emitWithAck(name, payload);
    } catch {
      return { ok: false, error: "timeout" };
    }
  }

  typing(chatId, typing) {
    if (this.socket.connected) this.socket.emit("typing", { chatId, typing }, () => {});
  }

  close() {
    this.socket.close();
  }
}
