// The product as people use it, in headless Chromium (Debian's chromium, never a downloaded browser): a customer
// writes in the chat widget, an agent answers from the agent console, the widget shows the answer; a dropped
// connection leaves no gap in the widget; user text is never interpreted as HTML anywhere.
//
// Driven by infra/local-stack's BrowserIT, which starts the whole platform and passes where it is:
// QUERY_URL, COMMAND_URL, EDGE_URL, PLUGIN_KEY, AGENT_LOGIN, AGENT_PASSWORD, AGENT_NAME, MEMBER_ID, MEMBER_HASH
// (a member of the demo site with a closed conversation, and the hash its backend computed); CHROMIUM optional.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { chromium } from "playwright-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run through BrowserIT: ./flc test)`);
  return value;
};
const QUERY_URL = env("QUERY_URL");
const COMMAND_URL = env("COMMAND_URL");
const EDGE_URL = env("EDGE_URL");
const PLUGIN_KEY = env("PLUGIN_KEY");
const AGENT_LOGIN = env("AGENT_LOGIN");
const AGENT_PASSWORD = env("AGENT_PASSWORD");
const AGENT_NAME = env("AGENT_NAME");
const MEMBER_ID = env("MEMBER_ID");
const MEMBER_HASH = env("MEMBER_HASH");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const TIMEOUT = 30_000;

let browser;

before(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium; ./flc test does it when run as root) or set CHROMIUM`);
  }
  // launch() starts the browser with a new, empty profile (user-data-dir) of its own, removed on close
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"],
    timeout: 60_000,
  });
});

after(async () => {
  await browser?.close();
});

/** A page that records script errors and whether any injected markup ran. */
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") console.log(`[browser console] ${m.text()}`);
  });
  return page;
}

async function loginToConsole(page) {
  await page.goto(`${QUERY_URL}/console/`);
  await page.getByLabel("E-mail").fill(AGENT_LOGIN);
  await page.getByLabel("Password").fill(AGENT_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("navigation", { name: "Console" }).waitFor();
  await page.locator(".connection", { hasText: "Live" }).waitFor();
}

function widget(page) {
  return page.locator("#flc-chat");
}

/** Sequences of the messages the widget shows, in page order (pending ones have none). */
function widgetSequences(page) {
  return page.evaluate(() => [...document.querySelector("#flc-chat").shadowRoot.querySelectorAll(".msg")]
    .map((m) => ({ sequence: Number(m.dataset.sequence) || null, text: m.querySelector(".bubble").textContent })));
}

async function api(method, url, body, token, extraHeaders = {}) {
  const headers = { "Content-Type": "application/json", ...extraHeaders };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${url} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A fresh agent access token for API calls made by the tests themselves. */
async function token() {
  return (await api("POST", `${COMMAND_URL}/v1/auth/login`, { login: AGENT_LOGIN, password: AGENT_PASSWORD })).accessToken;
}

async function eventually(check, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
}

test("a customer writes in the widget, the agent answers from the console, the widget shows the answer — user text is never markup", async () => {
  const marker = `order-${Date.now()}`;
  const hostile = `Hi, my ${marker} <img src=x onerror="window.__xss=1"><script>window.__xss=2</script> is late`;
  const reply = `Sorry about that! <b onmouseover="window.__xss=3">I'm on it</b> — ${marker}`;

  const customer = await newPage();
  await customer.goto(`${QUERY_URL}/demo/?pluginKey=${PLUGIN_KEY}`);
  await customer.locator("#status", { hasText: "Widget booted" }).waitFor();
  const agent = await newPage();
  await loginToConsole(agent);
  await agent.locator("a[data-folder=unassigned]").click();
  const unassignedCount = agent.locator("a[data-folder=unassigned] .count");
  await eventually(async () => /^\d+$/.test(await unassignedCount.textContent()), "the folder counts");
  const before = Number(await unassignedCount.textContent());

  // the customer opens the messenger and writes (Enter sends)
  await widget(customer).getByRole("button", { name: /Open chat/ }).click();
  const input = widget(customer).getByLabel("Message");
  await input.fill(hostile);
  await input.press("Enter");
  await eventually(async () => (await widgetSequences(customer)).some((m) => m.sequence && m.text === hostile), "the message confirmed in the widget");
  await widget(customer).getByRole("button", { name: "Close chat" }).first().click();

  // the agent sees it arrive live: a new row in Unassigned, its count goes up, the text exactly as written
  const row = agent.locator(".chat-row", { hasText: marker });
  await row.waitFor();
  await eventually(async () => Number(await unassignedCount.textContent()) === before + 1, "the unassigned count to go up");
  await row.locator("button").click();
  const bubble = agent.locator(".msg.user .bubble", { hasText: marker });
  await bubble.waitFor();
  assert.equal(await bubble.textContent(), hostile);
  assert.equal(await agent.locator(".messages img, .messages script").count(), 0, "no markup from user text in the console");

  // typing shows on the other side, both ways
  await widget(customer).getByRole("button", { name: /Open chat/ }).click();
  await widget(customer).getByLabel("Message").fill("still there?");
  await agent.locator(".typing", { hasText: "is typing" }).waitFor();
  await widget(customer).getByLabel("Message").fill("");
  await widget(customer).getByRole("button", { name: "Close chat" }).first().click();

  // the agent replies (Enter sends); Shift+Enter makes a new line instead
  const composer = agent.getByLabel("Message", { exact: true });
  await composer.fill("draft");
  await composer.press("Shift+Enter");
  assert.equal(await composer.inputValue(), "draft\n");
  await composer.fill(reply);
  await composer.press("Enter");
  await agent.locator(".msg.mine[data-sequence]:not([data-sequence='']) .bubble", { hasText: marker }).waitFor();

  // an internal note stays with the agents
  const secret = `internal-${marker}`;
  await agent.getByRole("tab", { name: "Internal note" }).click();
  await composer.fill(`Customer is upset (${secret})`);
  await composer.press("Enter");
  await agent.locator(".msg.note[data-sequence]:not([data-sequence='']) .bubble", { hasText: secret }).waitFor();
  await agent.getByRole("tab", { name: "Reply" }).click();

  // the customer's page hears it while the messenger is closed: unread callback and badge
  await customer.locator("#unread", { hasText: "1 new message" }).waitFor();
  assert.equal(await widget(customer).locator(".badge").textContent(), "1");

  // opening the messenger shows the answer with the agent's name, and marks it read
  await widget(customer).getByRole("button", { name: /Open chat/ }).click();
  const answer = widget(customer).locator(".msg.theirs .bubble", { hasText: marker });
  await answer.waitFor();
  assert.equal(await answer.textContent(), reply);
  await widget(customer).locator(".msg.theirs .name", { hasText: AGENT_NAME }).first().waitFor();
  await customer.locator("#unread:empty").waitFor();
  assert.ok(await widget(customer).locator(".badge").isHidden());
  // …and the console shows the read receipt
  await agent.locator(".msg.mine .msg-status[data-receipt=seen]").waitFor();
  await composer.fill("one more thing");
  await widget(customer).locator(".typing", { hasText: `${AGENT_NAME} is typing` }).waitFor();

  assert.equal(await widget(customer).locator(".msg", { hasText: secret }).count(), 0, "the internal note never reaches the widget");
  assert.equal(await customer.evaluate(() => window.__xss), undefined, "no script from agent text ran in the widget");
  assert.equal(await agent.evaluate(() => window.__xss), undefined, "no script from user text ran in the console");
  assert.equal(await widget(customer).locator(".messages img, .messages b, .messages script").count(), 0);
  assert.deepEqual(customer.errors, []);
  assert.deepEqual(agent.errors, []);
  await customer.context().close();
  await agent.context().close();
});

