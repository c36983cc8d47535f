/** An avatar, or the first character of the name on a brand tile when there is none. Decorative: the name is always next to it. */
export function PersonAvatar({ name, url, size = 56 }: { name: string; url: string | null; size?: number }) {
  const style = { width: size, height: size };
  if (url) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- avatars are small, pre-sized media
      <img
        src={url}
        alt=""
        width={size}
        height={size}
        style={style}
        className="shrink-0 rounded-full object-cover"
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      style={{ ...style, fontSize: size * 0.4 }}
      className="flex shrink-0 items-center justify-center rounded-full bg-brand-600 font-semibold text-white"
    >
      {[...name][0]}
    </span>
  );
}
