/*
 * Fast Light Chat — chat widget and JS SDK for your site.
 *
 *   <script src="https://chat.example.com/widget/flc-chat.js"></script>
 *   <script>FlcChat.boot({ pluginKey: "pk_…" });</script>
 *
 * This small classic script only defines window.FlcChat; the messenger itself (an ES module, with the Socket.IO
 * client) is loaded from the same place on the first boot. Every method returns a Promise and may be called before
 * the messenger has loaded. API: README, "Agent console and chat widget".
 */
(function () {
  "use strict";
  if (window.FlcChat && window.FlcChat.version) return;

  var script = document.currentScript;
  var moduleUrl = new URL("messenger.js", script ? script.src : location.href).href;
  var listeners = {};
  var loading = null;

  function emit(name, payload) {
    (listeners[name] || []).slice().forEach(function (handler) {
      try {
        handler(payload);
      } catch (e) {
        console.error("FlcChat " + name + " handler failed", e);
      }
    });
  }

  function messenger() {
    if (!loading) {
      loading = import(moduleUrl).then(function (module) {
        return module.create({ emit: emit, scriptUrl: script ? script.src : location.href });
      });
    }
    return loading;
  }

  function call(method) {
    return function () {
      var args = arguments;
      return messenger().then(function (m) {
        return m[method].apply(m, args);
      });
    };
  }

  var api = {
    version: "1.0.0",
    /** Starts the messenger: options.pluginKey (required), memberId + memberHash, profile, callbacks… */
    boot: call("boot"),
    /** Ends the session: disconnects, removes the messenger; an anonymous visitor's session is forgotten. */
    shutdown: call("shutdown"),
    open: call("open"),
    close: call("close"),
    toggle: call("toggle"),
    /** Sends a message as the end user (opens a chat if there is none). */
    sendMessage: call("sendMessage"),
    /** Updates the end user's profile: {name, email, phone, attributes}. */
    updateUser: call("updateUser"),
    /** How many agent messages the end user has not read. */
    unreadCount: call("unreadCount"),
    /** Subscribes to "ready", "open", "close", "message", "unreadChange", "connectionChange", "error". */
    on: function (name, handler) {
      (listeners[name] = listeners[name] || []).push(handler);
      return api;
    },
    off: function (name, handler) {
      listeners[name] = (listeners[name] || []).filter(function (h) {
        return h !== handler;
      });
      return api;
    }
  };
  window.FlcChat = api;
})();
