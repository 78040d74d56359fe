/** Element ids shared by the editor's form components and the pages' error summaries. */

/** The id of one checkbox in a group: `partnerIds-3`. */
export function checkboxId(name: string, value: string): string {
  return `${name}-${value}`;
}

/** Where an error summary links for a place question (PlacesField): its select when it takes one place, else its first checkbox. */
export function placesFieldFirstId(name: string, max: number, firstPlaceId: string): string {
  return max === 1 ? `${name}-list` : checkboxId(name, firstPlaceId);
}
