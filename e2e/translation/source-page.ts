/**
 * A short English security story written for the e2e translation flow: a heading, four
 * paragraphs (one with a CVE ID and a CVSS score, one that the flow's translation-memory entry
 * nearly matches) and a code block that is carried over untranslated.
 */
export const E2E_SOURCE_PAGE_NAME = "e2e-gateway-flaw";

export const MEMORY_SOURCE = "The vendor released patches and urged customers to update their gateways now.";
export const MEMORY_TARGET = "厂商已发布补丁，并敦促客户立即更新网关。";

export const E2E_SOURCE_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Critical flaw in Tidewater gateways exploited | Harbor Security Wire</title>
  <meta property="og:site_name" content="Harbor Security Wire">
  <meta name="author" content="Mara Lindqvist">
  <meta property="article:published_time" content="2026-11-28T09:30:00Z">
</head>
<body>
  <header><nav><a href="/">Home</a> · <a href="/news">News</a></nav></header>
  <main>
    <article>
      <h1>Critical flaw in Tidewater gateways exploited</h1>
      <p class="byline">By Mara Lindqvist</p>
      <p>Attackers are exploiting CVE-2026-50123, a remote code execution flaw in Tidewater gateways with a CVSS score of 9.8, according to a warning published on Friday by the national CERT.</p>
      <h2>What administrators should do</h2>
      <p>The vendor released patches and urged customers to update all of their gateways now.</p>
      <p>Administrators who cannot patch should block the management interface from the internet and review the logs for unknown accounts created since November 20.</p>
      <pre><code>grep "POST /admin/users" /var/log/tidewater/access.log</code></pre>
      <p>The CERT said that more than 1,200 exposed devices were still unpatched on Sunday.</p>
    </article>
  </main>
  <footer><p>© Harbor Security Wire</p></footer>
</body>
</html>`;
