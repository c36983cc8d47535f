import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(process.env.SITE_URL ?? "http://localhost:3000"),
  title: { default: "署名 Byline · 网络安全资讯与译文", template: "%s · 署名 Byline" },
  description: "署名 Byline：原创报道与英文安全资讯翻译，关注漏洞、威胁情报、勒索软件与安全工具。",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f58bf" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
