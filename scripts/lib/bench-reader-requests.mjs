// `npm run bench`'s section on what a page asks after it loads, per reader: the header's /api/me
// and /api/me/notifications, an article's bookmark state and my-comments. A reader who is not
// signed in gets them from the server before Next.js (server/signed-out-answers.mjs); the same
// request with a cookie named like a session goes through the routes in Next.js, which is what
// every reader's request cost before. Both measured in the same run. Then an image of the home
// page (/media, from the page cache since issue 12's media entries; 400/s through Next.js before,
// measured on 2026-12-05), which every first visit asks for.
import { rawGet, wrk, wrkArgs } from "./bench-wrk.mjs";
import { step } from "./run.mjs";

const fmt = (/** @type {number} */ n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");

/**
 * @param {{ base: string }} server
 * @param {string} articlePath `/posts/<public id>`
 */
export async function readerRequests(server, articlePath) {
  const id = articlePath.split("/").pop();
  const paths = [
    "/api/me",
    "/api/me/notifications",
    `/api/bookmarks/${id}`,
    `/api/articles/${id}/my-comments`,
  ];
  const rows = [];
  for (const p of paths) {
    step("bench", `reader request ${p}`);
    const answered = await wrk(`${server.base}${p}`);
    const routed = await wrk(`${server.base}${p}`, {
      headers: ["Cookie: authjs.session-token=not-a-session"],
    });
    rows.push({ p, answered, routed });
  }
  const home = (await rawGet(`${server.base}/`)).body.toString();
  const media = /"(\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.\w+)"/.exec(home)?.[1];
  step("bench", `an image ${media}`);
  const image = media ? await wrk(`${server.base}${media}`) : null;
  console.log(
    `\nper-reader requests an article page makes after it loads, signed out (${wrkArgs}); (a) answered by the server, (a') the same through Next.js' route (a cookie named like a session)`,
  );
  console.log(
    "request                               (a) req/s  p99 ms  errors   (a') req/s  p99 ms  errors  ×req/s",
  );
  for (const { p, answered, routed } of rows)
    console.log(
      [
        p.padEnd(36),
        fmt(answered.rps, 0).padStart(11),
        fmt(answered.p99, 2).padStart(8),
        String(answered.errors).padStart(8),
        fmt(routed.rps, 0).padStart(13),
        fmt(routed.p99, 2).padStart(8),
        String(routed.errors).padStart(8),
        fmt(answered.rps / routed.rps, 0).padStart(8),
      ].join(""),
    );
  console.log(
    image
      ? `an image of the home page (${media}): ${fmt(image.rps, 0)} req/s, p99 ${fmt(image.p99, 2)} ms, ${image.errors} errors`
      : "no image on the home page",
  );
}
