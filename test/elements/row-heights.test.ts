import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { RowHeights } from '../../src/elements/chat-conversation/row-heights.js';

/**
 * The transcript's row heights: offsets and the row at an offset, from Fenwick trees,
 * must be what adding the heights up one by one gives, whatever rows come, are measured
 * or change.
 */

type Change = { kind: 'append'; count: number } | { kind: 'measure'; pick: number; height: number } | { kind: 'reorder' };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((count): Change => ({ kind: 'append', count })),
  fc.record({ pick: fc.nat(), height: fc.integer({ min: 20, max: 400 }) }).map(({ pick, height }): Change => ({ kind: 'measure', pick, height })),
  fc.constant<Change>({ kind: 'reorder' }),
);

describe('RowHeights', () => {
  it('gives the offsets and the row at an offset that a plain sum gives', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), fc.nat(), (changes, probe) => {
        const heights = new RowHeights();
        let rows: { id: string }[] = [];
        const measured = new Map<string, number>();
        let next = 0;
        for (const step of changes) {
          if (step.kind === 'append') rows = [...rows, ...Array.from({ length: step.count }, () => ({ id: `r${next++}` }))];
          else if (step.kind === 'reorder') rows = [{ id: `r${next++}` }, ...rows];
          else if (rows.length > 0) {
            const index = step.pick % rows.length;
            heights.sync(rows);
            heights.measure(index, rows[index]!.id, step.height);
            measured.set(rows[index]!.id, step.height);
          }
          heights.sync(rows);
        }
        const estimate = heights.estimate;
        const heightOf = (row: { id: string }) => measured.get(row.id) ?? estimate;
        let sum = 0;
        rows.forEach((row, index) => {
          expect(heights.offsetOf(index)).to.be.closeTo(sum, 1e-6);
          sum += heightOf(row);
        });
        expect(heights.total).to.be.closeTo(sum, 1e-6);
        if (rows.length === 0) return;
        const offset = probe % Math.ceil(sum + 50);
        const index = heights.indexAt(offset);
        const start = heights.offsetOf(index);
        // (Within a rounding error: an estimate such as 197.33… px does not add up exactly.)
        const inside = offset >= start - 1e-6 && (offset < start + heightOf(rows[index]!) + 1e-6 || index === rows.length - 1);
        expect(inside, `row ${index} holds offset ${offset}`).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a measured row its height back after rows came before it', () => {
    const heights = new RowHeights();
    const rows = Array.from({ length: 1000 }, (_, index) => ({ id: `r${index}` }));
    heights.sync(rows);
    heights.measure(500, 'r500', 300);
    heights.sync([{ id: 'earlier' }, ...rows]);
    expect(heights.offsetOf(502) - heights.offsetOf(501)).to.equal(300);
  });
});
