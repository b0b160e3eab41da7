// Following one chat on the realtime edge, gapless (realtime-edge/PROTOCOL.md), for the console and the widget:
// stream events are applied exactly once and in sequence order; a gap, `resync.required` or a reconnection resumes
// from the last sequence applied, and what the edge's window cannot give (`complete: false`) is read from the
// query API.

/** A live `message.posted` event as a message in the query API's shape (`visibility` is sent to agents only). */
export function messageOf(event) {
  const m = event.message;
  return {
    messageId: m.messageId, sequence: event.sequence, clientMessageId: m.clientMessageId, author: m.author,
    visibility: event.visibility || "public", text: m.text ?? null, attachments: m.attachments || [],
    createdAt: event.occurredAt, editedAt: null, deleted: false,
  };
}

/** Applies a live edit or deletion to `messages` (a Map by message id); false for any other event. */
export function applyMessageChange(messages, event) {
  const m = event.data && messages.get(event.data.messageId);
  if (event.type === "chat.message-edited") {
    if (m) Object.assign(m, { text: event.data.content?.text ?? null, attachments: event.data.content?.attachments || [], editedAt: event.occurredAt });
    return true;
  }
  if (event.type === "chat.message-deleted") {
    if (m) Object.assign(m, { text: null, attachments: [], deleted: true });
    return true;
  }
  return false;
}

/**
 * Keeps a chat's events in sequence order without gaps or duplicates (realtime-edge/PROTOCOL.md): events at or
 * below the cursor are dropped, the next one is applied, later ones wait until the gap is filled. `onGap(after)`
 * is called (once per gap) to ask the edge to resume from the cursor.
 */
export class SequenceCursor {
  constructor(sequence, apply, onGap) {
    this.sequence = sequence;
    this.apply = apply;
    this.onGap = onGap;
    this.pending = new Map();
    this.gapReported = false;
  }

  offer(event) {
    if (typeof event.sequence !== "number" || event.sequence <= this.sequence) return;
    this.pending.set(event.sequence, event);
    this.drain();
  }

  /** Moves the cursor forward to `sequence` (e.g. after reading a range from the query side). */
  advanceTo(sequence) {
    if (sequence <= this.sequence) return;
    this.sequence = sequence;
    for (const key of [...this.pending.keys()]) if (key <= sequence) this.pending.delete(key);
    this.gapReported = false;
    this.drain();
  }

  drain() {
    while (this.pending.has(this.sequence + 1)) {
      const next = this.pending.get(this.sequence + 1);
      this.pending.delete(this.sequence + 1);
      this.sequence += 1;
      this.gapReported = false;
      this.apply(next);
    }
    if (this.pending.size > 0 && !this.gapReported) {
      this.gapReported = true;
      this.onGap(this.sequence);
    }
  }
}

/**
 * One followed chat. `request(name, payload)` sends a Socket.IO request and resolves with its ack;
 * `readAfter(after, until)` reads the messages after a sequence from the query API (`{messages, lastSequence}`,
 * waiting for `until`); `apply(event)` renders a stream event; `applyMessage(message)` a message read from the API.
 */
export class ChatStream {
  constructor({ chatId, sequence, request, readAfter, apply, applyMessage }) {
    this.chatId = chatId;
    this.request = request;
    this.readAfter = readAfter;
    this.applyMessage = applyMessage;
    this.closed = false;
    this.cursor = new SequenceCursor(sequence, apply, (after) => this.fetchFrom(after));
  }

  get sequence() {
    return this.cursor.sequence;
  }

  /** A `chat.event` of this chat (stream event, or `resync.required`). */
  offer(event) {
    if (event.type === "resync.required") this.fetchFrom(this.cursor.sequence);
    else this.cursor.offer(event);
  }

  /** Joins (again) from the last sequence applied: after connecting, and after every reconnection. */
  async resume() {
    const ack = await this.request("chat:join", { chatId: this.chatId, lastSequence: this.cursor.sequence });
    await this.afterResume(ack);
    return ack;
  }

  async fetchFrom(after) {
    const ack = await this.request("chat:fetch", { chatId: this.chatId, after });
    await this.afterResume(ack);
  }

  async afterResume(ack) {
    if (this.closed || !ack?.ok || ack.complete !== false) return;
    const page = await this.readAfter(this.cursor.sequence, ack.lastSequence);
    if (this.closed) return;
    for (const message of page.messages) this.applyMessage(message);
    this.cursor.advanceTo(Math.min(ack.lastSequence, page.lastSequence));
  }

  leave() {
    this.closed = true;
    this.request("chat:leave", { chatId: this.chatId });
  }
}
