/** The white card that holds a filter form, an empty state or a section of the staff screens. */
export const cardClass = "rounded-lg bg-white p-4 shadow-sm";
