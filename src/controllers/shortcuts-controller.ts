import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A key combination as a host writes it: modifiers, then one key, joined by "+", such as
 * `"Alt+Shift+O"`. Modifiers: `Alt` (also `Option`), `Shift`, `Ctrl` (also `Control`),
 * `Meta` (also `Cmd`). The key: a letter, a digit, or a `KeyboardEvent.code` (`ArrowDown`,
 * `PageUp`, `Slash`, `KeyO`).
 */
export type KeyCombo = string;

/** One action's key combination, or `false`/`null` for no shortcut. */
export type ShortcutBinding = KeyCombo | false | null;

/** A key combination read: the physical key (`event.code`) and the modifiers that must be down. */
export interface ParsedKeyCombo {
  code: string;
  alt: boolean;
  shift: boolean;
  ctrl: boolean;
  meta: boolean;
}

/** An action and the key combination in force for it. */
export interface ShortcutBindingInForce<A extends string> {
  action: A;
  combo: ParsedKeyCombo;
  /** As written, for `aria-keyshortcuts` and messages. */
  text: KeyCombo;
}

export interface ShortcutsOptions<A extends string> {
  /** Every action, in the order a help lists them, with its default combination. */
  defaults: Readonly<Record<A, KeyCombo>>;
  /**
   * The host's changes, read afresh at each key press: a combination per action, or
   * `false`/`null` to turn one off; `false` (or `null`) for the whole map turns them all off.
   */
  overrides?: () => Partial<Record<A, ShortcutBinding>> | false | null | undefined;
  /** Does what the action does. */
  run: (action: A, event: KeyboardEvent) => void;
  /** Whether this key press may run the action at all (default: always). */
  accepts?: (event: KeyboardEvent, action: A) => boolean;
  /** Where wrong or clashing combinations are reported; default `console`. */
  logger?: Pick<Console, 'warn'>;
}

const MODIFIERS: Record<string, keyof Omit<ParsedKeyCombo, 'code'>> = {
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
  ctrl: 'ctrl',
  control: 'ctrl',
  meta: 'meta',
  cmd: 'meta',
  command: 'meta',
};

/** Combinations read before: the same few strings are read on every render and key press. */
const parsedCombos = new Map<string, ParsedKeyCombo | undefined>();

/** Reads a combination such as `"Alt+Shift+O"`; `undefined` when it names no single key. */
export function parseKeyCombo(text: KeyCombo): ParsedKeyCombo | undefined {
  if (parsedCombos.has(text)) return parsedCombos.get(text);
  const combo = readKeyCombo(text);
  const kept = combo && Object.freeze(combo);
  if (parsedCombos.size < 200) parsedCombos.set(text, kept);
  return kept;
}

function readKeyCombo(text: KeyCombo): ParsedKeyCombo | undefined {
  const parts = text.split('+').map((part) => part.trim());
  const key = parts.pop();
  if (!key) return undefined;
  const combo: ParsedKeyCombo = { code: '', alt: false, shift: false, ctrl: false, meta: false };
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (!modifier || combo[modifier]) return undefined;
    combo[modifier] = true;
  }
  if (/^[a-z]$/i.test(key)) combo.code = `Key${key.toUpperCase()}`;
  else if (/^[0-9]$/.test(key)) combo.code = `Digit${key}`;
  else if (/^[A-Z][A-Za-z0-9]+$/.test(key)) combo.code = key;
  else return undefined;
  return combo;
}

/**
 * Whether a key press is the combination. The key is matched by position (`event.code`),
 * as `event.key` changes with the layout and with Alt or Option held (AZERTY, Canadian
 * Multilingual, macOS); the modifiers match exactly, so AltGr (Ctrl+Alt on Windows), which
 * types characters on many layouts, never matches an Alt+Shift combination.
 */
