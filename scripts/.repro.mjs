import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
const msgs = [];
page.on("console", (m) => msgs.push(m.type() + ": " + m.text().slice(0, 300)));
await page.goto("http://localhost:3000/login");
await page.getByLabel("邮箱").fill(process.argv[2]);
await page.getByLabel("密码", { exact: true }).fill("Demo-Press-2026!");
await page.getByRole("button", { name: "登录", exact: true }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
for (const path of process.argv.slice(3)) {
  msgs.length = 0;
  const res = await page.goto("http://localhost:3000" + path);
  await page.waitForLoadState("networkidle");
  const h1 = await page.locator("h1").first().textContent().catch(() => null);
  console.log(path, res.status(), "h1:", h1);
  for (const m of msgs.filter((m) => !m.includes("preload"))) console.log("   ", m);
  if (process.env.SAVE) require("fs").writeFileSync("/tmp/resp.html", await res.text());
}
await browser.close();
