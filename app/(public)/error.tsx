"use client";

import { ErrorContent } from "@/components/site/error-content";

/** Errors inside a reading-site page: shown within the site's header and footer. */
export default function PublicError(props: { error: unknown; retry: () => void }) {
  return <ErrorContent {...props} />;
}