export function matchesKeyCombo(event: KeyboardEvent, combo: ParsedKeyCombo): boolean {
  return (
    event.code === combo.code &&
    event.altKey === combo.alt &&
    event.shiftKey === combo.shift &&
    event.ctrlKey === combo.ctrl &&
    event.metaKey === combo.meta
  );
}

/** A key press that belongs to an input method composing text (`keyCode` 229 while it starts). */
export function isComposing(event: KeyboardEvent): boolean {
  return event.isComposing || event.keyCode === 229;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Keyboard shortcuts for the element and everything inside it, shadow roots included:
 * a key press whose combination is bound to an action runs it, and goes no further. Keys
 * pressed while an input method composes, held-down repeats, and presses another handler
 * already took (`defaultPrevented`) are left alone; so is the page outside the host.
 *
 * The host's `overrides` change combinations or turn actions off; a combination that
 * cannot be read, or that a previous action already has, is reported once and ignored.
 *
 * ```ts
 * new ShortcutsController(this, {
 *   defaults: { save: 'Alt+Shift+S', help: 'Alt+Shift+H' },
 *   overrides: () => this.shortcuts,
 *   run: (action) => this.actions[action](),
 * });
 * ```
 */
export class ShortcutsController<A extends string> implements ReactiveController {
  private readonly logger: Pick<Console, 'warn'>;
  private readonly reported = new Set<string>();

  constructor(
    private readonly host: Host,
    private readonly options: ShortcutsOptions<A>,
  ) {
    this.logger = options.logger ?? console;
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeydown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeydown);
  }

  /**
   * The shortcuts in force, in the order of `defaults`: for a help overlay or
   * `aria-keyshortcuts`. Read afresh each time (a handful of short strings), so a host may
   * change its map in place.
   */
  get bindings(): readonly ShortcutBindingInForce<A>[] {
    return this.resolve(this.options.overrides?.());
  }

  /** The combination in force for an action, as written; `undefined` when it has none. */
  comboFor(action: A): KeyCombo | undefined {
    return this.bindings.find((binding) => binding.action === action)?.text;
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.repeat || isComposing(event)) return;
    // A lone modifier is never a shortcut: no need to look further.
    if (/^(Alt|Shift|Control|Meta)/.test(event.code)) return;
    const binding = this.bindings.find((candidate) => matchesKeyCombo(event, candidate.combo));
    if (!binding) return;
    if (this.options.accepts && !this.options.accepts(event, binding.action)) return;
    // Taken: no character typed (Option+Shift+letter types one on macOS), no page handler.
    event.preventDefault();
    this.options.run(binding.action, event);
  };

  private resolve(overrides: Partial<Record<A, ShortcutBinding>> | false | null | undefined): ShortcutBindingInForce<A>[] {
    if (overrides === false || overrides === null) return [];
    const inForce: ShortcutBindingInForce<A>[] = [];
    for (const action of Object.keys(this.options.defaults) as A[]) {
      const chosen = overrides && Object.hasOwn(overrides, action) ? overrides[action] : this.options.defaults[action];
      if (chosen === false || chosen === null || chosen === undefined) continue;
      const combo = typeof chosen === 'string' ? parseKeyCombo(chosen) : undefined;
      if (!combo || typeof chosen !== 'string') {
        this.warnOnce(`Shortcut for ${action} ignored: "${String(chosen)}" is not a key combination such as "Alt+Shift+O".`);
        continue;
      }
      const taken = inForce.find((binding) => sameCombo(binding.combo, combo));
      if (taken) {
        this.warnOnce(`Shortcut for ${action} ignored: ${chosen} is already the shortcut for ${taken.action}.`);
        continue;
      }
      inForce.push({ action, combo, text: chosen });
    }
    return inForce;
  }

  private warnOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.logger.warn(message);
  }
}

function sameCombo(a: ParsedKeyCombo, b: ParsedKeyCombo): boolean {
  return a.code === b.code && a.alt === b.alt && a.shift === b.shift && a.ctrl === b.ctrl && a.meta === b.meta;
}
