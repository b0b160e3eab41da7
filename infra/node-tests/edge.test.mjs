// The realtime edge as a browser widget sees it, through the official socket.io-client.
// Driven by realtime-edge's NodeClientIT, which starts the edge and passes:
//   EDGE_URL     http://127.0.0.1:<socket port>
//   CONTROL_URL  http://127.0.0.1:<port>; POST /publish?count=N publishes the chat's next N messages, answers {lastSequence}
//   PLUGIN_KEY, USER_TOKEN, FORGED_TOKEN (signed with another key), CHAT_ID
import { test } from "node:test";
import assert from "node:assert/strict";
import { io } from "socket.io-client";

const env = (name) => {
  const value = process.env[name];
  assert.ok(value, `${name} must be set (run through NodeClientIT)`);
  return value;
};
const EDGE_URL = env("EDGE_URL");
const CONTROL_URL = env("CONTROL_URL");
const PLUGIN_KEY = env("PLUGIN_KEY");
const USER_TOKEN = env("USER_TOKEN");
const FORGED_TOKEN = env("FORGED_TOKEN");
const CHAT_ID = env("CHAT_ID");
const PATIENCE_MS = 20_000;

const connect = (userToken) =>
  io(`${EDGE_URL}/sdk`, { auth: { pluginKey: PLUGIN_KEY, userToken }, forceNew: true, reconnection: false });

const publish = async (count) => {
  const response = await fetch(`${CONTROL_URL}/publish?count=${count}`, { method: "POST" });
  assert.equal(response.status, 200);
  return (await response.json()).lastSequence;
};

/** Resolves once `predicate()` holds, polling; rejects after PATIENCE_MS. */
const until = async (predicate, what) => {
  const deadline = Date.now() + PATIENCE_MS;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Records the sequences of the chat's events, as a widget keeps them. */
const recorder = (socket) => {
  const sequences = [];
  socket.on("chat.event", (event) => {
    if (event.chatId === CHAT_ID && typeof event.sequence === "number") sequences.push(event.sequence);
  });
  return sequences;
};

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

test("a token signed with another key is refused with connect_error", async () => {
  const socket = connect(FORGED_TOKEN);
  try {
    const error = await new Promise((resolve, reject) => {
      socket.on("connect", () => reject(new Error("connected")));
      socket.on("connect_error", resolve);
    });
    assert.equal(error.message, "token signature is invalid");
    assert.equal(socket.connected, false);
  } finally {
    socket.close();
  }
});

test("join, live events, then a resume after reconnecting, without gaps or duplicates", async () => {
  const first = connect(USER_TOKEN);
  const seenFirst = recorder(first);
  await new Promise((resolve, reject) => {
    first.on("connect", resolve);
    first.on("connect_error", reject);
  });
  const joined = await first.timeout(PATIENCE_MS).emitWithAck("chat:join", { chatId: CHAT_ID, lastSequence: 0 });
  assert.equal(joined.ok, true);
  assert.equal(joined.chatId, CHAT_ID);

  const live = await publish(3);
  await until(() => seenFirst.length >= live, "live events");
  assert.deepEqual(seenFirst, range(1, live));
  const lastSeen = seenFirst.at(-1);
  first.close();

  await publish(2); // missed while away

  const second = connect(USER_TOKEN);
  const seenSecond = recorder(second);
  await new Promise((resolve, reject) => {
    second.on("connect", resolve);
    second.on("connect_error", reject);
  });
  const flowing = publish(3); // live events racing the resume
  const resumed = await second.timeout(PATIENCE_MS).emitWithAck("chat:join", { chatId: CHAT_ID, lastSequence: lastSeen });
  const last = await flowing;
  assert.equal(resumed.ok, true);
  await until(() => seenSecond.length >= last - lastSeen, "missed and live events");
  assert.deepEqual(seenSecond, range(lastSeen + 1, last));
  second.close();
});

test("long-polling only (no WebSocket, as behind some proxies): catch-up and live events, in order", async () => {
  const socket = io(`${EDGE_URL}/sdk`, {
    auth: { pluginKey: PLUGIN_KEY, userToken: USER_TOKEN },
    forceNew: true,
    reconnection: false,
    transports: ["polling"],
    upgrade: false,
  });
  const seen = recorder(socket);
  try {
    await new Promise((resolve, reject) => {
      socket.on("connect", resolve);
      socket.on("connect_error", reject);
    });
    assert.equal(socket.io.engine.transport.name, "polling");
    const joined = await socket.timeout(PATIENCE_MS).emitWithAck("chat:join", { chatId: CHAT_ID, lastSequence: 0 });
    assert.equal(joined.ok, true);
    const last = await publish(5);
    await until(() => seen.length >= last, "catch-up and live events over long-polling");
    assert.deepEqual(seen, range(1, last));
    assert.equal(socket.io.engine.transport.name, "polling");
  } finally {
    socket.close();
  }
});
