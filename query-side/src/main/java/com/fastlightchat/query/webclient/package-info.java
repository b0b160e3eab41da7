/**
 * The browser clients the platform serves itself, as static files: the agent console ({@code /console/}), the chat
 * widget and JS SDK for customers' sites ({@code /widget/flc-chat.js}), a demo customer page ({@code /demo/}) and
 * the Socket.IO browser client they use ({@code /vendor/}); and the public URLs they call.
 */
package com.fastlightchat.query.webclient;
