/**
 * Word writes a list as paragraphs (class MsoListParagraph…, style "mso-list:l0 level2 lfo1") with
 * the typed marker ("1.", "·", "o") in a conditional comment that clean-html.ts turned into a
 * <span data-list-marker>. These become real nested <ul>/<ol> with one <li><p> per paragraph.
 */
type WordItem = { el: Element; list: string; level: number; ordered: boolean };
type Open = { list: Element; level: number; id: string };

// "1." "a)" "iv." "（一）" "一、": numbered; Symbol/Wingdings bullets ("·", "l", "n", "§", "o") are not
const ORDERED_MARKER =
  /^(\(?[0-9]{1,4}|[a-z]{1,2}|[ivxlcdm]{1,6})[.)]|^[（(]?[一二三四五六七八九十]+[)）、]/i;

function wordItem(el: Element): WordItem | null {
  if (el.tagName !== "P") return null;
  const m = /mso-list\s*:\s*(l\d+)\s+level(\d+)/i.exec(el.getAttribute("style") ?? "");
  if (!m) return null;
  const marker = (el.querySelector("[data-list-marker]")?.textContent ?? "").replace(/\s|\u00a0/g, "");
  return { el, list: m[1]!, level: Math.min(9, Number(m[2])), ordered: ORDERED_MARKER.test(marker) };
}

/** The list paragraphs that follow `first` directly (whitespace between them does not count). */
function run(first: WordItem): WordItem[] {
  const out = [first];
  for (let n = first.el.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 3 && !n.textContent?.trim()) continue;
    const item = n.nodeType === 1 ? wordItem(n as Element) : null;
    if (!item) break;
    out.push(item);
  }
  return out;
}

function convert(items: WordItem[]) {
  const doc = items[0]!.el.ownerDocument;
  const stack: Open[] = [];
  const newList = (item: WordItem) => doc.createElement(item.ordered ? "ol" : "ul");
  for (const item of items) {
    while (stack.length && stack.at(-1)!.level > item.level) stack.pop();
    // a different Word list at the top level (bullets straight after numbers) is a new list
    if (stack.length === 1 && stack[0]!.level === item.level && stack[0]!.id !== item.list) stack.pop();
    if (!stack.length) {
      const list = newList(item);
      item.el.before(list);
      stack.push({ list, level: item.level, id: item.list });
    } else if (stack.at(-1)!.level < item.level) {
      const list = newList(item);
      const parentItem = stack.at(-1)!.list.lastElementChild;
      (parentItem ?? stack.at(-1)!.list).append(list);
      stack.push({ list, level: item.level, id: item.list });
    }
    const li = doc.createElement("li");
    const p = doc.createElement("p");
    p.append(...Array.from(item.el.childNodes));
    li.append(p);
    stack.at(-1)!.list.append(li);
    item.el.remove();
  }
}

export function buildWordLists(body: HTMLElement) {
  for (const p of Array.from(body.querySelectorAll("p"))) {
    if (!p.isConnected) continue; // already moved into a list by an earlier run
    const first = wordItem(p);
    if (first) convert(run(first));
  }
}
