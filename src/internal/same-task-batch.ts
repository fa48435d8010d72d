/**
 * Collects what arrives in one task and hands it over together, once, in a microtask:
 * several messages or offers that come in one go are read out as one announcement, not
 * as a live region overwritten before a screen reader could say the first.
 */
export class SameTaskBatch<T> {
  private items: T[] = [];

  constructor(private readonly flush: (items: T[]) => void) {}

  add(item: T): void {
    this.items.push(item);
    if (this.items.length > 1) return;
    queueMicrotask(() => {
      const items = this.items;
      this.items = [];
      this.flush(items);
    });
  }
}
