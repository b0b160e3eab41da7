// The agent console: log in, inbox folders with live counts, chats, analytics. Plain ES modules, no build step.
import { h, replace } from "/shared/dom.js";
import { Api, ApiError, loadConfig } from "./api.js";
import { attempt, avatar } from "./ui.js";
import { Live } from "./live.js";
import { Directory } from "./directory.js";
import { Inbox, FOLDERS } from "./inbox.js";
import { ChatView } from "./chat.js";
import { Analytics } from "./analytics.js";

const root = document.getElementById("app");

function brand() {
  return h("div", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true", text: "⚡" }),
    h("span", { class: "brand-name", text: "Fast Light Chat" }));
}

async function main() {
  let config;
  try {
    config = await loadConfig();
  } catch (e) {
    replace(root, h("div", { class: "login" }, h("div", { class: "login-card" }, brand(),
      h("h1", { text: "Console unavailable" }), h("p", { text: e.message }))));
    return;
  }
  let workspace = null;
  const api = new Api(config, (why) => {
    workspace?.close();
    workspace = null;
    showLogin(why);
  });

  function showLogin(notice = "") {
    root.removeAttribute("aria-busy");
    document.title = "Log in — Fast Light Chat";
    const error = h("div", { class: "error-text", role: "alert", text: notice });
    const login = h("input", { class: "input", id: "login", name: "login", type: "email", autocomplete: "username", required: true });
    const password = h("input", { class: "input", id: "password", name: "password", type: "password", autocomplete: "current-password", required: true });
    const submit = h("button", { class: "btn primary", type: "submit", text: "Log in" });
    const form = h("form", {
      class: "login-card", "aria-labelledby": "login-title",
      on: {
        submit: async (event) => {
          event.preventDefault();
          submit.disabled = true;
          error.textContent = "";
          try {
            await api.login(login.value.trim(), password.value);
            workspace = new Workspace(api, config);
          } catch (e) {
            error.textContent = e instanceof ApiError && e.status === 401 ? "Wrong e-mail or password."
              : `Could not log in: ${e instanceof ApiError ? e.describe() : e.message}`;
            submit.disabled = false;
            password.select();
          }
        },
      },
    }, brand(), h("h1", { id: "login-title", text: "Agent console" }),
      h("p", { text: "Log in to answer your customers." }),
      h("div", { class: "field" }, h("label", { for: "login", text: "E-mail" }), login),
      h("div", { class: "field" }, h("label", { for: "password", text: "Password" }), password),
      error, submit);
    replace(root, h("main", { class: "login" }, form));
    login.focus();
  }

  if (api.signedIn) workspace = new Workspace(api, config);
  else showLogin();
}

/** Everything after logging in: sidebar, inbox list, chat view or analytics; one live connection. */
class Workspace {
  constructor(api, config) {
    this.api = api;
    this.directory = new Directory(api);
    this.live = new Live(config.edgeUrl, api);
    this.counts = null;
    this.folderLinks = new Map();

    this.sidebar = h("nav", { class: "sidebar", "aria-label": "Console" });
    this.listPane = h("section", { class: "list-pane", "aria-label": "Chats" });
    this.chatPane = h("section", { class: "chat-pane", "aria-label": "Conversation" });
    this.analyticsPane = h("section", { class: "analytics", "aria-label": "Analytics" });
    this.element = h("div", { class: "workspace" }, this.sidebar, this.listPane, this.chatPane);
    replace(root, this.element);
    root.removeAttribute("aria-busy");

    this.inbox = new Inbox(this, this.listPane);
    this.chat = new ChatView(this, this.chatPane);
    this.analytics = new Analytics(this, this.analyticsPane);
    this.renderSidebar();

    this.live.on((event) => this.onLiveEvent(event));
    this.live.onStatus((state, reconnected) => {
      this.renderConnection();
      if (state === "online" && reconnected) {
        // catch up after a drop: folder counts, the visible folder, and the open chat (gapless, from its cursor)
        this.refreshCounts();
        this.inbox.reload();
        this.chat.resume();
      }
    });
    this.directory.onChange(() => {
      this.renderMe();
      this.inbox.render();
      this.chat.renderHeader();
      this.chat.renderMessages();
    });
    this.directory.loadAgents().catch(() => {});
    this.refreshCounts();
    this.onHash = () => this.route();
    window.addEventListener("hashchange", this.onHash);
    this.route();
  }

  close() {
    window.removeEventListener("hashchange", this.onHash);
    this.live.close();
  }

  /** `#/inbox/<folder>[/<chatId>]` or `#/analytics`. */
  route() {
    const [, view, folder, chatId] = (location.hash || "#/inbox/mine").split("/");
    if (view === "analytics") {
      this.element.classList.add("analytics-mode");
      this.element.replaceChildren(this.sidebar, this.analyticsPane);
      this.markCurrent("analytics");
      this.analytics.show();
      document.title = "Analytics — Fast Light Chat";
      return;
    }
    const name = FOLDERS.some((f) => f.id === folder) ? folder : "mine";
    if (this.element.classList.contains("analytics-mode")) {
      this.element.classList.remove("analytics-mode");
      this.element.replaceChildren(this.sidebar, this.listPane, this.chatPane);
    }
    this.analytics.hide();
    this.markCurrent(name);
    this.inbox.show(name, chatId || null);
    this.chat.open(chatId || null);
  }

