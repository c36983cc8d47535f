#!/usr/bin/env node
// npm run bench:weight -- <url> [<url> …]: where a page's HTML bytes go. Prints the document's
// size, split into the React flight data (the inline `self.__next_f.push` scripts, as sent and
// decoded), other inline scripts (JSON-LD), and the markup; then the flight's largest rows and the
// bytes spent on class names. Measures, asserts nothing (issue 12: article HTML under 60 KB).
import { JOIN_SEPARATOR } from "../server/page-cache-policy.mjs";

const urls = process.argv.slice(2).filter((a) => !a.startsWith("-"));
if (urls.length === 0) {
  console.error("usage: npm run bench:weight -- <url> [<url> …]");
  process.exit(2);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const bytes = (s) => Buffer.byteLength(s, "utf8");

for (const url of urls) {
  const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
  let flightSent = 0;
  let otherScripts = 0;
  const chunks = [];
  for (const m of scripts) {
    // a run of scripts the page cache stored as one is joined by "\n;" (joinInlineScripts)
    const pieces = m[1].split(JOIN_SEPARATOR);
    for (const [i, piece] of pieces.entries()) {
      const push = /^self\.__next_f\.push\((\[[\s\S]*\])\)$/.exec(piece);
      // the tag itself is counted with the first piece
      const size = bytes(piece) + (i === 0 ? bytes(m[0]) - bytes(m[1]) : 2);
      if (push) {
        flightSent += size;
        // [1, text], or [3, base64] for a chunk that is not valid UTF-8 on its own (Next.js splits
        // the stream where it likes): the bytes are joined first, then decoded once
        const [kind, data] = JSON.parse(push[1]);
        if (kind === 1) chunks.push(Buffer.from(data, "utf8"));
        else if (kind === 3) chunks.push(Buffer.from(data, "base64"));
      } else otherScripts += size;
    }
  }
  const flight = Buffer.concat(chunks).toString("utf8");
  const markup = bytes(html) - flightSent - otherScripts;
  const classAttrs = [...html.replace(/<script\b[\s\S]*?<\/script>/g, "").matchAll(/ class="([^"]*)"/g)];
  const classFlight = [...flight.matchAll(/"className":"([^"]*)"/g)];
  console.log(`\n${url}: HTTP ${res.status}, ${kb(bytes(html))} of HTML`);
  console.log(
    `  flight scripts ${kb(flightSent)} (${kb(bytes(flight))} decoded), other scripts ${kb(otherScripts)}, markup ${kb(markup)}`,
  );
  console.log(
    `  class names: markup ${kb(classAttrs.reduce((n, m) => n + bytes(m[0]), 0))} in ${classAttrs.length} attributes, flight ${kb(classFlight.reduce((n, m) => n + bytes(m[0]), 0))} in ${classFlight.length}`,
  );
  // rows: "<id>:<payload>\n" (text rows "<id>:T<hex len>,<text>" carry no newline of their own)
  const rows = [];
  let rest = flight;
  while (rest.length > 0) {
    const head = /^([0-9a-f]*):(T([0-9a-f]+),)?/.exec(rest);
    if (!head) {
      console.log(
        `  (rows past ${bytes(flight) - bytes(rest)} bytes not read: ${JSON.stringify(rest.slice(0, 40))})`,
      );
      break;
    }
    if (head[2]) {
      const len = parseInt(head[3], 16);
      const body = Buffer.from(rest.slice(head[0].length), "utf8").subarray(0, len).toString("utf8");
      rows.push({ id: head[1], size: bytes(head[0]) + len, text: `T ${body.slice(0, 80)}` });
      rest = rest.slice(head[0].length + body.length);
    } else {
      const end = rest.indexOf("\n");
      const line = end === -1 ? rest : rest.slice(0, end + 1);
      rows.push({ id: head[1], size: bytes(line), text: line.slice(head[0].length, head[0].length + 80) });
      rest = rest.slice(line.length);
    }
  }
  rows.sort((a, b) => b.size - a.size);
  console.log(`  ${rows.length} flight rows; the largest:`);
  for (const r of rows.slice(0, Number(process.env.ROWS ?? 12)))
    console.log(`    ${r.id.padStart(3)} ${kb(r.size).padStart(8)}  ${r.text.replace(/\s+/g, " ")}`);
}
