/**
 * A TCP proxy on 127.0.0.1 that a test can cut, for network failures the browser cannot
 * fake: `silent` stops forwarding both ways without closing anything (a dead link: only
 * heartbeats notice) and stalls new connections; `reset` destroys every connection with
 * RST and resets new ones (a refused link). `restore` forwards again, stalled ones included.
 */
import net from 'node:net';

export class TcpProxy {
  /** @type {'open' | 'silent' | 'reset'} */
  mode = 'open';
  /** @type {Set<{ client: net.Socket, upstream: net.Socket }>} */
  #pairs = new Set();
  /** @type {Set<net.Socket>} Connections accepted during a silent cut, not yet forwarded. */
  #stalled = new Set();
  #server;

  /** @param {number} targetPort the server's port; `retarget` changes it (a server restarted elsewhere). */
  constructor(targetPort) {
    this.targetPort = targetPort;
    this.#server = net.createServer((client) => this.#accept(client));
  }

  /** Listens on a free port and answers it. */
  listen() {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => resolve(/** @type {net.AddressInfo} */ (this.#server.address()).port));
    });
  }

  /** @param {'silent' | 'reset'} mode */
  cut(mode) {
    this.mode = mode;
    for (const pair of this.#pairs) {
      if (mode === 'reset') {
        pair.client.resetAndDestroy();
        pair.upstream.destroy();
      } else {
        pair.client.unpipe(pair.upstream);
        pair.upstream.unpipe(pair.client);
        pair.client.pause();
        pair.upstream.pause();
      }
    }
    if (mode === 'reset') for (const client of this.#stalled) client.resetAndDestroy();
  }

  restore() {
    this.mode = 'open';
    for (const pair of this.#pairs) {
      // What the peers sent meanwhile waited in the kernel's buffers, as it would on a real link.
      pair.client.pipe(pair.upstream);
      pair.upstream.pipe(pair.client);
    }
    for (const client of this.#stalled) this.#forward(client);
    this.#stalled.clear();
  }

  close() {
    for (const pair of this.#pairs) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    for (const client of this.#stalled) client.destroy();
    return new Promise((resolve) => this.#server.close(() => resolve(undefined)));
  }

  /** @param {net.Socket} client */
  #accept(client) {
    client.on('error', () => {});
    if (this.mode === 'reset') {
      client.resetAndDestroy();
    } else if (this.mode === 'silent') {
      client.pause();
      this.#stalled.add(client);
      client.on('close', () => this.#stalled.delete(client));
    } else {
      this.#forward(client);
    }
  }

  /** @param {net.Socket} client */
  #forward(client) {
    const upstream = net.connect(this.targetPort, '127.0.0.1');
    const pair = { client, upstream };
    this.#pairs.add(pair);
    upstream.on('error', () => client.destroy());
    const closed = () => {
      this.#pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', closed);
    upstream.on('close', closed);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
