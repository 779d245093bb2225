import type { ImportTarget } from './types';

/** A field's name in the UI language: the server sends both, and custom fields may lack a Chinese one. */
export function targetLabel(target: Pick<ImportTarget, 'label' | 'label_zh'>, language: string): string {
  return language.startsWith('zh') && target.label_zh ? target.label_zh : target.label;
}
