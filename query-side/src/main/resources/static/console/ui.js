// Small pieces of the console's UI used everywhere: toasts, error handling of user actions, avatars.
import { h, initials, hue } from "/shared/dom.js";
import { ApiError } from "./api.js";

/** A short message at the bottom of the screen; `kind` "error" for failures. */
export function toast(text, kind = "info") {
  const el = h("div", { class: ["toast", kind], text });
  document.getElementById("toasts").append(el);
  setTimeout(() => el.remove(), kind === "error" ? 6000 : 3000);
}

/** Runs an action of the user, showing what went wrong if it fails. */
export async function attempt(action, what) {
  try {
    return await action();
  } catch (e) {
    toast(`${what}: ${e instanceof ApiError ? e.describe() : e.message}`, "error");
    return undefined;
  }
}

export function avatar(name, { small = false, presence = null } = {}) {
  const el = h("span", { class: ["avatar", small && "small"], "aria-hidden": "true" }, initials(name),
    presence ? h("span", { class: ["dot", presence] }) : null);
  el.style.setProperty("--h", hue(name));
  return el;
}

