/** Danish strings for editor (merged into the catalogue as `editor`). */
export const editorDa = {
  title: 'Editor',
};

export type EditorMessages = typeof editorDa;
