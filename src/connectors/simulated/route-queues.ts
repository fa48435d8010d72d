import { routeKey, type Route } from './routing.js';

/** The waiting lines of the platform: one per route (a skill, an agent, a team), first come first served. */
export class RouteQueues {
  private readonly queues = new Map<string, { route: Route; ids: string[] }>();

  /** A new chat waits behind the others. */
  append(route: Route, chatId: string): void {
    this.lineOf(route).push(chatId);
  }

  /** A chat that waited already (re-queued, transferred) goes first. */
  prepend(route: Route, chatId: string): void {
    this.lineOf(route).unshift(chatId);
  }

  remove(route: Route, chatId: string): void {
    const line = this.lineOf(route);
    const index = line.indexOf(chatId);
    if (index >= 0) line.splice(index, 1);
  }

  /** A copy of a route's line, next first. */
  ids(route: Route): string[] {
    return [...(this.queues.get(routeKey(route))?.ids ?? [])];
  }

  /** Every line with its route, in the order the routes first appeared; the arrays are live. */
  lines(): IterableIterator<{ route: Route; ids: string[] }> {
    return this.queues.values();
  }

  private lineOf(route: Route): string[] {
    const key = routeKey(route);
    let queue = this.queues.get(key);
    if (!queue) this.queues.set(key, (queue = { route, ids: [] }));
    return queue.ids;
  }
}
