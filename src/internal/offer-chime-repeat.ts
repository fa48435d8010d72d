import { EMPTY, distinctUntilChanged, filter, map, switchMap, type Observable } from 'rxjs';
import type { Offer } from '../session/state.js';

/** The shortest time between two chimes: the chime itself lasts half a second. */
export const MIN_CHIME_REPEAT_MS = 2000;

/**
 * When to play the offer chime again: each time `everyMs` of clock time has passed while
 * an offer waits for its answer. One loop for every offer: a new offer starts it over (its
 * own chime has just played), the last answer, withdrawal or expiry stops it. Time is read
 * from the clock's values, not counted in ticks, so a throttled background tab never
 * stretches it. `everyMs` of 0 (or less) never repeats.
 */
export function offerChimeRepeats(
  offers$: Observable<readonly Offer[]>,
  clock$: Observable<number>,
  everyMs: number,
): Observable<number> {
  if (!(everyMs > 0)) return EMPTY;
  const every = Math.max(everyMs, MIN_CHIME_REPEAT_MS);
  return offers$.pipe(
    map((offers) =>
      offers
        .filter((offer) => offer.status === 'pending')
        .map((offer) => offer.chatId)
        .join('\n'),
    ),
    distinctUntilChanged(),
    switchMap((waiting) => {
      if (waiting === '') return EMPTY;
      let lastChime: number | undefined;
      return clock$.pipe(
        filter((now) => {
          lastChime ??= now;
          if (now - lastChime < every) return false;
          lastChime = now;
          return true;
        }),
      );
    }),
  );
}
