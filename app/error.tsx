"use client";

import { ErrorContent } from "@/components/site/error-content";

/**
 * Errors above the route groups' own boundaries, e.g. the public layout failing to read the
 * category bar when the database is down: no chrome then, since the chrome is what failed.
 */
export default function RootError(props: { error: unknown; retry: () => void }) {
  return <ErrorContent {...props} />;
}
