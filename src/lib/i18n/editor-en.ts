/** English strings for editor (same shape as editor-da.ts). */
import type { EditorMessages } from './editor-da.ts';

export const editorEn: EditorMessages = {
  title: 'Editor',
};
