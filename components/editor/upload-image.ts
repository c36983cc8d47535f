/** What POST /api/media answers (more fields are ignored); srcset: its WebP renditions, for the figure. */
export type UploadedImage = { url: string; width: number; height: number; srcset: string | null };

/** Sends one image to /api/media. Throws an Error with the server's zh-CN message on failure. */
export async function uploadImageFile(file: File, alt = ""): Promise<UploadedImage> {
  const form = new FormData();
  form.append("file", file);
  if (alt) form.append("alt", alt);
  let res: Response;
  try {
    res = await fetch("/api/media", { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw new Error("网络连接失败，图片没有上传，请检查网络后重试。");
  }
  const data = (await res.json().catch(() => null)) as
    (UploadedImage & { error?: { message?: string } }) | null;
  if (data?.error?.message) throw new Error(data.error.message);
  // the request guard answers an oversized body before the route sees it, maybe without JSON
  if (res.status === 413) throw new Error("图片过大，没有上传。请压缩后再试。");
  if (!res.ok || !data?.url) throw new Error("图片上传失败，请稍后重试。");
  return { url: data.url, width: data.width, height: data.height, srcset: data.srcset ?? null };
}
