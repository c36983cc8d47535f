import { connection } from "next/server";
import { getCurrentUserSummary } from "@/lib/auth/session";

/**
 * Who is signed in, for the public header. Public pages stay cacheable because they never read
 * the session themselves: the header fetches this client-side. Never cached anywhere.
 */
export async function GET() {
  await connection();
  const user = await getCurrentUserSummary();
  return Response.json({ user }, { headers: { "Cache-Control": "no-store", Vary: "Cookie" } });
}
