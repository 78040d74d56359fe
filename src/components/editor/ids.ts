/** Element ids shared by the editor's form components and the pages' error summaries. */

/** The id of one checkbox in a group: `partnerIds-3`. */
export function checkboxId(name: string, value: string): string {
  return `${name}-${value}`;
}
