// The reference server of ./flc bench: the smallest socket.io 4.8 server with the same room fan-out as the
// realtime edge, and nothing else (no authentication, no storage, no catch-up). It answers what a benchmark needs:
//   /sdk   namespace, handshake auth {userId, organizationId}: joins room user:<userId>; "chat:join" {chatId}
//          joins room chat:<chatId> and acks {ok, chatId, lastSequence, complete}
//   /agent namespace, handshake auth {organizationId}: joins room org:<organizationId>
//   POST /publish {chatId, organizationId, userId, clientMessageId, text}: numbers the message in its chat and
//          emits "chat.event" (the edge's message.posted shape) to chat:<chatId> on /sdk and org:<organizationId>
//          on /agent; answers 201 {chatId, sequence, messageId}
//   GET /stats[?gc=1]: memory (after a full GC with gc=1, when started with --expose-gc), CPU, sockets
// Usage: node --expose-gc server.mjs <port>   (listens on 0.0.0.0)
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { Server } from "socket.io";

const port = Number(process.argv[2] ?? process.env.PORT ?? 8090);
const sequences = new Map();

const http = createServer((req, res) => {
  if (req.method === "POST" && req.url === "/publish") {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      let message;
      try {
        message = JSON.parse(body);
      } catch {
        return answer(res, 400, { error: "malformed JSON" });
      }
      const { chatId, organizationId, userId, clientMessageId, text } = message;
      if (typeof chatId !== "string" || typeof organizationId !== "string") {
        return answer(res, 422, { error: "chatId and organizationId are required" });
      }
      const sequence = (sequences.get(chatId) ?? 0) + 1;
      sequences.set(chatId, sequence);
      const messageId = "msg_" + randomUUID().replaceAll("-", "");
      const event = {
        v: 1, type: "message.posted", eventId: randomUUID(), chatId, sequence, occurredAt: new Date().toISOString(),
        message: { messageId, clientMessageId, author: { kind: "user", id: userId }, text, attachments: [] },
      };
      sdk.to("chat:" + chatId).emit("chat.event", event);
      agent.to("org:" + organizationId).emit("chat.event",
        { ...event, message: { ...event.message, visibility: "public" } });
      answer(res, 201, { chatId, sequence, messageId });
    });
    return;
  }
  if (req.method === "GET" && req.url.startsWith("/stats")) {
    if (req.url.includes("gc=1") && typeof global.gc === "function") {
      global.gc();
    }
    const memory = process.memoryUsage();
    return answer(res, 200, {
      rss: memory.rss, heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, external: memory.external,
      arrayBuffers: memory.arrayBuffers, cpu: process.cpuUsage(), sdkSockets: sdk.sockets.size,
      agentSockets: agent.sockets.size, node: process.version,
    });
  }
  // anything else is socket.io's (it attaches its own request listener)
});

function answer(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(json) });
  res.end(json);
}

const io = new Server(http, { serveClient: false, pingInterval: 25000, pingTimeout: 20000 });

const sdk = io.of("/sdk");
sdk.on("connection", (socket) => {
  const { userId } = socket.handshake.auth ?? {};
  if (typeof userId === "string") {
    socket.join("user:" + userId);
  }
  socket.on("chat:join", (request, ack) => {
    const chatId = request?.chatId;
    if (typeof chatId !== "string") {
      return typeof ack === "function" && ack({ ok: false, error: "invalid-request" });
    }
    socket.join("chat:" + chatId);
    if (typeof ack === "function") {
      ack({ ok: true, chatId, lastSequence: sequences.get(chatId) ?? 0, complete: true });
    }
  });
});

const agent = io.of("/agent");
agent.on("connection", (socket) => {
  const { organizationId } = socket.handshake.auth ?? {};
  if (typeof organizationId === "string") {
    socket.join("org:" + organizationId);
  }
});

http.listen(port, "0.0.0.0", () => console.log(`reference server listening on 0.0.0.0:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => io.close(() => process.exit(0)));
}
