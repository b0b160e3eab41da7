// Who is who: the organization's agents (names, presence, load) and end users (names), cached, from the query API.

export class Directory {
  constructor(api) {
    this.api = api;
    this.agents = new Map();
    this.users = new Map();
    this.userPresence = new Map();
    this.listeners = new Set();
  }

  async loadAgents() {
    const answer = await this.api.query("/v1/agents");
    this.agents = new Map(answer.agents.map((agent) => [agent.agentId, agent]));
    this.changed();
  }

  agentName(agentId) {
    if (!agentId) return "";
    return this.agents.get(agentId)?.name || this.agents.get(agentId)?.login || "Agent";
  }

  activeAgents() {
    return [...this.agents.values()].filter((a) => a.status === "active")
      .sort((a, b) => (a.name || a.login).localeCompare(b.name || b.login));
  }

  setAgentPresence(agentId, presence) {
    const agent = this.agents.get(agentId);
    if (agent) {
      agent.presence = presence;
      this.changed();
    } else {
      this.loadAgents().catch(() => {});
    }
  }

  /** The user's profile, fetched once; `null` while loading (listeners hear when it arrives). */
  user(userId) {
    if (!userId) return null;
    const known = this.users.get(userId);
    if (known !== undefined) return known;
    this.users.set(userId, null);
    this.api.query(`/v1/users/${encodeURIComponent(userId)}`)
      .then((user) => {
        this.users.set(userId, user);
        this.changed();
      })
      .catch(() => this.users.delete(userId));
    return null;
  }

  /** A display name for an end user: name, else e-mail, else member id, else "Visitor 1a2b". */
  userName(userId) {
    const user = this.user(userId);
    return user?.name || user?.email || (user?.memberId ? `Member ${user.memberId}` : null)
      || `Visitor ${String(userId || "").slice(-4)}`;
  }

  forgetUser(userId) {
    this.users.delete(userId);
  }

  setUserPresence(userId, status) {
    this.userPresence.set(userId, status);
    this.changed();
  }

  userOnline(userId) {
    return this.userPresence.get(userId) === "online";
  }

  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed() {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      for (const listener of this.listeners) listener();
    }, 30);
  }
}
