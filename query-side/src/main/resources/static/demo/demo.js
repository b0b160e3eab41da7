// The demo site's own code: boots the widget with the plugin key from the address
// (/demo/?pluginKey=pk_…[&memberId=…&memberHash=…]), as a customer's page would with its own key.
const params = new URLSearchParams(location.search);
const pluginKey = params.get("pluginKey");
const memberId = params.get("memberId");
const memberHash = params.get("memberHash");
const status = document.getElementById("status");
const snippet = [
  `<script src="${new URL("../widget/flc-chat.js", location.href).href}"></script>`,
  "<script>",
  `  FlcChat.boot({ pluginKey: "${pluginKey || "pk_…"}"${memberId ? `, memberId: "${memberId}", memberHash: "…"` : ""} });`,
  "</script>",
].join("\n");
document.getElementById("snippet").textContent = snippet;
document.getElementById("account").textContent = memberId ? `Signed in as ${memberId}` : "Guest";
document.getElementById("open-chat").addEventListener("click", () => FlcChat.open());

if (!pluginKey) {
  status.textContent = "Add ?pluginKey=pk_… to this page's address (./flc run prints the full link).";
} else {
  FlcChat.boot({
    pluginKey,
    memberId: memberId || undefined,
    memberHash: memberHash || undefined,
    title: "Acme Outdoor support",
    welcome: "Questions about an order or a product? Write to us.",
    onUnreadChange: (count) => {
      document.getElementById("unread").textContent = count ? `You have ${count} new message${count > 1 ? "s" : ""} from our team.` : "";
      document.title = `${count ? `(${count}) ` : ""}Acme Outdoor`;
    },
  }).then(({ userId }) => {
    status.textContent = `Widget booted (end user ${userId}).`;
  }).catch((e) => {
    status.textContent = `The widget could not start: ${e.message}`;
  });
}
