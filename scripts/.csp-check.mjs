import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
const msgs = [];
page.on("console", (m) => msgs.push(m.type() + ": " + m.text().slice(0, 200)));
page.on("pageerror", (e) => msgs.push("pageerror: " + e.message.slice(0, 200)));
for (const path of process.argv.slice(2)) {
  msgs.length = 0;
  await page.goto("http://localhost:3000" + path, { waitUntil: "networkidle" });
  const hydrated = await page.evaluate(() => Boolean(window.next) || typeof window.__next_f !== "undefined");
  console.log(path, "violations:", msgs.filter((m) => /Content Security Policy|Refused/.test(m)).length, "hydrated:", hydrated);
  for (const m of msgs.slice(0, 4)) console.log("   ", m);
}
await browser.close();
