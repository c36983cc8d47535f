/** How much source one translation may hold: a long report has a few hundred segments. Refused beyond, never cut. */
export const MAX_SOURCE_SEGMENTS = 2_000;
export const MAX_SOURCE_CHARS = 200_000;

export const tooLongSource = () =>
  `原文过长（上限 ${MAX_SOURCE_SEGMENTS} 段、${MAX_SOURCE_CHARS.toLocaleString("en")} 个字符），无法导入；请只导入需要翻译的部分（可改用粘贴原文）。`;
