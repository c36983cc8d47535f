"use server";

import { redirect } from "next/navigation";
import { signOut } from "./index";
import { safeNextPath } from "./safe-next-path";

/**
 * Sign out, for a client menu: `<form action={signOutAction}><button>退出登录</button></form>`,
 * optionally with a hidden `next` field. Server actions are POST-only and Next.js checks their
 * Origin, so a link or an image on another site cannot sign anyone out.
 */
export async function signOutAction(formData?: FormData): Promise<never> {
  await signOut({ redirect: false });
  redirect(safeNextPath(formData?.get("next")));
}
