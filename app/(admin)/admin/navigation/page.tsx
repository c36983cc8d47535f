import type { Metadata } from "next";
import { getNavigationForAdmin } from "@/lib/services/navigation/get-navigation-for-admin";
import { MAX_NAV_ITEMS } from "@/lib/services/navigation/schemas";
import { adminActor } from "../gate";
import { NavigationEditor } from "./navigation-editor";

export const metadata: Metadata = { title: "导航菜单" };

/** 导航菜单 (admins): the header's 导读 menu and links, edited as two ordered lists. */
export default async function NavigationPage() {
  const actor = await adminActor("settings.manage");
  const nav = await getNavigationForAdmin(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">导航菜单</h1>
      <p className="text-sm text-ink-600">
        编辑页头的链接和「导读」下拉菜单。每个列表最多 {MAX_NAV_ITEMS} 项；网址填站内路径（如 /feed）或
        http(s):// 开头的完整网址。保存后，网站页头在下次打开页面时更新。
        {nav.isDefault.guide && nav.isDefault.header && " 目前显示的是默认菜单。"}
      </p>
      <NavigationEditor initial={{ guide: nav.guide, header: nav.header }} max={MAX_NAV_ITEMS} />
    </div>
  );
}
