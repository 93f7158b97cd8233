// One SignalR connection that keeps itself alive: automatic reconnect with back-off that never
// gives up, its own start loop when the connection is closed or cannot start, an honest
// indicator, and a resync callback after every (re)connect. The browser's offline event stops
// the connection at once (nothing is sent into a dead network) and its online event restarts it.
import { t, onLangChange } from './i18n.js';
import { delay } from './dom.js';

/* global signalR */

export const CLUSTER_UNAVAILABLE = 'ClusterUnavailable';

/** Back-off with jitter: 0.5 s, 1 s, 2 s, 4 s, then every 5 s. */
export function backoff(attempt) {
  const base = Math.min(500 * 2 ** attempt, 5000);
  return base + Math.floor(Math.random() * 250);
}

/** True for an error the hub raised because the cluster is unreachable for now (retry with the same key). */
export function isClusterUnavailable(error) {
  return String(error?.message ?? error).includes(CLUSTER_UNAVAILABLE);
}

/** True for a refusal the hub method raised on purpose (a HubException with a code, e.g. "Forbidden: …"): sending again will not help. */
export function isServerRefusal(error) {
  const message = String(error?.message ?? error);
  return message.includes('HubException:') && !message.includes('(retryable)');
}

/** True for a failure inside the hub method that a resend may cure (InternalError, or no HubException at all): worth a few retries with the same key. */
export function isUnexpectedServerError(error) {
  const message = String(error?.message ?? error);
  return (message.includes('An unexpected error occurred invoking') && !message.includes('HubException:'))
    || (message.includes('HubException: InternalError') && !isClusterUnavailable(error));
}

/**
 * A hub refusal's code and parameters ("… HubException: MarkOffStep {"step":"0.5"}: …" →
 * { code: 'MarkOffStep', params: { step: '0.5' } }); null when the error carries no code.
 */
export function hubRefusal(error) {
  const message = String(error?.message ?? error);
  const i = message.indexOf('HubException:');
  if (i < 0) return null;
  const rest = message.slice(i + 'HubException:'.length).trim();
  const match = /^([A-Z][A-Za-z]*)(?: (\{[^}]*\}))?/.exec(rest);
  if (!match) return null;
  let params = {};
  try { params = match[2] ? JSON.parse(match[2]) : {}; } catch { params = {}; }
  return { code: match[1], params };
}

/** The server refused the token (401) or what it allows (403): retrying cannot help; sign in again. */
function isUnauthorized(error) {
  return error?.statusCode === 401 || error?.statusCode === 403 || /\b40[13]\b|Unauthorized|Forbidden/.test(String(error?.message ?? error));
}

export class LiveConnection {
  /**
   * @param {object} o
   * @param {string} o.url hub URL
   * @param {() => string} [o.accessTokenFactory]
   * @param {HTMLElement} [o.indicator] element to show the state in (role=status)
   * @param {(reconnected: boolean) => Promise<void>} [o.onReady] resync after each (re)connect; retried while it throws
   * @param {() => void} [o.onUnauthorized] the server refused the token: stop and sign in again
   * @param {(state: string) => void} [o.onState]
   */
  constructor({ url, accessTokenFactory, indicator, onReady, onUnauthorized, onState }) {
    this.url = url;
    this.indicator = indicator;
    this.onReady = onReady ?? (async () => {});
    this.onUnauthorized = onUnauthorized;
    this.onStateChange = onState;
    this.state = 'connecting';
    this.everConnected = false;
    this.stopped = false;
    this.offline = navigator.onLine === false;
    this.looping = false;
    this.stopping = Promise.resolve();

    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(url, accessTokenFactory ? { accessTokenFactory } : {})
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: context =>
          this.stopped || this.offline || isUnauthorized(context.retryReason) ? null : backoff(context.previousRetryCount),
      })
      .configureLogging(signalR.LogLevel.Warning)
      .build();

    this.connection.onreconnecting(() => this.setState('reconnecting'));
    this.connection.onreconnected(() => this.ready(true));
    this.connection.onclose(error => {
      if (this.stopped) return;
      if (isUnauthorized(error)) { this.unauthorized(); return; }
      this.setState(this.offline ? 'offline' : 'reconnecting');
      if (!this.offline) this.loop();
    });

    window.addEventListener('offline', () => this.goOffline());
    window.addEventListener('online', () => this.goOnline());
    onLangChange(() => this.render());
    this.render();
  }

  on(method, handler) {
    this.connection.on(method, handler);
    return this;
  }

  get connected() {
    return this.connection.state === signalR.HubConnectionState.Connected && this.state === 'connected';
  }

  invoke(method, ...args) {
    return this.connection.invoke(method, ...args);
  }

  start() {
    this.stopped = false;
    if (this.offline) { this.setState('offline'); return; }
    this.loop();
  }

  async stop() {
    this.stopped = true;
    await this.connection.stop();
  }

  goOffline() {
    this.offline = true;
    this.setState('offline');
    this.stopping = this.connection.stop().catch(() => {});
  }

  goOnline() {
    this.offline = false;
    if (!this.stopped) this.loop();
  }

  async loop() {
    if (this.looping) return;
    this.looping = true;
    try {
      await this.stopping;
      let attempt = 0;
      while (!this.stopped && !this.offline && this.connection.state === signalR.HubConnectionState.Disconnected) {
        this.setState(attempt === 0 && !this.everConnected ? 'connecting' : attempt === 0 ? 'reconnecting' : 'retrying');
        try {
          await this.connection.start();
        } catch (error) {
          if (isUnauthorized(error)) { this.unauthorized(); return; }
          await delay(backoff(attempt++));
          continue;
        }
        await this.ready(this.everConnected);
        return;
      }
    } finally {
      this.looping = false;
    }
  }

  async ready(reconnected) {
    this.everConnected = true;
    let attempt = 0;
    // The resync must succeed before the page claims to be live; a cluster outage is retried.
    while (!this.stopped && this.connection.state === signalR.HubConnectionState.Connected) {
      try {
        await this.onReady(reconnected);
        this.setState('connected');
        return;
      } catch (error) {
        if (!isClusterUnavailable(error) && !String(error?.message ?? error).includes('connection')) console.warn('resync failed', error);
        this.setState('retrying');
        await delay(backoff(attempt++));
      }
    }
  }

  unauthorized() {
    this.stopped = true;
    this.connection.stop().catch(() => {});
    this.onUnauthorized?.();
  }

  setState(state) {
    this.state = state;
    this.render();
    this.onStateChange?.(state);
  }

  render() {
    const el = this.indicator;
    if (!el) return;
    el.dataset.state = this.state;
    el.setAttribute('title', t('conn.label'));
    const text = el.querySelector('.conn-text') ?? el;
    text.textContent = t(`conn.${this.state}`);
  }
}

/** The markup of a connection indicator: a dot and a text, announced politely. */
export function indicatorMarkup() {
  const el = document.createElement('div');
  el.className = 'conn';
  el.setAttribute('role', 'status');
  el.setAttribute('aria-live', 'polite');
  el.innerHTML = '<span class="conn-dot" aria-hidden="true"></span><span class="conn-text"></span>';
  return el;
}
