import type { ReactNode } from "react";
import { FormAlert } from "@/components/ui/form-alert";

/** A secret shown once after it is made (an API token, a webhook's signing key): no page shows it again. */
export function SecretOnce({
  secret,
  testId,
  children,
}: {
  secret: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <FormAlert tone="success">
      <p>{children}</p>
      <code data-testid={testId} className="mt-1 block break-all rounded bg-white px-2 py-1 font-mono">
        {secret}
      </code>
    </FormAlert>
  );
}
