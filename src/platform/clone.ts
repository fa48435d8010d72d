/** A deep copy of plain data (what the platform stores and sends is JSON by design). */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
