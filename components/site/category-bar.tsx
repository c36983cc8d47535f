import type { CategoryDto } from "@/lib/services/public/list-categories";

/** The blue category bar, in the editors' order; scrolls sideways on narrow screens. */
export function CategoryBar({ categories }: { categories: CategoryDto[] }) {
  return (
    <nav aria-label="栏目" className="bg-brand-600">
      <ul className="s-catbar">
        {categories.map((c) => (
          <li key={c.id}>
            <a href={`/category/${c.slug}`}>{c.name}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
