// @ts-check
// While PostgreSQL cannot be reached (restarting, failed over, the network between), requests
// that would need it are answered at once with a 503 and a zh-CN message instead of each one
// rendering an error page (a 200 once a streamed page has begun) or waiting on the pool. Pages in
// the page cache are sent before this gate and keep being served. docs/request-path.md.
//
// The app reports a connection-level database failure (lib/db/availability.ts: a request error
// Next.js reports, or an UNAVAILABLE AppError); the gate then probes on a connection of its own and
// closes only if the probe fails too, so a pool exhausted by load (also "unavailable") does not
// close it. While closed it probes every `intervalMs` and opens on the first success: the app
// recovers without a restart, its pool reconnecting on the next query.

/**
 * @typedef {{
 *   probe: () => Promise<void>,
 *   intervalMs?: number,
 *   probeTimeoutMs?: number,
 *   log?: (msg: string) => void,
 *   onChange?: (up: boolean) => void,
 * }} GateOptions
 *   probe: resolves when PostgreSQL answered (an error answer counts: it is there), rejects when
 *   it could not be reached; one that settles in neither within probeTimeoutMs counts as unreachable
 */

/** @param {GateOptions} options */
export function createDatabaseGate({
  probe,
  intervalMs = 1_000,
  probeTimeoutMs = 3_000,
  log = () => {},
  onChange = () => {},
}) {
  let down = false;
  let since = 0;
  /** @type {Promise<void> | null} */
  let probing = null;
  /** @type {ReturnType<typeof setTimeout> | null} */
  let timer = null;
  let closed = false;

  /**
   * Whether the database answered. A probe that hangs (a server that accepts and then says
   * nothing) must not hold the gate in its state for good: it counts as a failure after
   * probeTimeoutMs, and the next probe starts on schedule.
   * @returns {Promise<boolean>}
   */
  const tryProbe = () => {
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve(false), probeTimeoutMs);
      timer.unref?.();
    });
    return Promise.race([
      probe().then(
        () => true,
        () => false,
      ),
      timeout,
    ]).finally(() => clearTimeout(timer));
  };

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      check();
    }, intervalMs);
    timer.unref?.();
  };

  /** One probe at a time; its result opens or closes the gate. */
  function check() {
    probing ??= tryProbe().then((ok) => {
      probing = null;
      if (ok && down) {
        down = false;
        log(`database: reachable again after ${Math.round((Date.now() - since) / 1000)} s`);
        onChange(true);
      } else if (!ok && !down) {
        down = true;
        since = Date.now();
        log("database: unreachable; requests that need it get 503 until a probe succeeds");
        onChange(false);
      }
      if (down) schedule();
    });
    return probing;
  }

  return {
    /** The app saw a connection-level failure: find out whether the database is really gone. */
    reportUnavailable() {
      if (!closed && !down) void check();
    },
    isDown: () => down,
    /** for tests: resolves when the probe under way (if any) has decided */
    settled: () => probing ?? Promise.resolve(),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * What the gate never holds back: what needs no database (build assets and image optimisation,
 * uploaded media from the media store, robots.txt, the favicon: cached pages keep their images) and
 * the checks that report the database's state themselves.
 */
const PASSES =
  /^\/(?:_next\/|media\/|robots\.txt(?:\?|$)|favicon\.ico(?:\?|$)|api\/health(?:[/?]|$)|api\/ready(?:[/?]|$))/;

/** @param {string} url */
export const passesDatabaseGate = (url) => PASSES.test(url);

export const DATABASE_DOWN_MESSAGE = "数据库暂时无法连接，网站正在恢复中，请稍后刷新重试。";
export const DATABASE_DOWN_RETRY_SECONDS = 5;