  /** Opens a chat of the current folder (keeps the folder in the address, so reload comes back here). */
  openChat(chatId) {
    location.hash = `#/inbox/${this.inbox.folder}/${chatId}`;
  }

  markCurrent(id) {
    for (const [key, link] of this.folderLinks) {
      if (key === id) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }

  renderSidebar() {
    const folderItems = FOLDERS.map((folder) => {
      const count = h("span", { class: "count", "aria-label": "" });
      const link = h("a", { href: `#/inbox/${folder.id}`, dataset: { folder: folder.id } },
        h("span", { class: "label-text", text: folder.label }), count);
      link.countEl = count;
      this.folderLinks.set(folder.id, link);
      return h("li", {}, link);
    });
    const analyticsLink = h("a", { href: "#/analytics" }, h("span", { class: "label-text", text: "Analytics" }));
    this.folderLinks.set("analytics", analyticsLink);
    this.meEl = h("div", { class: "me" });
    this.presenceSelect = h("select", {
      class: "presence-select", id: "presence", "aria-label": "Your presence",
      on: { change: () => this.changePresence(this.presenceSelect.value) },
    }, ["online", "away", "offline"].map((p) => h("option", { value: p, text: p[0].toUpperCase() + p.slice(1) })));
    this.connectionEl = h("div", { class: "connection", role: "status" });
    replace(this.sidebar, brand(),
      h("div", { class: "nav-title", id: "folders-title", text: "Inbox" }),
      h("ul", { class: "nav", "aria-labelledby": "folders-title" }, folderItems),
      h("div", { class: "nav-title", text: "Reports" }),
      h("ul", { class: "nav" }, h("li", {}, analyticsLink)),
      h("div", { class: "sidebar-footer" }, this.meEl,
        h("label", { class: "sr-only", for: "presence", text: "Your presence" }), this.presenceSelect,
        this.connectionEl,
        h("button", { class: "btn small", type: "button", text: "Log out", on: { click: () => this.logout() } })));
    this.renderMe();
    this.renderCounts();
    this.renderConnection();
  }

  renderMe() {
    const me = this.directory.agents.get(this.api.agentId);
    const name = me?.name || me?.login || "You";
    replace(this.meEl, avatar(name, { small: true, presence: me?.presence || "offline" }),
      h("div", { class: "me-text" }, h("div", { class: "me-name", text: name }),
        h("div", { class: "me-role", text: this.api.role })));
    if (me?.presence && document.activeElement !== this.presenceSelect) this.presenceSelect.value = me.presence;
  }

  renderConnection() {
    const live = this.live.state === "online";
    replace(this.connectionEl, h("span", { class: ["dot", live ? "online" : "away"] }),
      h("span", { class: "connection-text", text: live ? "Live" : "Reconnecting…" }));
  }

  async changePresence(presence) {
    const ok = await attempt(() => this.api.command("PUT", "/v1/agents/me/presence", { presence }), "Presence");
    if (ok !== undefined) this.directory.setAgentPresence(this.api.agentId, presence);
  }

  /** Recounts the folders; after a live event, as of at least that event (the edge can be ahead of the inbox). */
  refreshCounts(event) {
    clearTimeout(this.countsTimer);
    if (event) this.countsAfter = event;
    this.countsTimer = setTimeout(async () => {
      const after = this.countsAfter;
      this.countsAfter = null;
      const query = after ? `?chatId=${encodeURIComponent(after.chatId)}&awaitSequence=${after.sequence}` : "";
      try {
        this.counts = await this.api.query(`/v1/inbox/counts${query}`);
        this.renderCounts();
      } catch {
        // the next event or reconnection tries again
      }
    }, 250);
  }

  renderCounts() {
    for (const folder of FOLDERS) {
      const link = this.folderLinks.get(folder.id);
      const value = this.counts ? this.counts[folder.countKey] : null;
      link.countEl.textContent = value ?? "";
      link.countEl.hidden = value === null || value === undefined;
      link.countEl.setAttribute("aria-label", value === null ? "" : `${value} chats`);
      link.countEl.classList.toggle("attention", (folder.id === "mine" || folder.id === "unassigned") && value > 0);
    }
  }

  /** Unread chats in the visible folder, in the tab title. */
  updateTitle(unread) {
    if (this.element.classList.contains("analytics-mode")) return;
    document.title = `${unread > 0 ? `(${unread}) ` : ""}Inbox — Fast Light Chat`;
  }

  onLiveEvent(event) {
    switch (event.type) {
      case "agent.presence":
        this.directory.setAgentPresence(event.agentId, event.presence);
        return;
      case "presence":
        this.directory.setUserPresence(event.userId, event.status);
        return;
      case "typing":
      case "resync.required":
        this.chat.onEvent(event);
        return;
      default:
        if (typeof event.sequence === "number") {
          if (event.type === "chat.transferred") this.directory.forgetUser(event.data?.userId);
          this.chat.onEvent(event);
          this.inbox.onEvent(event);
          this.refreshCounts(event);
          if (event.type === "chat.assigned" || event.type === "chat.unassigned" || event.type === "chat.closed"
            || event.type === "chat.reopened") this.directory.loadAgents().catch(() => {});
        }
    }
  }

  logout() {
    this.live.close();
    this.api.logout();
    window.removeEventListener("hashchange", this.onHash);
    location.hash = "";
    location.reload();
  }
}

main();
