/** How many colours the contact palette has: `--cw-contact-color-1` to `--cw-contact-color-12`. */
export const CONTACT_PALETTE_SIZE = 12;

/**
 * The palette entry (1 to `CONTACT_PALETTE_SIZE`) of a contact: a hash of the name, so a
 * contact keeps its colour across tabs, sessions and reloads.
 */
export function contactColorIndex(name: string): number {
  // FNV-1a (32 bit): tiny, stable everywhere, and it spreads similar names apart.
  let hash = 0x811c9dc5;
  for (const char of name.normalize('NFC').trim()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) % CONTACT_PALETTE_SIZE) + 1;
}