/** A TCP proxy to the edge that can drop every connection and refuse new ones, as a network outage would. */
async function outageProxy(target) {
  const { hostname, port } = new URL(target);
  const sockets = new Set();
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://localhost:${server.address().port}`,
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      down = false;
    },
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(resolve);
    }),
  };
}

/** A customer's own site on another origin, embedding the widget exactly as the README says. */
async function customerSite(edgeUrl) {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script src="${QUERY_URL}/widget/flc-chat.js"></script>
<script>FlcChat.boot({ pluginKey: ${JSON.stringify(PLUGIN_KEY)}, edgeUrl: ${JSON.stringify(edgeUrl)},
  onReady: () => { document.body.dataset.ready = "yes"; } });</script>
</head><body><h1>A shop on another site</h1></body></html>`;
  const server = http.createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(page);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

test("after a dropped connection the widget reconnects by itself and shows every message once, in order, without a gap", async () => {
  const proxy = await outageProxy(EDGE_URL);
  const site = await customerSite(proxy.url);
  const customer = await newPage();
  try {
    await customer.goto(site.url);
    await customer.locator("body[data-ready=yes]").waitFor();
    await widget(customer).getByRole("button", { name: /Open chat/ }).click();
    const input = widget(customer).getByLabel("Message");
    await input.fill("Is my parcel on its way?");
    await input.press("Enter");
    const first = await eventually(async () => (await widgetSequences(customer)).find((m) => m.sequence), "the first message confirmed");
    await eventually(async () => (await widget(customer).getAttribute("data-connection")) === "connected", "the widget connected");

    const session = await api("POST", `${COMMAND_URL}/v1/auth/login`, { login: AGENT_LOGIN, password: AGENT_PASSWORD });
    const chatId = await widget(customer).getAttribute("data-chat-id");
    assert.match(chatId, /^ch_/);
    const say = (text) => api("POST", `${COMMAND_URL}/v1/chats/${chatId}/messages`, { clientMessageId: `bt-${crypto.randomUUID()}`, text }, session.accessToken);

    await say("Let me check. (1)");
    await widget(customer).locator(".bubble", { hasText: "(1)" }).waitFor();

    // the network goes away; the agent keeps writing
    proxy.cut();
    await eventually(async () => (await widget(customer).getAttribute("data-connection")) === "reconnecting", "the widget noticing the outage");
    for (let i = 2; i <= 6; i++) await say(`Update while you were offline (${i})`);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a few failed reconnection attempts meanwhile
    proxy.restore();

    await eventually(async () => (await widget(customer).getAttribute("data-connection")) === "reconnected", "the widget reconnecting by itself");
    await widget(customer).locator(".bubble", { hasText: "(6)" }).waitFor();
    await say("Back online? (7)");
    await widget(customer).locator(".bubble", { hasText: "(7)" }).waitFor();

    const shown = await widgetSequences(customer);
    const sequences = shown.map((m) => m.sequence);
    assert.ok(sequences.every((s) => s !== null), `every message confirmed: ${JSON.stringify(shown)}`);
    assert.deepEqual([...sequences].sort((a, b) => a - b), sequences, "in sequence order");
    assert.equal(new Set(sequences).size, sequences.length, "no duplicates");
    const stored = await api("GET", `${QUERY_URL}/v1/chats/${chatId}/messages?after=0&limit=200`, null, session.accessToken);
    assert.deepEqual(shown.map((m) => [m.sequence, m.text]), stored.messages.map((m) => [m.sequence, m.text]),
      "exactly the chat's messages: nothing missing, nothing twice");
    assert.deepEqual(customer.errors, []);
  } finally {
    await customer.context().close();
    await site.close();
    await proxy.close();
  }
});

test("the agent works the chat from its header: assign, tag, priority, snooze, close, reopen — folders follow live", async () => {
  const api0 = await api("POST", `${COMMAND_URL}/v1/sdk/boot`, {}, null, { "X-Plugin-Key": PLUGIN_KEY });
  const sdk = { "X-Plugin-Key": PLUGIN_KEY, "X-User-Token": api0.userToken };
  const { chatId } = await api("POST", `${COMMAND_URL}/v1/sdk/chats`, undefined, null, sdk);
  await api("POST", `${COMMAND_URL}/v1/sdk/chats/${chatId}/messages`, { clientMessageId: `bt-${crypto.randomUUID()}`, text: "Where is my refund?" }, null, sdk);

  const agent = await newPage();
  try {
    await loginToConsole(agent);
    await agent.goto(`${QUERY_URL}/console/#/inbox/unassigned/${chatId}`);
    await agent.locator(".msg.user .bubble", { hasText: "Where is my refund?" }).waitFor();
    const count = (folder) => agent.locator(`a[data-folder=${folder}] .count`).textContent().then(Number);
    const header = agent.locator(".chat-header");

    const mineBefore = await count("mine");
    await header.getByRole("button", { name: "Assign to me" }).click();
    await eventually(async () => (await agent.locator("#assignee").inputValue()) !== "", "the assignee shown");
    await eventually(async () => (await count("mine")) === mineBefore + 1, "Assigned to me counting it");

    await header.getByLabel("Add a tag").fill("refund");
    await header.getByLabel("Add a tag").press("Enter");
    await header.locator(".tag", { hasText: "refund" }).waitFor();
    await agent.locator("#priority").selectOption("urgent");
    await eventually(async () => (await agent.locator("#priority").inputValue()) === "urgent", "the priority kept");

    const snoozedBefore = await count("snoozed");
    await header.getByRole("button", { name: "Snooze ▾" }).click();
    await header.getByRole("menuitem", { name: "1 hour" }).click();
    await header.locator(".pill", { hasText: "snoozed until" }).waitFor();
    await eventually(async () => (await count("snoozed")) === snoozedBefore + 1, "Snoozed counting it");

    await header.getByRole("button", { name: "Unsnooze" }).click();
    await header.locator(".pill.state-open").waitFor();
    const closedBefore = await count("closed");
    await header.getByRole("button", { name: "Close" }).click();
    await header.locator(".pill.state-closed").waitFor();
    await eventually(async () => (await count("closed")) === closedBefore + 1, "Closed counting it");
    await header.getByRole("button", { name: "Reopen" }).click();
    await header.locator(".pill.state-open").waitFor();

    const row = await api("GET", `${QUERY_URL}/v1/chats/${chatId}`, null, await token());
    assert.equal(row.state, "open");
    assert.deepEqual(row.tags, ["refund"]);
    assert.equal(row.priority, "urgent");
    assert.ok(row.assigneeId, "assigned");
    assert.deepEqual(agent.errors, []);
  } finally {
    await agent.context().close();
  }
});

