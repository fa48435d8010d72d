import { BehaviorSubject, distinctUntilChanged, map, type Observable, type SchedulerLike } from 'rxjs';
import { reduce, type SessionAction } from './reducer.js';
import type { WorkspaceState } from './state.js';

/**
 * The session's one immutable state, changed only through the reducer, with the clock
 * that stamps every action. `ChatSession` and its collaborators share one store, so
 * none of them keeps its own copy of the state.
 */
export class SessionStore {
  readonly state$: Observable<WorkspaceState>;
  private readonly subject: BehaviorSubject<WorkspaceState>;

  constructor(
    initial: WorkspaceState,
    private readonly scheduler: SchedulerLike,
  ) {
    this.subject = new BehaviorSubject(initial);
    this.state$ = this.subject.asObservable();
  }

  get state(): WorkspaceState {
    return this.subject.value;
  }

  /** The session clock's time, in epoch milliseconds. */
  get now(): number {
    return this.scheduler.now();
  }

  dispatch(action: SessionAction): void {
    this.subject.next(reduce(this.subject.value, action));
  }

  /** A slice of the state that emits only when it changes (by identity, or by `equal`). */
  select<T>(selector: (state: WorkspaceState) => T, equal?: (previous: T, next: T) => boolean): Observable<T> {
    return this.subject.pipe(map(selector), distinctUntilChanged(equal));
  }
}
