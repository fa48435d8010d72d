/** What a row is taken to measure before it was ever rendered, until some were. */
const FIRST_ESTIMATE_PX = 56;
/** How many rows measured make the estimate for the others. */
const ESTIMATE_SAMPLE = 24;

/**
 * The heights of a transcript's rows: measured where a row was rendered, estimated
 * elsewhere (the mean of the first ones measured). Offsets and the row at an offset cost
 * O(log n), with two Fenwick trees over the rows (the measured heights, and which rows
 * are measured), so a transcript of 100,000 messages scrolls and grows as fast as one
 * of 100. Rows are told apart by entry id: a height stays with its row when rows come
 * before it.
 */
export class RowHeights {
  private ids: string[] = [];
  private readonly measured = new Map<string, number>();
  /** 1-based Fenwick trees: `sums` of measured heights, `counts` of measured rows. */
  private sums = new Float64Array(64);
  private counts = new Float64Array(64);
  private measuredTotal = 0;
  private settledEstimate?: number;

  get length(): number {
    return this.ids.length;
  }

  /**
   * The height a row is given until it is measured: the mean of the first rows measured,
   * then kept. A mean that followed every measurement would move every row not yet
   * measured at once (a few pixels times thousands of rows), and the agent's place with them.
   */
  get estimate(): number {
    if (this.settledEstimate !== undefined) return this.settledEstimate;
    if (this.measured.size === 0) return FIRST_ESTIMATE_PX;
    const mean = this.measuredTotal / this.measured.size;
    if (this.measured.size >= ESTIMATE_SAMPLE) this.settledEstimate = mean;
    return mean;
  }

  /**
   * Takes the transcript's rows, by id. Rows added at the end cost O(log n) each; any
   * other change (rows inserted or removed before the end) builds the trees again.
   */
  sync(rows: readonly { id: string }[]): void {
    const known = this.ids.length;
    const grew =
      rows.length >= known && (known === 0 || (rows[0]?.id === this.ids[0] && rows[known - 1]?.id === this.ids[known - 1]));
    if (!grew) {
      this.ids = [];
      this.sums = new Float64Array(Math.max(64, rows.length + 1));
      this.counts = new Float64Array(this.sums.length);
    }
    for (let index = this.ids.length; index < rows.length; index++) this.append(rows[index]?.id ?? '');
  }

  /** Records a rendered row's height; answers whether it changed. */
  measure(index: number, id: string, height: number): boolean {
    if (this.ids[index] !== id) return false;
    const before = this.measured.get(id);
    if (before === height) return false;
    this.measured.set(id, height);
    this.measuredTotal += height - (before ?? 0);
    this.add(index + 1, height - (before ?? 0), before === undefined ? 1 : 0);
    return true;
  }

  /** The height of rows `0` to `index - 1`: where row `index` starts. */
  offsetOf(index: number): number {
    let sum = 0;
    let count = 0;
    for (let node = Math.min(index, this.ids.length); node > 0; node -= node & -node) {
      sum += this.sums[node] ?? 0;
      count += this.counts[node] ?? 0;
    }
    return sum + (Math.min(index, this.ids.length) - count) * this.estimate;
  }

  /** The height of every row. */
  get total(): number {
    return this.offsetOf(this.ids.length);
  }

  /** The row at `offset` from the top (the last row past the end, 0 before the start). */
  indexAt(offset: number): number {
    const estimate = this.estimate;
    let position = 0;
    let left = offset;
    for (let step = highestPowerOfTwo(this.ids.length); step > 0; step >>= 1) {
      const node = position + step;
      if (node > this.ids.length) continue;
      const height = (this.sums[node] ?? 0) + (step - (this.counts[node] ?? 0)) * estimate;
      if (height <= left) {
        position = node;
        left -= height;
      }
    }
    return Math.min(position, Math.max(0, this.ids.length - 1));
  }

  private append(id: string): void {
    const node = this.ids.length + 1;
    this.ids.push(id);
    if (node >= this.sums.length) this.grow();
    const height = this.measured.get(id);
    // A new node covers (node - lowbit, node]: its own value plus the nodes it spans.
    let sum = height ?? 0;
    let count = height === undefined ? 0 : 1;
    for (let child = node - 1, stop = node - (node & -node); child > stop; child -= child & -child) {
      sum += this.sums[child] ?? 0;
      count += this.counts[child] ?? 0;
    }
    this.sums[node] = sum;
    this.counts[node] = count;
  }

  private add(node: number, height: number, count: number): void {
    for (; node <= this.ids.length; node += node & -node) {
      this.sums[node] = (this.sums[node] ?? 0) + height;
      this.counts[node] = (this.counts[node] ?? 0) + count;
    }
  }

  private grow(): void {
    const sums = new Float64Array(this.sums.length * 2);
    const counts = new Float64Array(this.sums.length * 2);
    sums.set(this.sums);
    counts.set(this.counts);
    this.sums = sums;
    this.counts = counts;
  }
}

function highestPowerOfTwo(value: number): number {
  let power = 1;
  while (power * 2 <= value) power *= 2;
  return value === 0 ? 0 : power;
}
