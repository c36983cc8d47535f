import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React runs the page. Forms whose
 * submit is handled in JavaScript (`submitKeepingValues`, useActionState) disable their submit
 * button until then: clicked earlier, the browser would submit the form natively, reload the page
 * and drop what was typed (or put it in the URL). Seen in e2e on a busy machine, where a click can
 * land before hydration.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