test("a signed-in member (memberHash) finds their earlier conversation in the widget", async () => {
  const customer = await newPage();
  try {
    await customer.goto(`${QUERY_URL}/demo/?pluginKey=${PLUGIN_KEY}&memberId=${MEMBER_ID}&memberHash=${MEMBER_HASH}`);
    await customer.locator("#status", { hasText: "Widget booted" }).waitFor();
    await widget(customer).getByRole("button", { name: /Open chat/ }).click();
    await widget(customer).locator(".msg.mine .bubble", { hasText: "Can I change the e-mail address" }).waitFor();
    await widget(customer).locator(".status", { hasText: "closed" }).waitFor();

    // a wrong hash is refused: the widget does not start
    const forged = await newPage();
    await forged.goto(`${QUERY_URL}/demo/?pluginKey=${PLUGIN_KEY}&memberId=${MEMBER_ID}&memberHash=${"0".repeat(64)}`);
    await forged.locator("#status", { hasText: "could not start" }).waitFor();
    assert.equal(await forged.locator("#flc-chat").count(), 0);
    await forged.context().close();
    assert.deepEqual(customer.errors, []);
  } finally {
    await customer.context().close();
  }
});

test("analytics: charts from the analytics contract, and an empty state (not a failure) where it is not deployed", async () => {
  const agent = await newPage();
  try {
    await loginToConsole(agent);
    // the query side answers 404 until the analytics module is deployed: the page says so and nothing breaks
    await agent.locator("a[href='#/analytics']").click();
    const analytics = await fetch(`${QUERY_URL}/v1/analytics/live`);
    if (analytics.status === 404) await agent.getByText("No analytics yet").waitFor();

    // answers in the agreed contract (GET /v1/analytics/metrics, /live) are drawn as charts and cards
    const hour = 3600_000;
    const now = Date.now();
    const start = new Date(Math.floor(now / hour) * hour - 3 * hour);
    const stat = (median) => ({ count: 2, medianSeconds: median, p90Seconds: median * 2, meanSeconds: median + 10 });
    const buckets = [0, 2].map((i) => ({
      start: new Date(start.getTime() + i * hour).toISOString(), end: new Date(start.getTime() + (i + 1) * hour).toISOString(),
      chatsOpened: 3 + i, chatsClosed: 2, chatsReopened: 0, messagesIn: 14, messagesOut: 11,
      firstResponseTime: stat(40), replyTime: stat(30), resolutionTime: { count: 0, medianSeconds: null, p90Seconds: null, meanSeconds: null },
    }));
    await agent.route("**/v1/analytics/metrics?**", (route) => route.fulfill({ json: { scope: "organization", window: "hour", businessHours: false, buckets } }));
    await agent.route("**/v1/analytics/live", (route) => route.fulfill({ json: { unassigned: 7, waiting: 5, agents: [] } }));
    await agent.locator("#range").selectOption("24h");
    await agent.locator("a[data-folder=mine]").click();
    await agent.locator("a[href='#/analytics']").click();
    await agent.getByRole("img", { name: /^Conversations\. Opened: 8 in total, Closed: 4 in total/ }).waitFor();
    assert.equal(await agent.locator(".card", { hasText: "Chats opened" }).locator(".value").textContent(), "8");
    assert.equal(await agent.locator(".card", { hasText: "Unassigned now" }).locator(".value").textContent(), "7");
    assert.equal(await agent.locator(".card", { hasText: "Avg first response" }).locator(".value").textContent(), "50 s");
    assert.equal(await agent.locator(".card", { hasText: "Avg resolution" }).locator(".value").textContent(), "—");
    assert.ok(await agent.locator("figure.chart svg rect").count() >= 4, "bars drawn");
    assert.deepEqual(agent.errors, []);
  } finally {
    await agent.context().close();
  }
});

test("the served Socket.IO client is exactly the locked socket.io-client release", async () => {
  const response = await fetch(`${QUERY_URL}/vendor/socket.io-4.8.1.esm.min.js`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("access-control-allow-origin"), null, "no CORS without an Origin");
  const served = Buffer.from(await response.arrayBuffer());
  const locked = fs.readFileSync(new URL("./node_modules/socket.io-client/dist/socket.io.esm.min.js", import.meta.url));
  assert.ok(served.equals(locked), "the vendored file differs from socket.io-client in package-lock.json");
  const lock = JSON.parse(fs.readFileSync(new URL("./package-lock.json", import.meta.url), "utf8"));
  assert.equal(lock.packages["node_modules/socket.io-client"].version, "4.8.1");
});
