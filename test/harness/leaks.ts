// Leak-test counters: patch EventTarget and the observer prototypes so a test can
// connect/disconnect an element many times and assert nothing stays registered.
// Only registrations made while a counter is installed are counted.

/** Live event-listener registrations, counted since {@link countListeners} was called. */
export interface ListenerCounter {
  /** Listeners added and not removed yet, over all targets. */
  readonly live: number;
  /** Live listeners on one target. */
  on(target: EventTarget): number;
  /** Live listeners per event type, over all targets; types with none are left out. */
  byType(): Record<string, number>;
  /** Puts the original `addEventListener`/`removeEventListener` back. */
  restore(): void;
}

type Listener = EventListenerOrEventListenerObject;
// Per target: "type capture" key → listener → what was really registered (a wrapper for `once`).
type Registry = Map<string, Map<Listener, Listener>>;

let listenerCounterInstalled = false;

const captureOf = (options: boolean | EventListenerOptions | undefined) =>
  typeof options === 'boolean' ? options : Boolean(options?.capture);

/**
 * Starts counting listeners by patching `EventTarget.prototype`. Follows the DOM's rules:
 * a duplicate (type, listener, capture) is one registration, `once` listeners drop out
 * after they fire, and `signal` removes on abort. Call `restore()` in `afterEach`.
 */
export function countListeners(): ListenerCounter {
  if (listenerCounterInstalled) throw new Error('countListeners: a counter is already installed; restore() it first');
  listenerCounterInstalled = true;
  const proto = EventTarget.prototype;
  const originalAdd = proto.addEventListener;
  const originalRemove = proto.removeEventListener;
  const registries = new WeakMap<EventTarget, Registry>();
  const perType = new Map<string, number>();
  let live = 0;

  const bump = (type: string, by: number) => {
    live += by;
    perType.set(type, (perType.get(type) ?? 0) + by);
  };
  const forget = (target: EventTarget, type: string, key: string, listener: Listener): Listener | undefined => {
    const byListener = registries.get(target)?.get(key);
    const registered = byListener?.get(listener);
    if (!byListener || !registered) return undefined;
    byListener.delete(listener);
    bump(type, -1);
    return registered;
  };

  proto.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: Listener | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (!listener) return originalAdd.call(this, type, listener, options);
    const opts = typeof options === 'object' ? options : undefined;
    if (opts?.signal?.aborted) return;
    const key = `${type} ${captureOf(options)}`;
    let registry = registries.get(this);
    if (!registry) registries.set(this, (registry = new Map()));
    let byListener = registry.get(key);
    if (!byListener) registry.set(key, (byListener = new Map()));
    if (byListener.has(listener)) return;
    let registered: Listener = listener;
    if (opts?.once) {
      registered = (event: Event) => {
        forget(this, type, key, listener);
        return typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
      };
    }
    byListener.set(listener, registered);
    bump(type, 1);
    originalAdd.call(this, type, registered, options);
    if (opts?.signal) originalAdd.call(opts.signal, 'abort', () => forget(this, type, key, listener), { once: true });
  };

  proto.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: Listener | null,
    options?: boolean | EventListenerOptions,
  ) {
    const registered = listener ? forget(this, type, `${type} ${captureOf(options)}`, listener) : undefined;
    originalRemove.call(this, type, registered ?? listener, options);
  };

  return {
    get live() {
      return live;
    },
    on(target) {
      let n = 0;
      for (const byListener of registries.get(target)?.values() ?? []) n += byListener.size;
      return n;
    },
    byType() {
      return Object.fromEntries([...perType].filter(([, n]) => n !== 0));
    },
    restore() {
      proto.addEventListener = originalAdd;
      proto.removeEventListener = originalRemove;
      listenerCounterInstalled = false;
    },
  };
}

/** Targets being observed, counted since {@link countObservers} was called. */
export interface ObserverCounter {
  /** Observed targets not yet unobserved or disconnected, per observer kind. */
  live(): { resize: number; mutation: number; intersection: number };
  /** Puts the original prototype methods back. */
  restore(): void;
}

type ObserverKind = 'resize' | 'mutation' | 'intersection';

/**
 * Starts counting observed targets of `ResizeObserver`, `MutationObserver` and
 * `IntersectionObserver` by patching their prototypes (so observers created before
 * the call are seen too, as long as they observe after it).
 */
export function countObservers(): ObserverCounter {
  const observed = new WeakMap<object, Set<Node>>();
  const totals: Record<ObserverKind, number> = { resize: 0, mutation: 0, intersection: 0 };
  const undo: Array<() => void> = [];

  const patch = (kind: ObserverKind, proto: { observe: unknown; disconnect: unknown; unobserve?: unknown }) => {
    type Method = (this: object, ...args: unknown[]) => unknown;
    const p = proto as { observe: Method; disconnect: Method; unobserve?: Method };
    const { observe, disconnect, unobserve } = p;
    p.observe = function (this: object, target: unknown, ...rest: unknown[]) {
      let set = observed.get(this);
      if (!set) observed.set(this, (set = new Set()));
      if (!set.has(target as Node)) {
        set.add(target as Node);
        totals[kind]++;
      }
      return observe.call(this, target, ...rest);
    };
    p.disconnect = function (this: object) {
      const set = observed.get(this);
      if (set) {
        totals[kind] -= set.size;
        set.clear();
      }
      return disconnect.call(this);
    };
    if (unobserve) {
      p.unobserve = function (this: object, target: unknown) {
        if (observed.get(this)?.delete(target as Node)) totals[kind]--;
        return unobserve.call(this, target);
      };
    }
    undo.push(() => {
      p.observe = observe;
      p.disconnect = disconnect;
      if (unobserve) p.unobserve = unobserve;
    });
  };

  patch('resize', ResizeObserver.prototype);
  patch('mutation', MutationObserver.prototype);
  patch('intersection', IntersectionObserver.prototype);
  return {
    live: () => ({ ...totals }),
    restore: () => undo.forEach((fn) => fn()),
  };
}
