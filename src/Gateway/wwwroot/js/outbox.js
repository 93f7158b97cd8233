// The tablet's outbox: every mark a judge submits is first written here (localStorage), with an
// idempotency key generated once, and stays until the server has answered for it. It survives a
// dropped connection and a page reload; resending an entry always uses its original key, so the
// server never counts a mark twice.

const KEEP_SETTLED = 300;

/** A fresh idempotency key: crypto.randomUUID() where the page is a secure context, else the same from getRandomValues. */
export function newIdempotencyKey() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Plain-HTTP pages on a LAN address are not a secure context and lack randomUUID.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class Outbox {
  /** @param {string} storageKey one outbox per edition and judge */
  constructor(storageKey) {
    this.storageKey = storageKey;
    this.entries = [];
    this.load();
  }

  load() {
    try {
      const raw = localStorage.getItem(this.storageKey);
      this.entries = raw ? JSON.parse(raw) : [];
    } catch {
      this.entries = [];
    }
    // Whatever was in flight when the page went away is unanswered: send it again, same key.
    for (const e of this.entries) if (e.state === 'sending') e.state = 'queued';
    this.save();
  }

  save() {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(this.entries));
    } catch (error) {
      console.error('Could not keep the outbox on this device', error);
    }
  }

  /** Queues a mark; the key is generated here, once. */
  add({ occupation, contestantId, criterionId, value }) {
    const entry = {
      key: newIdempotencyKey(),
      occupation, contestantId, criterionId,
      value: String(value),
      state: 'queued',
      createdAt: Date.now(),
    };
    this.entries.push(entry);
    this.prune();
    this.save();
    return entry;
  }

  update(key, patch) {
    const entry = this.entries.find(e => e.key === key);
    if (!entry) return null;
    Object.assign(entry, patch);
    this.save();
    return entry;
  }

  /** Entries not yet answered by the server, oldest first. */
  unsent() {
    return this.entries.filter(e => e.state === 'queued' || e.state === 'sending');
  }

  nextQueued() {
    return this.entries.find(e => e.state === 'queued') ?? null;
  }

  /** The newest entry for one contestant's criterion. */
  latestFor(contestantId, criterionId) {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e.contestantId === contestantId && e.criterionId === criterionId) return e;
    }
    return null;
  }

  byKey(key) {
    return this.entries.find(e => e.key === key) ?? null;
  }

  /** Keeps every unanswered entry and the newest answered one per criterion (bounded). */
  prune() {
    const newestSettled = new Map();
    for (const e of this.entries)
      if (e.state === 'saved' || e.state === 'rejected') newestSettled.set(`${e.contestantId}|${e.criterionId}`, e);
    const keep = new Set([...newestSettled.values()].slice(-KEEP_SETTLED));
    this.entries = this.entries.filter(e => e.state === 'queued' || e.state === 'sending' || keep.has(e));
  }
}
