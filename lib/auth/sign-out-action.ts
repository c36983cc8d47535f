"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { secureFormAction } from "@/lib/security/action";
import { signOut } from "./index";
import { safeNextPath } from "./safe-next-path";

const signOutInput = z.strictObject({ next: z.string().max(2048).optional() });

const signOutSecured = secureFormAction({ name: "auth.signOut", input: signOutInput, auth: "optional" }, async ({ next }) => {
  await signOut({ redirect: false });
  redirect(safeNextPath(next));
});

/**
 * Sign out, for a client menu: `<form action={signOutAction}><button>退出登录</button></form>`,
 * optionally with a hidden `next` field. It goes through the secure wrapper like every action:
 * a POST whose Origin is not ours (a form on another site) is refused and signs nobody out.
 */
export async function signOutAction(formData?: FormData): Promise<void> {
  const result = await signOutSecured(undefined, formData ?? new FormData());
  // only a refusal gets here (success redirects); there is nothing to show in a menu
  if (!result.ok) redirect("/");
}
