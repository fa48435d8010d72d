/** One direction of the run, counted message by message. */
export interface SideFigures {
  /** Messages the sender had confirmed (or still holds on its way). */
  sent: number;
  /** Of those, the ones found at the receiving end. */
  delivered: number;
  lost: number;
  /** Extra copies at the receiving end. */
  duplicated: number;
  /** Messages found before one that was sent earlier. */
  outOfOrder: number;
}

export const emptySide = (): SideFigures => ({ sent: 0, delivered: 0, lost: 0, duplicated: 0, outOfOrder: 0 });

/**
 * Holds what arrived against what was sent, in the sender's order: each sent text must be
 * there exactly once, and in the order sent. Texts are unique in a run.
 */
export function tally(sent: readonly string[], arrived: readonly string[]): SideFigures {
  const positions = new Map<string, number[]>();
  arrived.forEach((text, index) => {
    const list = positions.get(text);
    if (list) list.push(index);
    else positions.set(text, [index]);
  });
  const figures = emptySide();
  figures.sent = sent.length;
  let previous = -1;
  for (const text of sent) {
    const found = positions.get(text);
    if (!found) {
      figures.lost += 1;
      continue;
    }
    figures.delivered += 1;
    figures.duplicated += found.length - 1;
    const first = found[0] ?? 0;
    if (first < previous) figures.outOfOrder += 1;
    previous = Math.max(previous, first);
  }
  return figures;
}

export function addSides(total: SideFigures, part: SideFigures): void {
  total.sent += part.sent;
  total.delivered += part.delivered;
  total.lost += part.lost;
  total.duplicated += part.duplicated;
  total.outOfOrder += part.outOfOrder;
}

/** The p-th percentile (0..100) of `values`, nearest rank; `undefined` for none. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}
