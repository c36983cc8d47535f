type Props = {
  /** [value, label] pairs: `Object.entries(ROLE_LABELS)`, or categories mapped to [id, name] */
  items: Iterable<readonly [string | number, string]>;
  /** a first, unselectable "please choose" entry, for a select that starts empty and is required */
  placeholder?: string;
};

/** The <option>s of a select, from a label map or a list. */
export function Options({ items, placeholder }: Props) {
  return (
    <>
      {placeholder && (
        <option value="" disabled>
          {placeholder}
        </option>
      )}
      {[...items].map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}
