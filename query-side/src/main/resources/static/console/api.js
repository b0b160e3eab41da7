// The console's HTTP client: the command API (another origin) and the query API (this origin), with the agent's
// bearer token, refreshed before it expires and once more on a 401. Errors are RFC 9457 problems.

const SESSION_KEY = "flc.console.session";

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** "text: must be at most 10000 characters" for bad input, else the detail. */
  describe() {
    const errors = this.problem.errors || [];
    return errors.length ? errors.map((e) => `${e.field}: ${e.message}`).join("; ") : this.message;
  }
}

export async function loadConfig() {
  const response = await fetch("/v1/sdk/client-config");
  if (!response.ok) throw new Error(`configuration unavailable (${response.status})`);
  return response.json();
}

export class Api {
  constructor(config, onSignedOut) {
    this.config = config;
    this.onSignedOut = onSignedOut;
    this.session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
    this.refreshing = null;
    this.scheduleRefresh();
  }

  get signedIn() {
    return Boolean(this.session);
  }

  get agentId() {
    return this.session?.agentId;
  }

  get role() {
    return (this.session?.role || "").toLowerCase();
  }

  get token() {
    return this.session?.accessToken;
  }

  async login(login, password) {
    const response = await fetch(this.config.commandUrl + "/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ login, password }),
    });
    if (!response.ok) throw new ApiError(response.status, await problem(response));
    this.store(await response.json());
  }

  logout() {
    this.session = null;
    sessionStorage.removeItem(SESSION_KEY);
    clearTimeout(this.refreshTimer);
  }

  store(answer) {
    this.session = { ...(this.session || {}), ...answer };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(this.session));
    this.scheduleRefresh();
  }

  scheduleRefresh() {
    clearTimeout(this.refreshTimer);
    if (!this.session?.expiresAt) return;
    const due = new Date(this.session.expiresAt).getTime() - Date.now() - 60_000;
    this.refreshTimer = setTimeout(() => this.refresh().catch(() => {}), Math.max(due, 1000));
  }

  /** A new access token from the refresh token; signs out when the refresh token is refused. */
  refresh() {
    if (!this.refreshing) {
      this.refreshing = (async () => {
        try {
          const response = await fetch(this.config.commandUrl + "/v1/auth/refresh", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ refreshToken: this.session?.refreshToken }),
          });
          if (response.status === 401 || response.status === 422) {
            this.logout();
            this.onSignedOut("Your session has ended. Please log in again.");
            throw new ApiError(response.status, await problem(response));
          }
          if (!response.ok) throw new ApiError(response.status, await problem(response));
          this.store(await response.json());
        } finally {
          this.refreshing = null;
        }
      })();
    }
    return this.refreshing;
  }

  command(method, path, body) {
    return this.send(this.config.commandUrl + path, method, body);
  }

  query(path) {
    return this.send(path, "GET");
  }

  /** A query that may legitimately be missing: resolves null on 404 (e.g. analytics not deployed). */
  async optionalQuery(path) {
    try {
      return await this.query(path);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  async send(url, method, body, retried = false) {
    const headers = { Authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401 && !retried && this.session) {
      await this.refresh();
      return this.send(url, method, body, true);
    }
    if (!response.ok) throw new ApiError(response.status, await problem(response));
    if (response.status === 204) return null;
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }
}

async function problem(response) {
  try {
    return await response.json();
  } catch {
    return { title: response.statusText };
  }
}
