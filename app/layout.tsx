import type { Metadata, Viewport } from "next";
import { siteMetadata } from "@/lib/seo/site-metadata";
import { getSiteSettings } from "@/lib/services/public/get-site-settings";
import "./globals.css";

/** Title template, site name and description, favicon: from 站点设置 (cached, tag settings). */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(process.env.SITE_URL ?? "http://localhost:3000"),
    ...siteMetadata(await getSiteSettings()),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f58bf" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
